/**
 * Surrogate keys: names for what a cached page shows, so a change purges only
 * the pages that show it. A page carries its own keys (set by its route in the
 * `Surrogate-Key` response header) plus `links-N` for every article N it links
 * to; the same header lets nginx, Varnish or a CDN hold and purge pages by the
 * same names.
 */
export const cacheKeys = {
  home: 'home',
  /** Every RSS feed (the site's and each section's). */
  feeds: 'feeds',
  /** Sitemaps, the news sitemap and robots.txt. */
  sitemaps: 'sitemaps',
  /** Search result pages. */
  search: 'search',
  /** Date archive pages. */
  archive: 'archive',
  /** The article's own page (comments included). */
  article: (id: number) => `article-${id}`,
  /** Every page that links to the article (lists, "Baca juga", most read). */
  links: (id: number) => `links-${id}`,
  section: (id: number) => `section-${id}`,
  tag: (id: number) => `tag-${id}`,
  author: (id: number) => `author-${id}`,
} as const;

/** Article links as every page writes them: `/{section}/{id}/{slug}`. */
const ARTICLE_LINK = /\/([a-z0-9-]{1,120})\/([1-9]\d{0,9})\/[a-z0-9-]{1,120}(?=["'<#?\s])/g;

/**
 * The `links-N` keys of every article a rendered page links to. Reading the
 * links off the page, rather than asking each view what it shows, keeps a new
 * box on a page from silently escaping purges.
 */
export function linkedArticleKeys(body: string): string[] {
  const ids = new Set<string>();
  for (const m of body.matchAll(ARTICLE_LINK)) {
    if (m[1] !== 'arsip' && m[2]) ids.add(m[2]);
  }
  return [...ids].map((id) => `links-${id}`);
}
