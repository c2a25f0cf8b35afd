import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { listPublished } from '../content/queries.ts';
import { oldestVisiblePublishedAt } from '../content/reads.ts';
import { listSections } from '../content/taxonomy-queries.ts';
import type { Database } from '../db/schema.ts';
import { memoRead } from '../db/write-generation.ts';
import { dayRangeInZone, isoInZone, localDateParts } from '../lib/time.ts';
import { cachedSections, READ_TTL_MS } from '../site/read-cache.ts';
import { excludedSectionIds, newsExclusions } from './news-exclusions.ts';
import { xmlEscape } from './xml.ts';

type DB = Kysely<Database>;
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function urlset(entries: { loc: string; lastmod?: string }[], extraNs = ''): string {
  const body = entries
    .map(
      (e) =>
        `<url><loc>${xmlEscape(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `${HEAD}<urlset xmlns="${NS}"${extraNs}>\n${body}\n</urlset>\n`;
}

/** Months (in the site zone) from the oldest published article to now, newest first. */
async function publishedMonths(db: DB, config: Config, now: number): Promise<string[]> {
  const oldest = await oldestVisiblePublishedAt(db, now);
  if (oldest == null) return [];
  const from = localDateParts(oldest, config.timeZone);
  const to = localDateParts(now, config.timeZone);
  const months: string[] = [];
  for (let y = to.year, m = to.month; y > from.year || (y === from.year && m >= from.month); ) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return months;
}

/** The sitemaps protocol's limit of URLs in one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News: articles published in the last 48 hours, at most 1,000 of them. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;
export const NEWS_MAX_URLS = 1000;

/** Half-open range of one month in the site zone, or null for an impossible month. */
function monthRange(config: Config, ym: string) {
  const [y, m] = ym.split('-').map(Number);
  return dayRangeInZone(y ?? 0, m ?? 0, undefined, config.timeZone);
}

/** The file name of part `part` (1-based) of a month's sitemap: part 1 has no suffix. */
export function monthSitemapName(ym: string, part: number): string {
  return part === 1 ? `sitemap-${ym}.xml` : `sitemap-${ym}-${part}.xml`;
}

/**
 * The sitemap index: one sitemap for home and sections, then each month that
 * has articles, split into parts of at most `maxUrls` URLs (the protocol's
 * 50,000; a parameter so tests can split small).
 */
export async function sitemapIndex(
  db: DB,
  config: Config,
  now = Date.now(),
  maxUrls = SITEMAP_MAX_URLS,
): Promise<string> {
  const months = await publishedMonths(db, config, now);
  const counts = await Promise.all(
    months.map(async (ym) => {
      const range = monthRange(config, ym);
      if (!range) return 0;
      const page = await listPublished(
        db,
        { from: range.start, to: range.end },
        { now, pageSize: 1 },
      );
      return page.total;
    }),
  );
  const names = [
    'sitemap-pages.xml',
    ...months.flatMap((ym, i) =>
      Array.from({ length: Math.ceil((counts[i] ?? 0) / maxUrls) }, (_, p) =>
        monthSitemapName(ym, p + 1),
      ),
    ),
  ];
  const body = names
    .map((n) => `<sitemap><loc>${xmlEscape(`${config.siteUrl}/${n}`)}</loc></sitemap>`)
    .join('\n');
  return `${HEAD}<sitemapindex xmlns="${NS}">\n${body}\n</sitemapindex>\n`;
}

/** Home and section pages. */
export async function pagesSitemap(db: DB, config: Config): Promise<string> {
  const sections = await listSections(db);
  return urlset([
    { loc: `${config.siteUrl}/` },
    ...sections.map((s) => ({ loc: `${config.siteUrl}${s.url}` })),
  ]);
}

/**
 * Part `part` (of `maxUrls` each) of the articles published in one month
 * (site zone); `lastmod` is the article's last content change (`updated_at`:
 * an edit or a status change, never a comment or a view). Null for an
 * impossible month or a part past the end.
 */
export async function monthSitemap(
  db: DB,
  config: Config,
  year: number,
  month: number,
  now = Date.now(),
  part = 1,
  maxUrls = SITEMAP_MAX_URLS,
): Promise<string | null> {
  const range = dayRangeInZone(year, month, undefined, config.timeZone);
  if (!range || part < 1) return null;
  const page = await listPublished(
    db,
    { from: range.start, to: range.end },
    { now, pageSize: maxUrls, page: part },
  );
  if (part > 1 && page.items.length === 0) return null;
  return urlset(
    page.items.map((a) => ({
      loc: `${config.siteUrl}${a.url}`,
      lastmod: isoInZone(a.updatedAt, config.timeZone),
    })),
  );
}

/**
 * Google News sitemap: articles published in the last 48 hours, newest
 * first, at most 1,000 (`maxUrls`), without the sections and articles an
 * editor excluded.
 */
export async function newsSitemap(
  db: DB,
  config: Config,
  now = Date.now(),
  maxUrls = NEWS_MAX_URLS,
): Promise<string> {
  // Both held in memory between writes (the read cache), so a warm news sitemap costs what it did.
  const [excluded, sections] = await Promise.all([
    memoRead(db, 'news-exclusions', READ_TTL_MS, () => newsExclusions(db), now),
    cachedSections(db),
  ]);
  const out = excludedSectionIds(sections, excluded.sections);
  const page = await listPublished(
    db,
    {
      from: now - NEWS_WINDOW_MS,
      ...(out.size ? { sectionIds: sections.map((s) => s.id).filter((id) => !out.has(id)) } : {}),
      excludeIds: [...excluded.articles],
    },
    { now, pageSize: maxUrls, count: false },
  );
  const body = page.items
    .map(
      (a) =>
        `<url><loc>${xmlEscape(`${config.siteUrl}${a.url}`)}</loc><news:news><news:publication><news:name>${xmlEscape(config.siteName)}</news:name><news:language>${config.language}</news:language></news:publication><news:publication_date>${isoInZone(a.publishedAt, config.timeZone)}</news:publication_date><news:title>${xmlEscape(a.headline)}</news:title></news:news></url>`,
    )
    .join('\n');
  return `${HEAD}<urlset xmlns="${NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${body}\n</urlset>\n`;
}
