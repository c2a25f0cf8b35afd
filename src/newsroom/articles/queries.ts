import { listSections } from '../../content/queries.ts';
import { readerVisible } from '../../content/visibility.ts';
import type { Db } from '../../db/connection.ts';
import type { ArticleStatus } from '../../db/schema.ts';
import { getMediaMany } from '../../media/library.ts';
import { getStaffUser } from '../users.ts';

/**
 * Newsroom reads of articles: lists by writer and state, the desk, and the
 * small JSON lookups behind autocomplete. Unlike content/queries.ts these see
 * every state; routes decide who may see what through the policy.
 */

export interface StaffArticleRow {
  id: number;
  headline: string;
  status: ArticleStatus;
  sectionName: string;
  authorId: number | null;
  authorName: string;
  updatedAt: number;
  submittedAt: number | null;
  scheduledAt: number | null;
  publishedAt: number | null;
}

export const ARTICLE_STATES: ArticleStatus[] = [
  'draft',
  'submitted',
  'approved',
  'scheduled',
  'published',
  'unpublished',
];

/** Type guard for a status name from a query string. */
export function isArticleState(value: string): value is ArticleStatus {
  return ARTICLE_STATES.some((st) => st === value);
}

/** Staff display names for author ids (one lookup each; lists are short). */
async function namesFor(db: Db, ids: (number | null)[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const id of new Set(ids)) {
    if (id == null) continue;
    const user = await getStaffUser(db, id);
    if (user) out.set(id, user.name);
  }
  return out;
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

async function toRows(db: Db, rows: Row[]): Promise<StaffArticleRow[]> {
  const names = await namesFor(
    db,
    rows.map((r) => r.author_id),
  );
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    status: r.status,
    sectionName: r.section_name,
    authorId: r.author_id,
    authorName: r.author_id == null ? '' : (names.get(r.author_id) ?? ''),
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    scheduledAt: r.scheduled_at,
    publishedAt: r.published_at,
  }));
}

/**
 * Articles for the list page, most recently changed first. `authorId` limits
 * to one writer's; `visibleTo` (a writer without desk rights) to their own.
 */
export async function listStaffArticles(
  db: Db,
  filter: { authorId?: number; status?: ArticleStatus; excludeOthersDrafts?: number },
  page: number,
  pageSize = 50,
): Promise<{ rows: StaffArticleRow[]; total: number }> {
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
  return { rows: await toRows(db, rows), total: Number(count.n) };
}

/** The desk: submitted and approved (oldest submission first), and what is scheduled (soonest first). */
export async function deskItems(
  db: Db,
): Promise<{ waiting: StaffArticleRow[]; scheduled: StaffArticleRow[] }> {
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
  return { waiting: await toRows(db, waiting), scheduled: await toRows(db, scheduled) };
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

/** The ids among `ids` that exist in the media library (asked of the media capability). */
export async function existingMedia(db: Db, ids: number[]): Promise<Set<number>> {
  return new Set((await getMediaMany(db.kysely, ids)).map((m) => m.id));
}

/** The sections a writer can choose, in menu order (asked of the content capability). */
export async function sectionChoices(
  db: Db,
): Promise<{ id: number; name: string; slug: string }[]> {
  return (await listSections(db.kysely)).map((x) => ({ id: x.id, name: x.name, slug: x.slug }));
}

/** True when a section with this id exists. */
export async function sectionExists(db: Db, id: number): Promise<boolean> {
  return (await sectionChoices(db)).some((x) => x.id === id);
}
