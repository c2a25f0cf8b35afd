import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { EventBus } from '../lib/events.ts';
import { emailHash, keyedHash } from './hashing.ts';
import { commentsWithArticle } from './queries.ts';

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';
export type QueueView = 'pending' | 'reported' | 'approved' | 'spam' | 'trash';
export const QUEUE_VIEWS: readonly QueueView[] = [
  'pending',
  'reported',
  'approved',
  'spam',
  'trash',
];
export type ModAction = 'approve' | 'reject' | 'spam' | 'trash' | 'restore';

/** What an action does to a comment's status. Reject = trash (kept for the record, never shown). */
const TARGET: Record<ModAction, CommentStatus> = {
  approve: 'approved',
  reject: 'trash',
  spam: 'spam',
  trash: 'trash',
  restore: 'pending',
};

export interface QueueItem {
  id: number;
  articleId: number;
  headline: string;
  articleUrl: string;
  sectionName: string;
  parentId: number | null;
  authorName: string;
  website: string;
  body: string;
  status: CommentStatus;
  heldReasons: string[];
  reportCount: number;
  createdAt: number;
  hasIp: boolean;
}

/** One page of a queue view, newest first, optionally for one article or section. */
export async function listQueue(
  db: Kysely<Database>,
  view: QueueView,
  filter: { articleId?: number; sectionId?: number },
  limit = 50,
  offset = 0,
): Promise<QueueItem[]> {
  let q = commentsWithArticle(db).select([
    'c.id',
    'c.article_id',
    'c.parent_id',
    'c.author_name',
    'c.website',
    'c.body',
    'c.status',
    'c.held_reasons',
    'c.report_count',
    'c.created_at',
    'c.ip_hash',
    'a.headline',
    'a.slug',
    's.slug as section_slug',
    's.name as section_name',
  ]);
  q =
    view === 'reported'
      ? q.where('c.report_count', '>', 0).where('c.status', 'in', ['pending', 'approved'])
      : q.where('c.status', '=', view);
  if (filter.articleId) q = q.where('c.article_id', '=', filter.articleId);
  if (filter.sectionId) {
    const sid = filter.sectionId;
    q = q.where((eb) => eb.or([eb('a.section_id', '=', sid), eb('s.parent_id', '=', sid)]));
  }
  const rows = await q
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    headline: r.headline,
    articleUrl: `/${r.section_slug}/${r.article_id}/${r.slug}`,
    sectionName: r.section_name,
    parentId: r.parent_id,
    authorName: r.author_name,
    website: r.website,
    body: r.body,
    status: r.status,
    heldReasons: safeJsonArray(r.held_reasons),
    reportCount: r.report_count,
    createdAt: r.created_at,
    hasIp: r.ip_hash !== null,
  }));
}

function safeJsonArray(text: string): string[] {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** How many comments each queue view holds (for the tabs and the newsroom navigation). */
export async function queueCounts(db: Kysely<Database>): Promise<Record<QueueView, number>> {
  const rows = await db
    .selectFrom('comments')
    .select(['status', db.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const reported = await db
    .selectFrom('comments')
    .select(db.fn.countAll<number>().as('n'))
    .where('report_count', '>', 0)
    .where('status', 'in', ['pending', 'approved'])
    .executeTakeFirst();
  const out: Record<QueueView, number> = {
    pending: 0,
    reported: Number(reported?.n ?? 0),
    approved: 0,
    spam: 0,
    trash: 0,
  };
  for (const r of rows) if (r.status in out) out[r.status as QueueView] = Number(r.n);
  return out;
}

/** The number the newsroom navigation shows next to "Komentar": comments waiting for an editor. */
export async function pendingCount(db: Kysely<Database>): Promise<number> {
  const c = await queueCounts(db);
  return c.pending + c.reported;
}

/**
 * Applies one action to some comments. Approving clears reports (an editor
 * looked at it); every comment that appears or disappears is announced, so the
 * article page's cache is purged. Returns how many changed.
 */
export async function moderate(
  db: Kysely<Database>,
  events: EventBus,
  ids: number[],
  action: ModAction,
  staffId: number | null,
  now = Date.now(),
): Promise<number> {
  if (ids.length === 0) return 0;
  const target = TARGET[action];
  // All status changes commit together; listeners hear of them only after the commit.
  const announce = await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('comments')
      .select(['id', 'article_id', 'status'])
      .where('id', 'in', ids)
      .execute();
    const out: {
      event: 'comment.approved' | 'comment.hidden' | null;
      commentId: number;
      articleId: number;
    }[] = [];
    for (const row of before) {
      if (row.status === target && action !== 'approve') continue;
      await trx
        .updateTable('comments')
        .set({
          status: target,
          updated_at: now,
          moderated_by: staffId,
          ...(action === 'approve' ? { report_count: 0 } : {}),
        })
        .where('id', '=', row.id)
        .execute();
      const event: (typeof out)[number]['event'] =
        target === 'approved' && row.status !== 'approved'
          ? 'comment.approved'
          : row.status === 'approved' && target !== 'approved'
            ? 'comment.hidden'
            : null;
      out.push({ event, commentId: row.id, articleId: row.article_id });
    }
    return out;
  });
  for (const a of announce) {
    if (a.event) await events.emit(a.event, { commentId: a.commentId, articleId: a.articleId });
  }
  const changed = announce.length;
  return changed;
}

/**
 * A reader reports a comment (once per address). At the threshold an approved
 * comment goes back to the queue with the reason "reported".
 */
export async function reportComment(
  db: Kysely<Database>,
  events: EventBus,
  secret: string,
  commentId: number,
  ip: string,
  threshold: number,
  now = Date.now(),
): Promise<'reported' | 'again' | 'missing'> {
  const comment = await db
    .selectFrom('comments')
    .select(['id', 'article_id', 'status', 'held_reasons'])
    .where('id', '=', commentId)
    .executeTakeFirst();
  if (comment?.status !== 'approved') return 'missing';
  const inserted = await db
    .insertInto('comment_reports')
    .values({
      comment_id: commentId,
      reporter_hash: keyedHash(secret, 'reporter', ip),
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['comment_id', 'reporter_hash']).doNothing())
    .returning('comment_id')
    .executeTakeFirst();
  if (!inserted) return 'again';
  const updated = await db
    .updateTable('comments')
    .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
    .where('id', '=', commentId)
    .returning(['report_count'])
    .executeTakeFirst();
  if ((updated?.report_count ?? 0) >= threshold) {
    const reasons = safeJsonArray(comment.held_reasons).filter((r) => r !== 'reported');
    const back = await db
      .updateTable('comments')
      .set({
        status: 'pending',
        held_reasons: JSON.stringify([...reasons, 'reported']),
        updated_at: now,
      })
      .where('id', '=', commentId)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(back.numUpdatedRows) > 0) {
      await events.emit('comment.hidden', { commentId, articleId: comment.article_id });
    }
  }
  return 'reported';
}

