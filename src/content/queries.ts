import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Article, ArticleSummary, Page } from './model.ts';
import {
  SUMMARY_COLUMNS,
  type SummaryRow,
  summaryQuery,
  toSummaries,
  toSummaryLists,
} from './summary-rows.ts';
import { readerVisible } from './visibility.ts';

/**
 * Lists of published articles: pages of a section, tag or author, summaries
 * by id, a page's batch of lists, and the same-topic ids. With
 * published-article.ts (one article) and taxonomy-queries.ts (sections, tags,
 * people), the one read path for published content: pages, feeds and the API
 * call these, so the visibility rule (published, due, not deleted) is applied
 * here only.
 */

type DB = Kysely<Database>;

/** Restricts a query on `articles as a` to what readers may see at `now`. */
function visible(q: ReturnType<typeof summaryQuery>, now: number) {
  return q.where(readerVisible(now));
}

/** Filters for a list of published articles. */
export interface ListFilter {
  sectionIds?: number[];
  tagId?: number;
  personId?: number;
  /** Half-open [from, to) range on published_at. */
  from?: number;
  to?: number;
  excludeIds?: number[];
  /** Restrict to these ids (e.g. search hits). */
  onlyIds?: number[];
  /** Only articles changed at or after this time (the Content API's `updated_since`). */
  updatedSince?: number;
  /** Keyset pagination: only articles after this one in newest-first order. */
  before?: { publishedAt: number; id: number };
}

/** The link tables from an article to its tags and to its bylined people. */
const LINKS = {
  tag: { table: 'article_tags', column: 'tag_id' },
  person: { table: 'article_bylines', column: 'person_id' },
} as const;

/** `articles as a` has a link row to tag or person `id`. */
function linkedTo(link: keyof typeof LINKS, id: number) {
  const { table, column } = LINKS[link];
  return sql<boolean>`exists (select l.article_id from ${sql.table(table)} as l
    where l.article_id = a.id and ${sql.ref(`l.${column}`)} = ${id})`;
}

/** How listPublished pages and counts. */
export interface ListOptions {
  now: number;
  page?: number;
  pageSize: number;
  /** false skips the COUNT query when the caller needs no pager (then total = items.length). */
  count?: boolean;
}

/** Newest first, one page of published articles matching the filter. */
export async function listPublished(
  db: DB,
  filter: ListFilter,
  opts: ListOptions,
): Promise<Page<ArticleSummary>> {
  const { rows, ...page } = await listPublishedRows(db, filter, opts);
  return { ...page, items: await toSummaries(db, rows) };
}

/** Summary rows of one page of a list, before their bylines are looked up. */
async function listPublishedRows(
  db: DB,
  filter: ListFilter,
  opts: ListOptions,
): Promise<Omit<Page<ArticleSummary>, 'items'> & { rows: SummaryRow[] }> {
  const page = opts.page ?? 1;
  let base = visible(summaryQuery(db), opts.now);
  if (filter.sectionIds) base = base.where('a.section_id', 'in', filter.sectionIds);
  if (filter.tagId != null) base = base.where(linkedTo('tag', filter.tagId));
  if (filter.personId != null) base = base.where(linkedTo('person', filter.personId));
  if (filter.from != null) base = base.where('a.published_at', '>=', filter.from);
  if (filter.to != null) base = base.where('a.published_at', '<', filter.to);
  if (filter.onlyIds) base = base.where('a.id', 'in', filter.onlyIds.length ? filter.onlyIds : [0]);
  if (filter.excludeIds?.length) base = base.where('a.id', 'not in', filter.excludeIds);
  if (filter.updatedSince != null) base = base.where('a.updated_at', '>=', filter.updatedSince);
  if (filter.before) {
    const { publishedAt, id } = filter.before;
    base = base.where((eb) =>
      eb.or([
        eb('a.published_at', '<', publishedAt),
        eb.and([eb('a.published_at', '=', publishedAt), eb('a.id', '<', id)]),
      ]),
    );
  }

  const [countRow, rows] = await Promise.all([
    opts.count === false
      ? undefined
      : base
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
    base
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(opts.pageSize)
      .offset((page - 1) * opts.pageSize)
      .execute(),
  ]);
  const total = countRow ? Number(countRow.n) : rows.length;
  return {
    rows,
    page,
    pageSize: opts.pageSize,
    total,
    totalPages: Math.max(1, Math.ceil(total / opts.pageSize)),
  };
}

/** Published summaries for the given ids, in the given order (missing ones dropped). */
export async function summariesByIds(
  db: DB,
  ids: number[],
  now: number,
): Promise<ArticleSummary[]> {
  return toSummaries(db, await summaryRowsByIds(db, ids, now));
}

/**
 * Lists for one page in one bylines lookup: `byIds` (in the given order,
 * missing ones dropped) and each of `lists` (first page, no count).
 */
export async function summaryBatch(
  db: DB,
  request: { byIds: number[]; lists: { filter: ListFilter; pageSize: number }[]; now: number },
): Promise<{ byIds: ArticleSummary[]; lists: ArticleSummary[][] }> {
  const { now } = request;
  const [picked, ...lists] = await Promise.all([
    summaryRowsByIds(db, request.byIds, now),
    ...request.lists.map(
      async (l) =>
        (await listPublishedRows(db, l.filter, { now, pageSize: l.pageSize, count: false })).rows,
    ),
  ]);
  const [byIds, ...rest] = await toSummaryLists(db, [picked, ...lists]);
  return { byIds: byIds ?? [], lists: rest };
}

/** Summary rows of published articles for the ids, in the given order. */
async function summaryRowsByIds(db: DB, ids: number[], now: number): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  // The id list drives the query: CROSS JOIN keeps SQLite from walking the
  // (status, published_at) index instead of looking the ids up by primary key.
  const picked = db.selectFrom('articles as p').select('p.id as pick').where('p.id', 'in', ids);
  const rows = await db
    .selectFrom(picked.as('pk'))
    .crossJoin('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as m', 'm.id', 'a.featured_media_id')
    .select(SUMMARY_COLUMNS)
    .whereRef('a.id', '=', 'pk.pick')
    .where(readerVisible(now))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Published articles that share the section or a tag with the given one, most
 * recent first. The placeholder choice for "Baca juga" until discovery ranks them.
 */
export async function sameTopicIds(
  db: DB,
  article: Pick<Article, 'id' | 'section' | 'tags'>,
  now: number,
  limit: number,
): Promise<number[]> {
  const tagIds = article.tags.map((t) => t.id);
  const rows = await db
    .selectFrom('articles as a')
    .select('a.id')
    .where(readerVisible(now))
    .where('a.id', '!=', article.id)
    .where((eb) =>
      eb.or([
        eb('a.section_id', '=', article.section.id),
        ...(tagIds.length
          ? [
              eb.exists(
                eb
                  .selectFrom('article_tags as t')
                  .select('t.article_id')
                  .whereRef('t.article_id', '=', 'a.id')
                  .where('t.tag_id', 'in', tagIds),
              ),
            ]
          : []),
      ]),
    )
    .orderBy('a.published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
