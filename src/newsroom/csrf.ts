import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * CSRF tokens. With a session, the token is an HMAC (server secret) of the
 * session's token hash: it changes at login, dies with the session, and
 * another session's token never matches. Before login (login, reset, setup
 * forms) it is a double-submit token: an HMAC of a random value kept in the
 * `warta_csrf` cookie.
 */

export const PRE_SESSION_COOKIE = 'warta_csrf';

/** The token bound to a session (by its token hash). */
export function sessionCsrf(secret: string, sessionTokenHash: string): string {
  return createHmac('sha256', secret)
    .update(`csrf:session:${sessionTokenHash}`)
    .digest('base64url');
}

/** The token bound to a pre-session cookie value. */
export function preSessionCsrf(secret: string, cookieValue: string): string {
  return createHmac('sha256', secret).update(`csrf:pre:${cookieValue}`).digest('base64url');
}

/** A new random value for the pre-session cookie. */
export function newPreSessionValue(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison of a submitted token with the expected one. */
export function csrfMatches(expected: string, submitted: unknown): boolean {
  if (typeof submitted !== 'string' || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(submitted));
}

/** Keyed hash of a client address (or any identifier) so the raw value is never stored. */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`).digest('hex');
}

/**
 * The CSRF token for forms on this request's page (bound to the session, or
 * to the pre-session cookie before login). Empty outside `/newsroom`.
 */
export function csrfToken(req: { newsroomCsrf?: string }): string {
  return req.newsroomCsrf ?? '';
}
