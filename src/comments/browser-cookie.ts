import type { FastifyReply, FastifyRequest } from 'fastify';
import { readerCookieOptions } from './pending-cookie.ts';

/**
 * The per-browser comment limit: a signed cookie listing when this browser
 * last posted comments (the last hour, newest last). Readers on one mobile
 * carrier share a public address, so the tight limits are per email and per
 * browser, not per address. Nothing is stored on the server and the cookie
 * dies after an hour. A client that drops its cookies starts afresh, as it
 * would with any browser identifier: it still pays a proof of work per
 * comment, meets the per-email limit and the (loose) per-address limit.
 *
 * The name does not start with `warta_`, so the page cache keeps serving this
 * reader cached pages (the cookie changes nothing on them).
 */
export const BROWSER_COOKIE = 'komentar_jejak';
const HOUR_MS = 3_600_000;
/** The most times kept (a cookie holds about 4 KB). */
const MAX_TIMES = 100;

/** When this browser posted comments within the last hour (ms, newest first); none without a valid cookie. */
export function recentPostsOf(req: FastifyRequest, now = Date.now()): number[] {
  const raw = req.cookies[BROWSER_COOKIE];
  if (!raw || raw.length > 1200) return [];
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return [];
  return unsigned.value
    .split('-')
    .filter((s) => /^[0-9a-z]{1,9}$/.test(s))
    .map((s) => Number.parseInt(s, 36) * 1000)
    .filter((t) => t > now - HOUR_MS && t <= now + 60_000)
    .sort((a, b) => b - a)
    .slice(0, MAX_TIMES);
}

/** Adds a stored comment's time to the browser's cookie (keeping the newest `keep`, at most MAX_TIMES). */
export function rememberPost(
  req: FastifyRequest,
  reply: FastifyReply,
  siteUrl: string,
  keep: number,
  now = Date.now(),
): void {
  const times = [now, ...recentPostsOf(req, now)].slice(0, Math.min(Math.max(keep, 1), MAX_TIMES));
  const value = times.map((t) => Math.floor(t / 1000).toString(36)).join('-');
  reply.setCookie(BROWSER_COOKIE, value, {
    ...readerCookieOptions(siteUrl, HOUR_MS / 1000),
    signed: true,
  });
}
