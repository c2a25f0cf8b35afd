import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Who is editing an article now. The editor page takes the lock when it opens
 * and refreshes it with a heartbeat; a lock not refreshed for LOCK_TTL_MS is
 * free. A second person is told who holds it and may take it over explicitly.
 * Locks are advisory for opening the page and enforced on saving (see
 * revisions.ts), on top of the version check that refuses stale writes.
 */

type DB = Kysely<Database>;

/** The editor page sends a heartbeat this often. */
export const HEARTBEAT_MS = 30_000;
/** A lock older than this (no heartbeat) is free for anyone. */
export const LOCK_TTL_MS = 2 * 60_000;

export interface LockHolder {
  userId: number;
  acquiredAt: number;
  heartbeatAt: number;
}

export type LockResult = { held: true } | { held: false; holder: LockHolder };

/** The live lock on an article, if any (stale locks count as none). */
export async function currentLock(
  db: DB,
  articleId: number,
  now = Date.now(),
): Promise<LockHolder | null> {
  const row = await db
    .selectFrom('article_locks')
    .selectAll()
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (!row || row.heartbeat_at < now - LOCK_TTL_MS) return null;
  return { userId: row.user_id, acquiredAt: row.acquired_at, heartbeatAt: row.heartbeat_at };
}

/**
 * Takes the lock for `userId` unless someone else holds a live one (then says
 * who). With `takeOver` the lock is taken regardless: the explicit "Ambil alih".
 * One upsert, so two people opening the page at once cannot both get it.
 */
export async function acquireLock(
  db: DB,
  articleId: number,
  userId: number,
  opts: { now?: number; takeOver?: boolean } = {},
): Promise<LockResult> {
  const now = opts.now ?? Date.now();
  await db
    .insertInto('article_locks')
    .values({ article_id: articleId, user_id: userId, acquired_at: now, heartbeat_at: now })
    .onConflict((oc) => {
      const update = oc.column('article_id').doUpdateSet((eb) => ({
        user_id: userId,
        // Refreshing one's own lock keeps its start time.
        acquired_at: eb
          .case()
          .when('article_locks.user_id', '=', userId)
          .then(eb.ref('article_locks.acquired_at'))
          .else(now)
          .end(),
        heartbeat_at: now,
      }));
      return opts.takeOver
        ? update
        : update.where((eb) =>
            eb.or([
              eb('article_locks.user_id', '=', userId),
              eb('article_locks.heartbeat_at', '<', now - LOCK_TTL_MS),
            ]),
          );
    })
    .execute();
  const holder = await currentLock(db, articleId, now);
  if (!holder || holder.userId === userId) return { held: true };
  return { held: false, holder };
}

/**
 * Refreshes the holder's lock. False when the lock is no longer theirs
 * (someone took over), so the editor can tell them at once.
 */
export async function heartbeat(
  db: DB,
  articleId: number,
  userId: number,
  now = Date.now(),
): Promise<LockResult> {
  const result = await db
    .updateTable('article_locks')
    .set({ heartbeat_at: now })
    .where('article_id', '=', articleId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return { held: true };
  // Lost or never held: take it if it is free, otherwise report the holder.
  return acquireLock(db, articleId, userId, { now });
}

/** Lets go of the lock (leaving the editor); only the holder's own lock is removed. */
export async function releaseLock(db: DB, articleId: number, userId: number): Promise<void> {
  await db
    .deleteFrom('article_locks')
    .where('article_id', '=', articleId)
    .where('user_id', '=', userId)
    .execute();
}

/** True when someone other than `userId` holds a live lock: their save must be refused. */
export async function lockedByOther(
  db: DB,
  articleId: number,
  userId: number,
  now = Date.now(),
): Promise<LockHolder | null> {
  const holder = await currentLock(db, articleId, now);
  return holder && holder.userId !== userId ? holder : null;
}
