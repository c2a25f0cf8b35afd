import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { parseCrops } from '../media/crops.ts';
import type { Block } from './blocks.ts';
import type {
  Article,
  ArticleSummary,
  ImageRef,
  Page,
  Person,
  PersonRef,
  Section,
  SectionRef,
  TagRef,
} from './model.ts';
import { articleUrl, authorUrl, sectionUrl, tagUrl } from './urls.ts';
import { isReaderVisible, readerVisible } from './visibility.ts';

/**
 * The one read path for published content. Pages, feeds and the API call these,
 * so the visibility rule (published, due, not deleted) lives here only.
 */

type DB = Kysely<Database>;

/** The columns of a summary row (shared by summaryQuery and the id-driven summariesByIds). */
const SUMMARY_COLUMNS = [
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
function summaryQuery(db: DB) {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as m', 'm.id', 'a.featured_media_id')
    .select(SUMMARY_COLUMNS);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

/** Restricts a query on `articles as a` to what readers may see at `now`. */
function visible(q: ReturnType<typeof summaryQuery>, now: number) {
  return q.where(readerVisible(now));
}

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

function sectionRef(id: number, slug: string, name: string): SectionRef {
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

async function toSummaries(db: DB, rows: SummaryRow[]): Promise<ArticleSummary[]> {
  const [list] = await toSummaryLists(db, [rows]);
  return list ?? [];
}

/** Several lists of summary rows made summaries with one bylines lookup for all of them. */
async function toSummaryLists(db: DB, lists: SummaryRow[][]): Promise<ArticleSummary[][]> {
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

/** What a request for an article id finds: the article, or why there is none. */
export type ArticleLookup =
  | { kind: 'found'; article: Article }
  | { kind: 'gone' }
  | { kind: 'missing' };

/** Loads one article for its public page; unpublished and future ones are missing, deleted ones gone. */
export async function getPublishedArticle(db: DB, id: number, now: number): Promise<ArticleLookup> {
  const row = await summaryQuery(db)
    .select([
      'a.body',
      'a.status',
      'a.dateline',
      'a.source_credit',
      'a.byline_initials',
      'a.first_published_at',
      'a.comments_open',
      'a.seo_title',
      'a.seo_description',
      'a.deleted_at',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return { kind: 'missing' };
  if (row.deleted_at != null) return { kind: 'gone' };
  if (!isReaderVisible(row, now)) return { kind: 'missing' };
  const [summary] = await toSummaries(db, [row]);
  const body = JSON.parse(row.body) as Block[];
  const [tags, bodyImages, pinnedIds] = await Promise.all([
    tagsFor(db, id),
    imagesFor(
      db,
      body.flatMap((b) => (b.type === 'image' ? [b.mediaId] : [])),
    ),
    pinsFor(db, id, now),
  ]);
  return {
    kind: 'found',
    article: {
      ...(summary as ArticleSummary),
      body,
      bodyImages,
      dateline: row.dateline,
      sourceCredit: row.source_credit,
      bylineInitials: row.byline_initials,
      tags,
      firstPublishedAt: row.first_published_at ?? summary?.publishedAt ?? now,
      commentsOpen: row.comments_open === 1,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      pinnedIds,
    },
  };
}

async function tagsFor(db: DB, articleId: number): Promise<TagRef[]> {
  const rows = await db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['t.id', 't.slug', 't.name'])
    .where('at.article_id', '=', articleId)
    .orderBy('at.position')
    .execute();
  return rows.map((t) => ({ ...t, url: tagUrl(t.slug) }));
}

async function imagesFor(db: DB, ids: number[]): Promise<Record<number, ImageRef>> {
  if (ids.length === 0) return {};
  const rows = await db.selectFrom('media').selectAll().where('id', 'in', ids).execute();
  return Object.fromEntries(
    rows.map((m) => [
      m.id,
      {
        mediaId: m.id,
        storageKey: m.storage_key,
        width: m.width,
        height: m.height,
        variants: JSON.parse(m.variants),
        alt: m.alt,
        caption: m.caption,
        credit: m.credit,
        archive: false,
      },
    ]),
  );
}

async function pinsFor(db: DB, articleId: number, now: number): Promise<number[]> {
  // CROSS JOIN: the article's few pins drive the lookup (by primary key), never
  // a walk over every published article.
  const rows = await db
    .selectFrom('article_pins as p')
    .crossJoin('articles as a')
    .select('p.related_id')
    .whereRef('a.id', '=', 'p.related_id')
    .where('p.article_id', '=', articleId)
    .where(readerVisible(now))
    .orderBy('p.position')
    .execute();
  return rows.map((r) => r.related_id);
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

/** Every section, top-level first in menu order, with parents and children linked. */
export async function listSections(db: DB): Promise<Section[]> {
  const rows = await db
    .selectFrom('sections')
    .selectAll()
    .orderBy('position')
    .orderBy('id')
    .execute();
  const refs = new Map(rows.map((r) => [r.id, sectionRef(r.id, r.slug, r.name)]));
  return rows.map((r) => ({
    ...(refs.get(r.id) as SectionRef),
    description: r.description,
    position: r.position,
    parent: r.parent_id != null ? (refs.get(r.parent_id) ?? null) : null,
    children: rows.filter((c) => c.parent_id === r.id).map((c) => refs.get(c.id) as SectionRef),
    hidden: r.hidden === 1,
  }));
}

/** A tag by slug, or undefined. */
export async function findTag(db: DB, slug: string): Promise<TagRef | undefined> {
  const t = await db
    .selectFrom('tags')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return t && { ...t, url: tagUrl(t.slug) };
}

/** A person by slug, or undefined. */
export async function findPerson(db: DB, slug: string): Promise<Person | undefined> {
  const p = await db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst();
  return p && { ...p, url: authorUrl(p.slug) };
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

/** Tags of each given article, in the order the article lists them (one query). */
export async function tagsOfArticles(db: DB, ids: number[]): Promise<Map<number, TagRef[]>> {
  const out = new Map<number, TagRef[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['at.article_id', 't.id', 't.slug', 't.name'])
    .where('at.article_id', 'in', ids)
    .orderBy('at.article_id')
    .orderBy('at.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({ id: r.id, slug: r.slug, name: r.name, url: tagUrl(r.slug) });
    out.set(r.article_id, list);
  }
  return out;
}

/** Tags in id order after `afterId` (keyset pages for the Content API). */
export async function listTagsAfter(db: DB, afterId: number, limit: number): Promise<TagRef[]> {
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'slug', 'name'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((t) => ({ ...t, url: tagUrl(t.slug) }));
}

/** People (authors) in id order after `afterId` (keyset pages for the Content API). */
export async function listPeopleAfter(db: DB, afterId: number, limit: number): Promise<Person[]> {
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((p) => ({ ...p, url: authorUrl(p.slug) }));
}
