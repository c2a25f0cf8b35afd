import { type CookieSerializeOptions, signerFactory } from '@fastify/cookie';
import { derivedKey } from './hashing.ts';

/**
 * The reader's own pending comments: a signed cookie listing their ids, so the
 * article page shows "menunggu moderasi" comments to their author only. The
 * `warta_` prefix makes the page cache bypass the request, so a cached page
 * never carries one reader's pending comment to another. Parsing and
 * serialising is @fastify/cookie's (`req.cookies`, `reply.setCookie`); the
 * value is signed with @fastify/cookie's signer under a key of its own purpose.
 */
export const PENDING_COOKIE = 'warta_komentar';
const MAX_IDS = 20;
const MAX_AGE_S = 30 * 24 * 3600;

type Signer = ReturnType<typeof signerFactory>;
const signers = new Map<string, Signer>();
function signer(secret: string): Signer {
  let s = signers.get(secret);
  if (!s) {
    s = signerFactory(derivedKey(secret, 'pending-cookie'));
    signers.set(secret, s);
  }
  return s;
}

/** The ids in a cookie value; an unsigned or tampered value yields none. */
export function readPendingIds(secret: string, value: string | undefined): number[] {
  if (!value || value.length > 400) return [];
  const unsigned = signer(secret).unsign(value);
  if (!unsigned.valid || !unsigned.value) return [];
  return unsigned.value
    .split('-')
    .filter((s) => /^[1-9]\d{0,9}$/.test(s))
    .map(Number);
}

/** A signed cookie value listing `ids` (the newest MAX_IDS). */
export function pendingCookieValue(secret: string, ids: number[]): string {
  return signer(secret).sign([...new Set(ids)].slice(-MAX_IDS).join('-'));
}

/** How the cookie is set: whole site, a month, not readable by scripts, Secure on https. */
export function pendingCookieOptions(siteUrl: string): CookieSerializeOptions {
  return {
    path: '/',
    maxAge: MAX_AGE_S,
    httpOnly: true,
    sameSite: 'lax',
    secure: siteUrl.startsWith('https:'),
  };
}
