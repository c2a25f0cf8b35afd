import type { Db } from '../db/connection.ts';

/**
 * Login rate limits, stored in the database so they hold across processes and
 * restarts: at most ACCOUNT_MAX failures per account and ADDRESS_MAX per
 * client address within WINDOW_MS. Keys are keyed hashes, never raw values.
 */
export const WINDOW_MS = 15 * 60_000;
export const ACCOUNT_MAX = 5;
export const ADDRESS_MAX = 20;

export interface LimitKeys {
  account: string;
  address: string;
}

/** When blocked, how long until the next attempt is allowed (ms); otherwise null. */
export async function loginBlockedFor(
  db: Db,
  keys: LimitKeys,
  now = Date.now(),
): Promise<number | null> {
  const since = now - WINDOW_MS;
  let wait = 0;
  for (const [kind, key, max] of [
    ['account', keys.account, ACCOUNT_MAX],
    ['address', keys.address, ADDRESS_MAX],
  ] as const) {
    const rows = await db.kysely
      .selectFrom('login_failures')
      .select('created_at')
      .where('kind', '=', kind)
      .where('key_hash', '=', key)
      .where('created_at', '>', since)
      .orderBy('created_at', 'desc')
      .limit(max)
      .execute();
    if (rows.length >= max) {
      // The window reopens when the oldest of the last `max` failures leaves it.
      const oldest = rows[rows.length - 1]?.created_at ?? now;
      wait = Math.max(wait, oldest + WINDOW_MS - now);
    }
  }
  return wait > 0 ? wait : null;
}

/** Records one failed attempt against both the account and the address. */
export async function recordLoginFailure(db: Db, keys: LimitKeys, now = Date.now()): Promise<void> {
  await db.kysely
    .insertInto('login_failures')
    .values([
      { kind: 'account', key_hash: keys.account, created_at: now },
      { kind: 'address', key_hash: keys.address, created_at: now },
    ])
    .execute();
  // Keep the table small.
  await db.kysely
    .deleteFrom('login_failures')
    .where('created_at', '<=', now - WINDOW_MS)
    .execute();
}

/** A successful login forgives the account's earlier failures (not the address's). */
export async function clearAccountFailures(db: Db, accountKey: string): Promise<void> {
  await db.kysely
    .deleteFrom('login_failures')
    .where('kind', '=', 'account')
    .where('key_hash', '=', accountKey)
    .execute();
}
