/**
 * URL slugs for articles, tags and authors: ASCII only, so links survive
 * copy-paste into chat apps and old feed readers unchanged.
 */

/** Letters that NFKD does not decompose but have an obvious ASCII spelling. */
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

/** Used when nothing sluggable is left (emoji, non-Latin script, punctuation). */
export const FALLBACK_SLUG = 'artikel';

/**
 * Turns any headline into `[a-z0-9]+(-[a-z0-9]+)*` of at most `maxLength` chars,
 * cut at a word boundary when possible. Never empty: falls back to 'artikel'
 * (which is returned as is even when `maxLength` < 7).
 */
export function slugify(text: string, maxLength = 80): string {
  const limit = Number.isFinite(maxLength) ? Math.max(1, Math.floor(maxLength)) : 80;
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđðłıþ]/g, (ch) => FOLD[ch] ?? '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return FALLBACK_SLUG;
  if (slug.length <= limit) return slug;
  let cut = slug.slice(0, limit);
  if (slug[limit] !== '-') {
    const lastHyphen = cut.lastIndexOf('-');
    // A single word longer than the limit gets a hard cut instead of vanishing.
    if (lastHyphen > 0) cut = cut.slice(0, lastHyphen);
  }
  return cut.replace(/-+$/, '') || FALLBACK_SLUG;
}

/** Top-level paths owned by the app; an article slug must never shadow them. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'tag',
  'penulis',
  'arsip',
  'cari',
  'static',
  'media',
  'feed',
  'rss',
  'sitemap',
  'sitemap.xml',
  'api',
  'newsroom',
  'admin',
  'healthz',
  'readyz',
  'robots.txt',
  'favicon.ico',
]);

/** True when the slug (case-insensitively) collides with a reserved route. */
export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(slug.toLowerCase());
}
