import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { keyedHash } from './csrf.ts';
import { type Action, can } from './policy.ts';

/**
 * The small pieces every newsroom route module shares (kept apart from
 * auth.ts so route modules do not import the module that registers them).
 */

/** What the auth layer needs; `now` is injectable for tests of expiry. */
export interface AuthDeps {
  config: Config;
  db: Db;
  events: EventBus;
  now?: () => number;
}

/** Staff routes live under this prefix; the session cookie is scoped to it. */
export const NEWSROOM = '/newsroom';
/** Methods that must carry a CSRF token. */
export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Where an admin without 2FA is sent when the site requires it. */
export const ENROL_2FA_PATH = '/newsroom/akun/dua-langkah';

/** True for URLs inside the newsroom. */
export function isNewsroomUrl(url: string): boolean {
  // Decide on the decoded path, as the router does: `/%6Eewsroom/…` is the newsroom too.
  const raw = url.split('?', 1)[0] ?? '';
  let path = raw;
  if (raw.includes('%')) {
    try {
      path = decodeURIComponent(raw);
    } catch {}
  }
  return path === NEWSROOM || path.startsWith(`${NEWSROOM}/`);
}

/** True when the client asked for JSON (fetch/XHR callers), not a page. */
export function wantsJson(req: FastifyRequest): boolean {
  const accept = String(req.headers.accept ?? '');
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Keyed hash of the client address, for the audit log and rate limits. */
export function ipHashOf(req: FastifyRequest, config: Pick<Config, 'secretKey'>): string {
  return keyedHash(config.secretKey, 'ip', req.ip);
}

/** Cookie options shared by the session and pre-session cookies. */
export function cookieOptions(config: Pick<Config, 'siteUrl'>, maxAgeSeconds?: number) {
  return {
    path: NEWSROOM,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.siteUrl.startsWith('https:'),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

/** A safe place to go after login: a newsroom path on this site, never another host. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return NEWSROOM;
  // Printable ASCII only: anything else cannot go into a Location header.
  if (!/^[\x21-\x7e]*$/.test(next)) return NEWSROOM;
  if (!isNewsroomUrl(next) || next.includes('//') || next.includes('\\')) return NEWSROOM;
  return next;
}

function loginRedirect(req: FastifyRequest, reply: FastifyReply) {
  const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.url)}` : '';
  return reply.redirect(`${NEWSROOM}/masuk${next}`, 302);
}

/** Not logged in: the login page for GET pages, 401 for JSON and posts. */
export function denyAnonymous(req: FastifyRequest, reply: FastifyReply) {
  if (req.method === 'GET' && !wantsJson(req)) return loginRedirect(req, reply);
  throw new AppError('NOT_LOGGED_IN');
}

/**
 * A route hook for newsroom routes: not logged in → 302 to the login page (GET
 * pages) or 401 (JSON and form posts); logged in without `action` → 403. The
 * newsroom's own routes run it as `preValidation`, so permission is decided
 * before the route's schema looks at the input.
 */
export function requireStaff(action?: Action): preHandlerAsyncHookHandler {
  return async function requireStaffHandler(req, reply) {
    if (!req.staff) return denyAnonymous(req, reply);
    if (action && !can(req.staff.role, action)) throw new AppError('FORBIDDEN');
  };
}
