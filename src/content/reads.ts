import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Block } from './blocks.ts';
import { readerVisible, readerVisibleOnceDue } from './visibility.ts';

/**
 * Reads other capabilities need from the articles tables, so that discovery,
 * distribution and media never query `articles`, `article_tags` or `sections`
 * themselves: content owns its tables and the visibility rule. Every function
 * here is batched (one or two queries per call, whatever the number of ids).
 */

type DB = Kysely<Database>;

/** The text of an article as the search and related indexes read it. */
export interface ArticleText {
  id: number;
  sectionId: number;
  publishedAt: number;
  version: number;
  headline: string;
  deck: string;
  /** The body blocks (an unreadable body is an empty list). */
  body: Block[];
}

function parseBody(raw: string): Block[] {
  try {
    const blocks = JSON.parse(raw) as unknown;
    return Array.isArray(blocks) ? (blocks as Block[]) : [];
  } catch {
    return [];
  }
}

function textQuery(db: DB) {
  return db
    .selectFrom('articles as a')
    .select([
      'a.id',
      'a.section_id',
      'a.published_at',
      'a.version',
      'a.headline',
      'a.deck',
      'a.body',
    ])
    .where(readerVisibleOnceDue('a'));
}

function toText(
  r: Awaited<ReturnType<ReturnType<typeof textQuery>['execute']>>[number],
): ArticleText {
  return {
    id: r.id,
    sectionId: r.section_id,
    publishedAt: Number(r.published_at),
    version: r.version,
    headline: r.headline,
    deck: r.deck,
    body: parseBody(r.body),
  };
}

/**
 * Texts of the given articles that the indexes should hold (published, not
 * deleted, due now or later: see readerVisibleOnceDue); others are left out.
 * One query by primary key.
 */
export async function articleTextsForIndex(db: DB, ids: number[]): Promise<ArticleText[]> {
  if (ids.length === 0) return [];
  return (await textQuery(db).where('a.id', 'in', ids).execute()).map(toText);
}

/**
 * The next `limit` texts the indexes should hold after `afterId`, in id order:
 * the batches of a full rebuild (one query walking the primary key).
 */
export async function indexableTextsAfter(
  db: DB,
  afterId: number,
  limit: number,
): Promise<ArticleText[]> {
  const rows = await textQuery(db)
    .where('a.id', '>', afterId)
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map(toText);
}

/** Tag ids of each given article, in the order the article lists them. One query. */
export async function tagIdsOf(db: DB, ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('article_tags')
    .select(['article_id', 'tag_id'])
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push(r.tag_id);
    out.set(r.article_id, list);
  }
  return out;
}

/** How many articles the indexes should hold (for progress reports). */
export async function countIndexableArticles(db: DB): Promise<number> {
  const row = await db
    .selectFrom('articles as a')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(readerVisibleOnceDue('a'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The largest article id so far (0 for none): a watermark for catching up on new articles. */
export async function maxArticleId(db: DB): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** Which of the given ids still exist as article rows (deleted ones included). */
export async function existingArticleIds(db: DB, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('articles').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Publication time of the oldest article a reader may see at `now`, or null. */
export async function oldestVisiblePublishedAt(db: DB, now: number): Promise<number | null> {
  const row = await db
    .selectFrom('articles as a')
    .select((eb) => eb.fn.min('a.published_at').as('t'))
    .where(readerVisible(now))
    .executeTakeFirst();
  return row?.t == null ? null : Number(row.t);
}

/** An article that shows an image, and how. */
export interface MediaUse {
  articleId: number;
  headline: string;
  status: string;
  featured: boolean;
  inBody: boolean;
}

/**
 * The articles (not deleted) that use an image as their featured photo or in
 * an image block of the body, most recently updated first (at most 200). The
 * body is JSON text on both dialects, so it is narrowed with LIKE on
 * `"mediaId":<id>` followed by `,` or `}` and then confirmed by parsing, which
 * rules out false matches.
 */
export async function articlesUsingMedia(db: DB, mediaId: number): Promise<MediaUse[]> {
  if (!Number.isSafeInteger(mediaId)) return [];
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'headline', 'status', 'featured_media_id', 'body'])
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('featured_media_id', '=', mediaId),
        eb('body', 'like', `%"mediaId":${mediaId},%`),
        eb('body', 'like', `%"mediaId":${mediaId}}%`),
      ]),
    )
    .orderBy('updated_at', 'desc')
    .limit(200)
    .execute();
  const uses: MediaUse[] = [];
  for (const r of rows) {
    const featured = r.featured_media_id === mediaId;
    const inBody = parseBody(r.body).some((b) => b?.type === 'image' && b.mediaId === mediaId);
    if (featured || inBody) {
      uses.push({ articleId: r.id, headline: r.headline, status: r.status, featured, inBody });
    }
  }
  return uses;
}

/** Where an article is listed: its section and that section's parent, its tags, its bylines. */
export interface ArticlePlaces {
  sectionIds: number[];
  tagIds: number[];
  personIds: number[];
}

/**
 * The lists an article appears in, whatever its state (a draft, an unpublished
 * or a deleted article still names its section and tags): what a change to it
 * must refresh. Three queries; an unknown id has no places.
 */
export async function articlePlaces(db: DB, id: number): Promise<ArticlePlaces> {
  const [section, tags, people] = await Promise.all([
    db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .select(['s.id', 's.parent_id'])
      .where('a.id', '=', id)
      .executeTakeFirst(),
    db.selectFrom('article_tags').select('tag_id').where('article_id', '=', id).execute(),
    db.selectFrom('article_bylines').select('person_id').where('article_id', '=', id).execute(),
  ]);
  return {
    sectionIds: section
      ? [section.id, ...(section.parent_id == null ? [] : [section.parent_id])]
      : [],
    tagIds: tags.map((t) => t.tag_id),
    personIds: people.map((p) => p.person_id),
  };
}
