import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Config, verifyingKeys } from '../config.ts';
import { AppError } from '../lib/errors.ts';
import { renderDocument } from '../site/render.tsx';
import { registerAccountRoutes } from './account-routes.ts';
import { registerNewsroomAssets } from './assets.ts';
import {
  type AuthDeps,
  cookieOptions,
  denyAnonymous,
  ENROL_2FA_PATH,
  isNewsroomUrl,
  STATE_CHANGING,
  wantsJson,
} from './auth-shared.ts';
import {
  csrfMatches,
  csrfToken,
  newPreSessionValue,
  PRE_SESSION_COOKIE,
  preSessionCsrf,
  sessionCsrf,
} from './csrf.ts';
import { registerLoginRoutes } from './login-routes.ts';
import { resolveSession, SESSION_COOKIE, type SessionRow } from './sessions.ts';
import { registerSetup } from './setup.ts';
import { registerStaffRoutes } from './staff-routes.ts';
import type { StaffUser } from './users.ts';
import { NewsroomErrorPage } from './views/auth-pages.tsx';
import { newsroomContext } from './views/layout.tsx';

export {
  type AuthDeps,
  cookieOptions,
  ENROL_2FA_PATH,
  ipHashOf,
  isNewsroomUrl,
  NEWSROOM,
  requireStaff,
  safeNext,
  wantsJson,
} from './auth-shared.ts';
export { csrfToken };

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in staff member (second factor done), or null. Set for every request. */
    staff: StaffUser | null;
    /** The live session behind the cookie (also while the second factor is pending). */
    newsroomSession: SessionRow | null;
    /** The CSRF token for forms on this page (see csrfToken). */
    newsroomCsrf: string;
    /** True for an admin who must enrol in 2FA before doing anything else. */
    mustEnroll2fa: boolean;
  }
  interface FastifyContextConfig {
    /** A newsroom route open without login (login, reset, setup pages). */
    newsroomPublic?: boolean;
    /** Reachable by an admin who still has to enrol in two-step verification. */
    allowWithout2fa?: boolean;
    /** Check CSRF only when a session exists (logout: without a session there is nothing to end). */
    csrfOnlyWithSession?: boolean;
    /**
     * A multipart route that checks the `_csrf` field of its body itself, before
     * storing anything: multipart bodies are read in the handler, after the CSRF
     * check, so a multipart request without the token header is left to the route.
     */
    csrfInMultipartField?: boolean;
  }
}

/**
 * Answers an error inside the newsroom in the staff member's language: JSON
 * `{ error: { code, message } }` for JSON callers, a newsroom page otherwise.
 */
export async function renderNewsroomError(
  req: FastifyRequest,
  reply: FastifyReply,
  err: AppError,
  config: Config,
): Promise<FastifyReply> {
  const lang = req.staff?.lang ?? config.language;
  const message = err.messageIn(lang);
  reply.code(err.status).header('cache-control', 'no-store');
  if (wantsJson(req)) return reply.send({ error: { code: err.code, message } });
  const ctx = await newsroomContext(req, { config });
  return reply
    .type('text/html; charset=utf-8')
    .send(renderDocument(NewsroomErrorPage({ ctx, status: err.status, message })));
}

/**
 * Registers staff authentication (cookies are parsed by the plugin app.ts
 * registers): `req.staff` from the
 * session cookie, CSRF verification on every state-changing newsroom request,
 * login required on every newsroom route not marked `newsroomPublic`, the 2FA
 * enrolment gate for admins, and the login/logout/account routes.
 */
