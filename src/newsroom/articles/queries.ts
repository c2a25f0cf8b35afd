import {
  deskArticles,
  listArticlesForStaff,
  type StaffArticle,
} from '../../content/staff-reads.ts';
import { listSections } from '../../content/taxonomy-queries.ts';
import type { Db } from '../../db/connection.ts';
import type { ArticleStatus } from '../../db/schema.ts';
import { getMediaMany } from '../../media/library.ts';
import { getStaffUser } from '../users.ts';

/**
 * The newsroom's article lists: content's staff reads (content/staff-reads.ts)
 * with the authors' staff names, and the lookups the editor's routes use.
 */

/** A list row: content's article plus the author's staff name. */
export interface StaffArticleRow extends StaffArticle {
  authorName: string;
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

/** Adds each author's staff name to content's rows. */
async function withAuthorNames(db: Db, rows: StaffArticle[]): Promise<StaffArticleRow[]> {
  const names = await namesFor(
    db,
    rows.map((r) => r.authorId),
  );
  return rows.map((r) => ({
    ...r,
    authorName: r.authorId == null ? '' : (names.get(r.authorId) ?? ''),
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
  const { rows, total } = await listArticlesForStaff(db, filter, page, pageSize);
  return { rows: await withAuthorNames(db, rows), total };
}

/** The desk: submitted and approved (oldest submission first), and what is scheduled (soonest first). */
export async function deskItems(
  db: Db,
): Promise<{ waiting: StaffArticleRow[]; scheduled: StaffArticleRow[] }> {
  const { waiting, scheduled } = await deskArticles(db);
  return {
    waiting: await withAuthorNames(db, waiting),
    scheduled: await withAuthorNames(db, scheduled),
  };
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

/** One workflow step of an article, from the audit log, for its history page. */
export interface WorkflowStep {
  at: number;
  /** The verb after `article.`: submit, withdraw, approve, published, unpublish, return… */
  action: string;
  actorName: string;
  /** The reason (unpublish) or the note (return); '' for the others. */
  note: string;
}

/** Steps whose audit detail is a person's words rather than the headline. */
const NOTED_STEPS = new Set(['unpublish', 'return']);

/** The article's workflow steps, oldest first (at most the latest `limit`). */
export async function workflowSteps(
  db: Db,
  articleId: number,
  limit = 200,
): Promise<WorkflowStep[]> {
  const rows = await db.kysely
    .selectFrom('audit_log as l')
    .leftJoin('users as u', 'u.id', 'l.actor_id')
    .select(['l.created_at', 'l.action', 'l.detail', 'u.name'])
    .where('l.target', '=', `article:${articleId}`)
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().flatMap((r) => {
    if (!r.action.startsWith('article.')) return [];
    const action = r.action.slice('article.'.length);
    return [
      {
        at: r.created_at,
        action,
        actorName: r.name ?? '',
        note: NOTED_STEPS.has(action) ? r.detail : '',
      },
    ];
  });
}