/** Bans the email or the address of a comment's author (keyed hashes only). */
export async function banAuthor(
  db: Kysely<Database>,
  commentId: number,
  kind: 'email' | 'ip',
  staffId: number | null,
  now = Date.now(),
): Promise<boolean> {
  const c = await db
    .selectFrom('comments')
    .select(['email_hash', 'ip_hash'])
    .where('id', '=', commentId)
    .executeTakeFirst();
  const hash = kind === 'email' ? c?.email_hash : c?.ip_hash;
  if (!hash) return false;
  await db
    .insertInto('comment_bans')
    .values({ kind, hash, note: `#${commentId}`, created_by: staffId, created_at: now })
    .onConflict((oc) => oc.columns(['kind', 'hash']).doNothing())
    .execute();
  return true;
}

/** Every ban, newest first (hashes shortened for display). */
export async function listBans(db: Kysely<Database>) {
  return db
    .selectFrom('comment_bans')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

/** Lifts a ban. */
export async function unban(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('comment_bans').where('id', '=', id).execute();
}

/** All comments written with one email, for a reader's data request (no hashes, no addresses). */
export async function exportByEmail(db: Kysely<Database>, secret: string, email: string) {
  const rows = await db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select([
      'c.id',
      'c.article_id',
      'a.headline',
      'c.parent_id',
      'c.author_name',
      'c.website',
      'c.body',
      'c.status',
      'c.created_at',
    ])
    .where('c.email_hash', '=', emailHash(secret, email))
    .orderBy('c.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    article: r.headline,
    parentId: r.parent_id,
    name: r.author_name,
    website: r.website,
    text: r.body,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** Deletes every comment written with one email (replies to them go with them). Returns the count. */
export async function deleteByEmail(
  db: Kysely<Database>,
  events: EventBus,
  secret: string,
  email: string,
): Promise<number> {
  const hash = emailHash(secret, email);
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'article_id', 'status'])
    .where('email_hash', '=', hash)
    .execute();
  if (rows.length === 0) return 0;
  await db.deleteFrom('comments').where('email_hash', '=', hash).execute();
  for (const r of rows) {
    if (r.status === 'approved')
      await events.emit('comment.hidden', { commentId: r.id, articleId: r.article_id });
  }
  return rows.length;
}

/**
 * Privacy housekeeping: drops address hashes, reporter hashes and reply
 * addresses older than the retention period, and expired spent challenges.
 */
export async function runRetention(db: Kysely<Database>, retentionDays: number, now = Date.now()) {
  const cutoff = now - retentionDays * 86_400_000;
  const ips = await db
    .updateTable('comments')
    .set({ ip_hash: null, notify_email: null })
    .where('created_at', '<', cutoff)
    .where((eb) => eb.or([eb('ip_hash', 'is not', null), eb('notify_email', 'is not', null)]))
    .executeTakeFirst();
  const reports = await db
    .deleteFrom('comment_reports')
    .where('created_at', '<', cutoff)
    .executeTakeFirst();
  const spent = await db
    .deleteFrom('comment_challenges_spent')
    .where('expires_at', '<', now)
    .executeTakeFirst();
  return {
    addresses: Number(ips.numUpdatedRows),
    reports: Number(reports.numDeletedRows),
    challenges: Number(spent.numDeletedRows),
  };
}
