import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { listPublished, listSections } from '../content/queries.ts';
import { oldestVisiblePublishedAt } from '../content/reads.ts';
import type { Database } from '../db/schema.ts';
import { dayRangeInZone, isoInZone, localDateParts } from '../lib/time.ts';
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

/** The sitemap index: one sitemap for sections, one per month of articles. */
export async function sitemapIndex(db: DB, config: Config, now = Date.now()): Promise<string> {
  const names = [
    'sitemap-pages.xml',
    ...(await publishedMonths(db, config, now)).map((m) => `sitemap-${m}.xml`),
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

/** Articles published in one month (YYYY-MM in the site zone); null for an impossible month. */
export async function monthSitemap(
  db: DB,
  config: Config,
  year: number,
  month: number,
  now = Date.now(),
): Promise<string | null> {
  const range = dayRangeInZone(year, month, undefined, config.timeZone);
  if (!range) return null;
  const page = await listPublished(
    db,
    { from: range.start, to: range.end },
    { now, pageSize: 50_000 },
  );
  return urlset(
    page.items.map((a) => ({
      loc: `${config.siteUrl}${a.url}`,
      lastmod: isoInZone(a.updatedAt, config.timeZone),
    })),
  );
}

/** Google News sitemap: articles of the last two days. */
export async function newsSitemap(db: DB, config: Config, now = Date.now()): Promise<string> {
  const page = await listPublished(db, { from: now - 2 * 86_400_000 }, { now, pageSize: 1000 });
  const body = page.items
    .map(
      (a) =>
        `<url><loc>${xmlEscape(`${config.siteUrl}${a.url}`)}</loc><news:news><news:publication><news:name>${xmlEscape(config.siteName)}</news:name><news:language>${config.language}</news:language></news:publication><news:publication_date>${isoInZone(a.publishedAt, config.timeZone)}</news:publication_date><news:title>${xmlEscape(a.headline)}</news:title></news:news></url>`,
    )
    .join('\n');
  return `${HEAD}<urlset xmlns="${NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${body}\n</urlset>\n`;
}
