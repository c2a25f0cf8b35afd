import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import type { Lang } from '../lib/i18n.ts';
import { authMessages } from './messages.ts';
import { enqueueMail } from './outbox.ts';
import { passwordProblem } from './passwords.ts';
import { deleteUserSessions, newToken, tokenHash } from './sessions.ts';
import { findUserByEmail, setPassword } from './users.ts';

/**
 * Password reset and invitation links: a random token mailed through the
 * outbox, only its SHA-256 stored, single use, valid 1 hour (7 days for an
 * invitation). Using one sets the password and ends every session.
 */
export const RESET_MS = 3_600_000;
export const INVITE_MS = 7 * 24 * 3_600_000;
/** At most this many reset mails per account per hour (quietly; the page says the same). */
const MAX_PER_HOUR = 3;

/** Creates a link token for the user; returns the token to put in the link. */
export async function createResetToken(db: Db, userId: number, ttlMs: number, now = Date.now()) {
  const token = newToken();
  await db.kysely
    .insertInto('password_resets')
    .values({
      user_id: userId,
      token_hash: tokenHash(token),
      created_at: now,
      expires_at: now + ttlMs,
    })
    .execute();
  return token;
}

/** The link that opens the new-password form. */
export function resetLink(config: Pick<Config, 'siteUrl'>, token: string): string {
  return `${config.siteUrl}/newsroom/atur-ulang?token=${encodeURIComponent(token)}`;
}

/**
 * Queues a reset mail when the email belongs to an enabled account. Returns
 * nothing either way, so the caller cannot tell (and neither can the visitor).
 */
export async function requestPasswordReset(
  db: Db,
  config: Pick<Config, 'siteUrl' | 'siteName'>,
  email: string,
  now = Date.now(),
): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled) return;
  const recent = await db.kysely
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', user.id)
    .where('created_at', '>', now - RESET_MS)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= MAX_PER_HOUR) return;
  await mailLinkToken(db, config, user, 'reset', now);
}

/** Queues an invitation for a new account created without a password. */
export async function sendInvitation(
  db: Db,
  config: Pick<Config, 'siteUrl' | 'siteName'>,
  user: { id: number; email: string; name: string; lang: Lang },
  now = Date.now(),
): Promise<void> {
  await mailLinkToken(db, config, user, 'invite', now);
}

/** Creates a reset or invitation token for the user and queues the mail carrying its link. */
async function mailLinkToken(
  db: Db,
  config: Pick<Config, 'siteUrl' | 'siteName'>,
  user: { id: number; email: string; name: string; lang: Lang },
  kind: 'reset' | 'invite',
  now: number,
): Promise<void> {
  const token = await createResetToken(db, user.id, kind === 'reset' ? RESET_MS : INVITE_MS, now);
  const m = authMessages[user.lang].reset;
  const [subject, body] =
    kind === 'reset' ? [m.mailSubject, m.mailBody] : [m.inviteSubject, m.inviteBody];
  await enqueueMail(
    db,
    {
      to: user.email,
      subject: subject(config.siteName),
      text: body(user.name, resetLink(config, token), config.siteName),
    },
    now,
  );
}

/** The user a still-valid, unused token belongs to, or undefined. */
export async function validResetUser(db: Db, token: string, now = Date.now()) {
  if (!token || token.length > 100) return undefined;
  const row = await db.kysely
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['password_resets.id', 'password_resets.user_id', 'users.lang', 'users.disabled'])
    .where('password_resets.token_hash', '=', tokenHash(token))
    .where('password_resets.used_at', 'is', null)
    .where('password_resets.expires_at', '>', now)
    .executeTakeFirst();
  if (!row || row.disabled) return undefined;
  return { resetId: row.id, userId: row.user_id, lang: row.lang };
}

/**
 * Sets a new password with a token: 'weak' when the password breaks the
 * rules (token kept), 'invalid' when the token is unknown, used or expired,
 * else the user id. The token is spent atomically; every session ends.
 */
export async function completeReset(
  db: Db,
  token: string,
  password: string,
  now = Date.now(),
): Promise<number | 'invalid' | 'weak'> {
  const found = await validResetUser(db, token, now);
  if (!found) return 'invalid';
  if (passwordProblem(password)) return 'weak';
  const spent = await db.kysely
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('id', '=', found.resetId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) return 'invalid';
  await setPassword(db, found.userId, password, now);
  // Other outstanding links for the account die with this one.
  await db.kysely
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('user_id', '=', found.userId)
    .where('used_at', 'is', null)
    .execute();
  await deleteUserSessions(db, found.userId);
  return found.userId;
}
