import type { Db } from '../db/connection.ts';
import type { ArticleStatus } from '../db/schema.ts';
import { readerVisible } from './visibility.ts';

/**
 * Content's reads for the newsroom: articles in every state (lists by writer
 * and state, the desk) and the small lookups behind the editor's autocomplete.
 * Unlike queries.ts these are not limited to what readers may see; the
 * newsroom's routes decide who may see what through the policy.
 */

/** One article row of a newsroom list; the newsroom adds the author's name. */
export interface StaffArticle {
  id: number;
  headline: string;
  status: ArticleStatus;
  sectionName: string;
  authorId: number | null;
  updatedAt: number;
  submittedAt: number | null;
  scheduledAt: number | null;
  publishedAt: number | null;
}

function baseQuery(db: Db) {
  return db.kysely
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select([
      'a.id',
      'a.headline',
      'a.status',
      's.name as section_name',
      'a.author_id',
      'a.updated_at',
      'a.submitted_at',
      'a.scheduled_at',
      'a.published_at',
    ])
    .where('a.deleted_at', 'is', null);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toStaffArticle(r: Row): StaffArticle {
  return {
    id: r.id,
    headline: r.headline,
    status: r.status,
    sectionName: r.section_name,
    authorId: r.author_id,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    scheduledAt: r.scheduled_at,
    publishedAt: r.published_at,
  };
}

/**
 * Articles for the list page, most recently changed first. `authorId` limits
 * to one writer's; `excludeOthersDrafts` hides other writers' drafts.
 */
export async function listArticlesForStaff(
  db: Db,
  filter: { authorId?: number; status?: ArticleStatus; excludeOthersDrafts?: number },
  page: number,
  pageSize = 50,
): Promise<{ rows: StaffArticle[]; total: number }> {
  let q = baseQuery(db);
  if (filter.authorId !== undefined) q = q.where('a.author_id', '=', filter.authorId);
  if (filter.status) q = q.where('a.status', '=', filter.status);
  if (filter.excludeOthersDrafts !== undefined) {
    const me = filter.excludeOthersDrafts;
    q = q.where((eb) => eb.or([eb('a.status', '!=', 'draft'), eb('a.author_id', '=', me)]));
  }
  const [count, rows] = await Promise.all([
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    q
      .orderBy('a.updated_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { rows: rows.map(toStaffArticle), total: Number(count.n) };
}

/** The desk: submitted and approved (oldest submission first), and what is scheduled (soonest first). */
export async function deskArticles(
  db: Db,
): Promise<{ waiting: StaffArticle[]; scheduled: StaffArticle[] }> {
  const [waiting, scheduled] = await Promise.all([
    baseQuery(db)
      .where('a.status', 'in', ['submitted', 'approved'])
      .orderBy('a.submitted_at', 'asc')
      .orderBy('a.id', 'asc')
      .limit(500)
      .execute(),
    baseQuery(db)
      .where('a.status', '=', 'scheduled')
      .orderBy('a.scheduled_at', 'asc')
      .limit(500)
      .execute(),
  ]);
  return { waiting: waiting.map(toStaffArticle), scheduled: scheduled.map(toStaffArticle) };
}

/** A LIKE pattern for "contains"; wildcard characters in the query are dropped (escaping differs by dialect). */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, '')}%`;
}

/** Names in a name-list table (tags or byline people) containing `q`, alphabetical. */
async function namesContaining(
  db: Db,
  table: 'tags' | 'people',
  q: string,
  limit: number,
): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom(table)
    .select('name')
    .where((eb) => eb(eb.fn('lower', ['name']), 'like', likePattern(q)))
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map((r) => r.name);
}

/** Tag names containing `q`, for the tags field's autocomplete. */
export function suggestTags(db: Db, q: string, limit = 10): Promise<string[]> {
  return namesContaining(db, 'tags', q, limit);
}

/** Byline people whose name contains `q`. */
export function suggestPeople(db: Db, q: string, limit = 10): Promise<string[]> {
  return namesContaining(db, 'people', q, limit);
}

/** Published articles whose headline contains `q`, newest first (for "Baca juga" pins). */
export async function searchPublishedHeadlines(
  db: Db,
  q: string,
  now: number,
  limit = 10,
): Promise<{ id: number; headline: string; publishedAt: number }[]> {
  const rows = await db.kysely
    .selectFrom('articles as a')
    .select(['a.id', 'a.headline', 'a.published_at'])
    .where(readerVisible(now, 'a'))
    .where((eb) => eb(eb.fn('lower', ['a.headline']), 'like', likePattern(q)))
    .orderBy('a.published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, headline: r.headline, publishedAt: r.published_at ?? 0 }));
}

/** Headlines of published articles by id, in the given order (for showing chosen pins). */
export async function publishedHeadlines(
  db: Db,
  ids: number[],
  now: number,
): Promise<{ id: number; headline: string }[]> {
  if (ids.length === 0) return [];
  const rows = await db.kysely
    .selectFrom('articles as a')
    .select(['a.id', 'a.headline'])
    .where('a.id', 'in', ids)
    .where(readerVisible(now, 'a'))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Headlines of articles by id, whatever their state (the history names what a revision linked to). */
export async function articleHeadlines(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.kysely
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.headline]));
}
