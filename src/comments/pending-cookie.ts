import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The reader's own pending comments: a signed cookie listing their ids, so the
 * article page shows "menunggu moderasi" comments to their author only. The
 * `warta_` prefix makes the page cache bypass the request, so a cached page
 * never carries one reader's pending comment to another. Parsing, serialising
 * and signing are @fastify/cookie's (`req.unsignCookie`, `reply.setCookie` with
 * `signed: true`, under the cookie secret app.ts derives from the server secret).
 */
export const PENDING_COOKIE = 'warta_komentar';
const MAX_IDS = 20;
const MAX_AGE_S = 30 * 24 * 3600;

/** The ids in the reader's cookie; a missing, unsigned or tampered cookie yields none. */
export function pendingIdsOf(req: FastifyRequest): number[] {
  const raw = req.cookies[PENDING_COOKIE];
  if (!raw || raw.length > 400) return [];
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return [];
  return unsigned.value
    .split('-')
    .filter((s) => /^[1-9]\d{0,9}$/.test(s))
    .map(Number);
}

/** Adds a pending comment to the reader's cookie (keeping the newest MAX_IDS). */
export function rememberPending(
  req: FastifyRequest,
  reply: FastifyReply,
  siteUrl: string,
  id: number,
): void {
  const ids = [...new Set([...pendingIdsOf(req), id])].slice(-MAX_IDS);
  reply.setCookie(PENDING_COOKIE, ids.join('-'), {
    ...readerCookieOptions(siteUrl, MAX_AGE_S),
    signed: true,
  });
}

/** How a reader's cookie is set: whole site, `maxAge` seconds, not readable by scripts, Secure on https. */
export function readerCookieOptions(siteUrl: string, maxAge: number): CookieSerializeOptions {
  return {
    path: '/',
    maxAge,
    httpOnly: true,
    sameSite: 'lax',
    secure: siteUrl.startsWith('https:'),
  };
}
