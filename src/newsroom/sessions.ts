import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.ts';

/**
 * Staff sessions live in the database. The browser holds a random 32-byte
 * token; only its SHA-256 is stored, so a copy of the database cannot be used
 * to log in. A session ends when idle too long, at its absolute expiry, at
 * logout, or when the user logs out everywhere.
 */

export const SESSION_COOKIE = 'warta_session';
/** A session unused this long is over. */
export const IDLE_MS = 12 * 3_600_000;
/** No session lives longer than this, however active. */
export const ABSOLUTE_MS = 14 * 24 * 3_600_000;
/** A second-factor step must be completed within this time. */
export const MFA_PENDING_MS = 10 * 60_000;
/** last_seen_at is written at most this often per session. */
const TOUCH_EVERY_MS = 60_000;

/** SHA-256 hex of a token; what the database stores and looks up. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh random token (32 bytes, base64url). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface SessionRow {
  id: number;
  userId: number;
  tokenHash: string;
  mfaPending: boolean;
}

/** Opens a session for the user and returns the cookie token (shown once, never stored). */
export async function createSession(
  db: Db,
  userId: number,
  opts: { now?: number; ipHash?: string; mfaPending?: boolean } = {},
): Promise<{ token: string; id: number }> {
  const now = opts.now ?? Date.now();
  const token = newToken();
  const row = await db.kysely
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      mfa_pending: opts.mfaPending ? 1 : 0,
      created_at: now,
      last_seen_at: now,
      expires_at: now + (opts.mfaPending ? MFA_PENDING_MS : ABSOLUTE_MS),
      ip_hash: opts.ipHash ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, id: row.id };
}

/**
 * The live session for a cookie token, or undefined. Expired sessions (idle or
 * absolute) and sessions of disabled users are deleted on sight. Refreshes
 * last_seen_at (at most once a minute).
 */
export async function resolveSession(
  db: Db,
  token: string,
  now = Date.now(),
): Promise<SessionRow | undefined> {
  if (!token || token.length > 100) return undefined;
  const hash = tokenHash(token);
  const row = await db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.mfa_pending',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.disabled',
    ])
    .where('sessions.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.disabled || now >= row.expires_at || now - row.last_seen_at >= IDLE_MS) {
    await db.kysely.deleteFrom('sessions').where('id', '=', row.id).execute();
    return undefined;
  }
  if (now - row.last_seen_at >= TOUCH_EVERY_MS) {
    await db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: now })
      .where('id', '=', row.id)
      .execute();
  }
  return { id: row.id, userId: row.user_id, tokenHash: hash, mfaPending: row.mfa_pending === 1 };
}

/** Ends one session (logout). */
export async function deleteSession(db: Db, id: number): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('id', '=', id).execute();
}

/**
 * Ends every session of a user ("log out everywhere", password reset, account
 * disabled, 2FA reset) and revokes the browsers remembered as theirs (device cookies).
 */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  await db.kysely
    .updateTable('users')
    .set((eb) => ({ device_epoch: eb('device_epoch', '+', 1) }))
    .where('id', '=', userId)
    .execute();
  const res = await db.kysely
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** The periodic job that runs {@link pruneSessions} (hourly, see app.ts). */
export const PRUNE_SESSIONS = 'sessions.prune';

/** Removes expired sessions and old failure records; a periodic job of the app. */
export async function pruneSessions(db: Db, now = Date.now()): Promise<void> {
  await db.kysely
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - IDLE_MS)]))
    .execute();
}