export async function registerAuth(app: FastifyInstance, deps: AuthDeps): Promise<void> {
  const { config, db } = deps;
  const now = deps.now ?? Date.now;
  app.decorateRequest('staff', null);
  app.decorateRequest('newsroomSession', null);
  app.decorateRequest('newsroomCsrf', '');
  app.decorateRequest('mustEnroll2fa', false);
  registerNewsroomAssets(app);

  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(db, token, now());
      if (session) {
        req.newsroomSession = session;
        if (!session.mfaPending) {
          const user = await db.kysely
            .selectFrom('users')
            .select(['id', 'email', 'name', 'role', 'lang', 'totp_enabled'])
            .where('id', '=', session.userId)
            .executeTakeFirst();
          if (user) {
            req.staff = {
              id: user.id,
              email: user.email,
              name: user.name,
              role: user.role,
              lang: user.lang,
            };
            req.mustEnroll2fa =
              config.requireAdmin2fa && user.role === 'admin' && !user.totp_enabled;
          }
        }
      } else if (inNewsroom(req)) {
        reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
      }
    }
    if (!inNewsroom(req)) return;
    reply.header('cache-control', 'no-store');
    if (req.newsroomSession) {
      req.newsroomCsrf = sessionCsrf(config.secretKey, req.newsroomSession.tokenHash);
      return;
    }
    let pre = req.cookies[PRE_SESSION_COOKIE];
    if (!pre || !/^[A-Za-z0-9_-]{20,64}$/.test(pre)) {
      pre = newPreSessionValue();
      reply.setCookie(PRE_SESSION_COOKIE, pre, cookieOptions(config));
    }
    req.newsroomCsrf = preSessionCsrf(config.secretKey, pre);
  });

  // Before the route's schema: an anonymous or forged request learns nothing
  // about what the form would have accepted.
  app.addHook('preValidation', async (req, reply) => {
    if (!req.routeOptions.url || !inNewsroom(req)) return;
    const route = req.routeOptions.config ?? {};
    if (!route.newsroomPublic && !req.staff) return denyAnonymous(req, reply);
    if (req.mustEnroll2fa && !route.allowWithout2fa) {
      if (req.method === 'GET' && !wantsJson(req)) return reply.redirect(ENROL_2FA_PATH, 302);
      throw new AppError('TWO_FACTOR_REQUIRED');
    }
    if (route.csrfOnlyWithSession && !req.newsroomSession) return;
    if (STATE_CHANGING.has(req.method) && !csrfOk(req, config)) {
      throw new AppError('CSRF_INVALID');
    }
  });

  const routeDeps = { ...deps, now };
  registerLoginRoutes(app, routeDeps);
  registerAccountRoutes(app, routeDeps);
  registerStaffRoutes(app, routeDeps);
  registerSetup(app, routeDeps);
  // Mail is sent by the periodic job `mail.send-due` (registerMailJob, app.ts).
}

/**
 * A request for the newsroom: by its path, or by the route the router matched
 * for it. The router also routes an absolute-form target
 * (`POST http://host/newsroom/staf HTTP/1.1`), whose `req.url` does not start
 * with /newsroom; without the second test such a request skipped the login,
 * 2FA and CSRF checks below.
 */
function inNewsroom(req: FastifyRequest): boolean {
  const route = req.routeOptions.url;
  return isNewsroomUrl(req.url) || (route !== undefined && isNewsroomUrl(route));
}

/** The `_csrf` field of a parsed query or form body, if it has one. */
function csrfFieldOf(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Buffer.isBuffer(input)) return undefined;
  return '_csrf' in input ? input._csrf : undefined;
}

/**
 * The submitted token (header or form field, never the query string, which
 * ends up in logs, history and Referer headers) matches this request's session
 * or pre-session cookie. A multipart request without the header, to a route
 * marked `csrfInMultipartField`, is left to that route's own check.
 */
function csrfOk(req: FastifyRequest, config: Config): boolean {
  const submitted = req.headers['x-csrf-token'] ?? csrfFieldOf(req.body);
  if (
    submitted === undefined &&
    req.routeOptions.config?.csrfInMultipartField === true &&
    /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')
  ) {
    return true;
  }
  // A form rendered before a key rotation still carries the previous key's token.
  const session = req.newsroomSession;
  if (session) {
    return verifyingKeys(config).some((key) =>
      csrfMatches(sessionCsrf(key, session.tokenHash), submitted),
    );
  }
  const pre = req.cookies[PRE_SESSION_COOKIE];
  if (!pre) return false;
  return verifyingKeys(config).some((key) => csrfMatches(preSessionCsrf(key, pre), submitted));
}
