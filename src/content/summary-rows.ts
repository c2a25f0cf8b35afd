import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { parseCrops } from '../media/crops.ts';
import type { ArticleSummary, ImageRef, PersonRef, SectionRef } from './model.ts';
import { articleUrl, authorUrl, sectionUrl } from './urls.ts';

/**
 * The summary row shared by content's public reads: the joined columns of an
 * article, its section and featured photo, and how rows become
 * ArticleSummary values (bylines looked up once for any number of lists).
 */

type DB = Kysely<Database>;

/** The columns of a summary row (shared by summaryQuery and the id-driven summariesByIds). */
export const SUMMARY_COLUMNS = [
  'a.id',
  'a.slug',
  'a.headline',
  'a.deck',
  'a.published_at',
  'a.updated_at',
  'a.modified_at',
  'a.featured_caption',
  'a.featured_credit',
  'a.featured_archive',
  'a.featured_alt',
  's.id as section_id',
  's.slug as section_slug',
  's.name as section_name',
  'm.id as media_id',
  'm.storage_key',
  'm.width as media_width',
  'm.height as media_height',
  'm.variants as media_variants',
  'm.alt as media_alt',
  'm.caption as media_caption',
  'm.credit as media_credit',
  'm.crops as media_crops',
] as const;

/** Rows joined for a summary; the alias names are the contract with toSummary. */
export function summaryQuery(db: DB) {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as m', 'm.id', 'a.featured_media_id')
    .select(SUMMARY_COLUMNS);
}

export type SummaryRow = Awaited<
  ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>
>;

function toImage(r: SummaryRow): ImageRef | null {
  if (r.media_id == null || r.storage_key == null) return null;
  return {
    mediaId: r.media_id,
    storageKey: r.storage_key,
    width: r.media_width ?? 0,
    height: r.media_height ?? 0,
    variants: JSON.parse(r.media_variants ?? '{"webp":[],"jpeg":[]}'),
    alt: r.featured_alt || r.media_alt || '',
    caption: r.featured_caption || r.media_caption || '',
    credit: r.featured_credit || r.media_credit || '',
    archive: r.featured_archive === 1,
    crops: r.media_crops ? parseCrops(r.media_crops) : undefined,
  };
}

export function sectionRef(id: number, slug: string, name: string): SectionRef {
  return { id, slug, name, url: sectionUrl(slug) };
}

async function bylinesFor(db: DB, ids: number[]): Promise<Map<number, PersonRef[]>> {
  const out = new Map<number, PersonRef[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('article_bylines as b')
    .innerJoin('people as p', 'p.id', 'b.person_id')
    .select(['b.article_id', 'p.id', 'p.slug', 'p.name', 'p.initials'])
    .where('b.article_id', 'in', ids)
    .orderBy('b.article_id')
    .orderBy('b.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({
      id: r.id,
      slug: r.slug,
      name: r.name,
      initials: r.initials,
      url: authorUrl(r.slug),
    });
    out.set(r.article_id, list);
  }
  return out;
}

export async function toSummaries(db: DB, rows: SummaryRow[]): Promise<ArticleSummary[]> {
  const [list] = await toSummaryLists(db, [rows]);
  return list ?? [];
}

/** Several lists of summary rows made summaries with one bylines lookup for all of them. */
export async function toSummaryLists(db: DB, lists: SummaryRow[][]): Promise<ArticleSummary[][]> {
  const ids = [...new Set(lists.flatMap((rows) => rows.map((r) => r.id)))];
  const bylines = await bylinesFor(db, ids);
  return lists.map((rows) => summariesOf(rows, bylines));
}

function summariesOf(rows: SummaryRow[], bylines: Map<number, PersonRef[]>): ArticleSummary[] {
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    url: articleUrl(r.section_slug, r.id, r.slug),
    headline: r.headline,
    deck: r.deck,
    section: sectionRef(r.section_id, r.section_slug, r.section_name),
    image: toImage(r),
    bylines: bylines.get(r.id) ?? [],
    publishedAt: r.published_at ?? r.updated_at,
    // When readers last saw the content change: a status change (unpublish,
    // republish) is not an update; an edit before publication counts as none.
    updatedAt: Math.max(r.published_at ?? r.updated_at, r.modified_at ?? r.updated_at),
  }));
}
