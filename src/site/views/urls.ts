/**
 * URL helpers for views: safe link targets, absolute URLs, pager URLs.
 */

/** Browsers drop tabs and newlines inside URLs ("java\tscript:"), so refuse any control character. */
function hasControlChars(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Returns `href` when it is safe to put in a link (http(s) or a same-site
 * relative URL), otherwise null: `javascript:`, `data:`, protocol-relative
 * and anything with control characters is refused, so the caller renders text.
 */
export function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  const value = href.trim();
  if (value === '' || hasControlChars(value)) return null;
  if (HAS_SCHEME.test(value)) {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? value : null;
    } catch {
      return null;
    }
  }
  if (value.startsWith('//') || value.startsWith('/\\') || value.startsWith('\\')) return null;
  return value;
}

/** Makes a site path absolute with the site's base URL; absolute http(s) URLs pass through. */
export function absoluteUrl(siteUrl: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  const base = siteUrl.replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** URL of page `n` of a list whose first page lives at `basePath` (page 1 has no parameter). */
export function pageUrl(basePath: string, n: number): string {
  if (n <= 1) return basePath;
  return `${basePath}${basePath.includes('?') ? '&' : '?'}page=${n}`;
}
