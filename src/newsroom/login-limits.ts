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

/** A successful login forgives the account's earlier failures (not the address's). */
export async function clearAccountFailures(db: Db, accountKey: string): Promise<void> {
  await db.kysely
    .deleteFrom('login_failures')
    .where('kind', '=', 'account')
    .where('key_hash', '=', accountKey)
    .execute();
}

/**
 * Counts this attempt BEFORE the slow password or code check, so guesses sent
 * at the same moment cannot all pass the limit: each inserts its row first,
 * then counts the rows in the window including its own. Returns the wait when
 * blocked and the rows written (forgiven on success).
 */
export async function reserveLoginAttempt(
  db: Db,
  keys: LimitKeys,
  now = Date.now(),
): Promise<{ blockedFor: number | null; rowIds: number[] }> {
  const rows = await db.kysely
    .insertInto('login_failures')
    .values([
      { kind: 'account', key_hash: keys.account, created_at: now },
      { kind: 'address', key_hash: keys.address, created_at: now },
    ])
    .returning('id')
    .execute();
  const since = now - WINDOW_MS;
  let wait = 0;
  for (const [kind, key, max] of [
    ['account', keys.account, ACCOUNT_MAX],
    ['address', keys.address, ADDRESS_MAX],
  ] as const) {
    const recent = await db.kysely
      .selectFrom('login_failures')
      .select('created_at')
      .where('kind', '=', kind)
      .where('key_hash', '=', key)
      .where('created_at', '>', since)
      .orderBy('created_at', 'desc')
      .limit(max + 1)
      .execute();
    // Allowed while this attempt is one of at most `max` in the window.
    if (recent.length > max) {
      const edge = recent[max]?.created_at ?? now;
      wait = Math.max(wait, edge + WINDOW_MS - now, 1000);
    }
  }
  await db.kysely.deleteFrom('login_failures').where('created_at', '<=', since).execute();
  return { blockedFor: wait > 0 ? wait : null, rowIds: rows.map((r) => r.id) };
}

/** A successful login: its own reservation and the account's earlier failures are forgiven. */
export async function forgiveLoginAttempt(
  db: Db,
  keys: LimitKeys,
  rowIds: number[],
): Promise<void> {
  if (rowIds.length)
    await db.kysely.deleteFrom('login_failures').where('id', 'in', rowIds).execute();
  await clearAccountFailures(db, keys.account);
}
