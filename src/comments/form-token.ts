import { createHmac } from 'node:crypto';
import { derivedKey, safeEqual } from './hashing.ts';

/**
 * The comment form's token: the article id and the time the form was rendered,
 * signed with the server secret. It is the form's CSRF token (a cross-site POST
 * does not have one) and the "signed render time" of the pipeline: a form sent
 * back within seconds was filled in by a bot, one sent after a day is stale.
 */

function sign(secret: string, articleId: number, renderedAt: number): string {
  return createHmac('sha256', derivedKey(secret, 'form-token'))
    .update(`${articleId}.${renderedAt}`)
    .digest('base64url');
}

/**
 * The server secret, or the verifying keys newest first (`verifyingKeys(config)`):
 * tokens are signed with the first and accepted under any, so a form rendered
 * before a key rotation still posts during it.
 */
export type Keys = string | readonly string[];
const signingKey = (keys: Keys): string => (typeof keys === 'string' ? keys : (keys[0] ?? ''));
const allKeys = (keys: Keys): readonly string[] => (typeof keys === 'string' ? [keys] : keys);

/** A token for the form on an article's page, rendered at `now`. */
export function formToken(keys: Keys, articleId: number, now = Date.now()): string {
  return `${articleId}.${now}.${sign(signingKey(keys), articleId, now)}`;
}

/** How long a rendered form stays valid. */
export const FORM_MAX_AGE_MS = 24 * 3_600_000;

export type TokenCheck = 'ok' | 'missing' | 'invalid' | 'too-fast' | 'expired';

/** Checks a posted token for this article against the minimum fill time and the maximum age. */
export function checkFormToken(
  keys: Keys,
  token: string,
  articleId: number,
  minFillMs: number,
  now = Date.now(),
): TokenCheck {
  if (!token) return 'missing';
  const m = /^(\d{1,10})\.(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return 'invalid';
  const [, idText, timeText, sig] = m;
  const renderedAt = Number(timeText);
  if (Number(idText) !== articleId) return 'invalid';
  // Every key is tried (no early exit), so the time taken does not say which one matched.
  let signed = false;
  for (const key of allKeys(keys))
    signed = safeEqual(sign(key, articleId, renderedAt), sig ?? '') || signed;
  if (!signed) return 'invalid';
  if (renderedAt > now + 60_000) return 'invalid';
  if (now - renderedAt < minFillMs) return 'too-fast';
  if (now - renderedAt > FORM_MAX_AGE_MS) return 'expired';
  return 'ok';
}
