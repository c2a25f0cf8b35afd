import { listQueue, queueCounts } from '../../comments/moderation.ts';
import {
  deskArticles,
  listArticlesForStaff,
  type StaffArticle,
} from '../../content/staff-reads.ts';
import type { Db } from '../../db/connection.ts';
import { can } from '../policy.ts';
import type { StaffUser } from '../users.ts';

/**
 * "What needs me now" on the newsroom home: short lists, each with its total,
 * of what waits for this staff member, by what the role may do. A list the
 * role may not see is absent (undefined), not empty.
 */

/** How many items each list shows; the total says how many there are. */
export const HOME_LIST = 5;

export interface HomeList<T> {
  items: T[];
  total: number;
}

export interface HomeComment {
  id: number;
  authorName: string;
  headline: string;
  articleUrl: string;
  createdAt: number;
}

export interface HomeJob {
  id: number;
  kind: string;
  attempts: number;
  lastError: string;
  runAt: number;
}

export interface HomeQueues {
  myDrafts: HomeList<StaffArticle>;
  desk?: HomeList<StaffArticle>;
  scheduled?: HomeList<StaffArticle>;
  comments?: HomeList<HomeComment>;
  failedJobs?: HomeList<HomeJob>;
}

const short = <T>(all: T[]): HomeList<T> => ({ items: all.slice(0, HOME_LIST), total: all.length });

/** Failed background jobs, newest first (admins: a failure is a thing to look into). */
async function failedJobs(db: Db): Promise<HomeList<HomeJob>> {
  const [rows, count] = await Promise.all([
    db.kysely
      .selectFrom('jobs')
      .select(['id', 'kind', 'attempts', 'last_error', 'run_at'])
      .where('status', '=', 'failed')
      .orderBy('id', 'desc')
      .limit(HOME_LIST)
      .execute(),
    db.kysely
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'failed')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      attempts: r.attempts,
      lastError: (r.last_error ?? '').slice(0, 200),
      runAt: Number(r.run_at),
    })),
    total: Number(count.n),
  };
}

/** The home's lists for this staff member. */
export async function homeQueues(db: Db, staff: StaffUser): Promise<HomeQueues> {
  const role = staff.role;
  const [drafts, desk, comments, commentCounts, jobs] = await Promise.all([
    listArticlesForStaff(db, { authorId: staff.id, status: 'draft' }, 1, HOME_LIST),
    can(role, 'article.view.desk') ? deskArticles(db) : undefined,
    can(role, 'comment.moderate') ? listQueue(db.kysely, 'pending', {}, HOME_LIST) : undefined,
    can(role, 'comment.moderate') ? queueCounts(db.kysely) : undefined,
    can(role, 'settings.manage') ? failedJobs(db) : undefined,
  ]);
  return {
    myDrafts: { items: drafts.rows, total: drafts.total },
    desk: desk && can(role, 'article.approve') ? short(desk.waiting) : undefined,
    scheduled: desk && short(desk.scheduled),
    comments:
      comments && commentCounts
        ? {
            items: comments.map((c) => ({
              id: c.id,
              authorName: c.authorName,
              headline: c.headline,
              articleUrl: c.articleUrl,
              createdAt: c.createdAt,
            })),
            total: commentCounts.pending,
          }
        : undefined,
    failedJobs: jobs,
  };
}
