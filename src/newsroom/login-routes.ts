import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { VNode } from 'preact';
import { renderDocument } from '../site/render.tsx';
import { audit } from './audit.ts';
import type { AuthDeps } from './auth-shared.ts';
import { cookieOptions, ipHashOf, NEWSROOM, safeNext } from './auth-shared.ts';
import {
  announceWait,
  DEVICE_COOKIE,
  guardAttempt,
  loginChallenge,
  PROOF_FIELD,
  setDeviceCookie,
} from './login-guard.ts';
import { accountKey, forgiveLoginAttempt } from './login-limits.ts';
import { PASSWORD_MAX, verifyDummy, verifyPassword } from './passwords.ts';
import { type FormField, formBody, formField, query } from './schemas.ts';
import {
  ABSOLUTE_MS,
  createSession,
  deleteSession,
  deleteUserSessions,
  SESSION_COOKIE,
} from './sessions.ts';
import { NewsroomHome } from './site-admin/home-page.tsx';
import { homeQueues } from './site-admin/home-queues.ts';
import { EMAIL_MAX, findUserByEmail, normaliseEmail } from './users.ts';
import { LoginPage } from './views/auth-pages.tsx';
import { newsroomContext } from './views/layout.tsx';

type Deps = AuthDeps & { now: () => number };

/** Sends a rendered newsroom page. */
export function sendPage(reply: FastifyReply, vnode: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(vnode));
}

/** A form field as one string; a repeated or missing field is '' (the form then says what is wrong). */
export function field(value: FormField): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Starts a full or second-factor-pending session after the password was
 * checked: the old session (if any) ends, a new token is set (rotation).
 */
export async function startSession(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: Deps,
  userId: number,
  mfaPending: boolean,
): Promise<void> {
  if (req.newsroomSession) await deleteSession(deps.db, req.newsroomSession.id);
  const { token } = await createSession(deps.db, userId, {
    now: deps.now(),
    ipHash: ipHashOf(req, deps.config),
    mfaPending,
  });
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(deps.config, ABSOLUTE_MS / 1000));
}

const loginQuery = query({
  next: formField,
  keluar: formField,
  semua: formField,
  reset: formField,
});
const loginBody = formBody({
  email: formField,
  password: formField,
  next: formField,
  [PROOF_FIELD]: formField,
});
/** Challenges for the login forms' widget; enough for a person, few for a script. */
const CHALLENGE_RATE = { max: 30, timeWindow: '1 minute' } as const;

/** Login, logout, "log out everywhere" and the newsroom home. */
export function registerLoginRoutes(app: FastifyInstance, deps: Deps): void {
  const { config, db } = deps;
  const ctxOf = (req: FastifyRequest) => newsroomContext(req, { config });
  const r = app.withTypeProvider<ZodTypeProvider>();

  app.get(NEWSROOM, async (req, reply) => {
    // Only staff reach this route (the auth hook sends anyone else to the login).
    if (!req.staff) return reply.redirect(`${NEWSROOM}/masuk`, 302);
    const queues = await homeQueues(db, req.staff);
    const home = NewsroomHome({ ctx: await ctxOf(req), queues });
    return home ? sendPage(reply, home) : reply.redirect(`${NEWSROOM}/masuk`, 302);
  });

  r.get(
    `${NEWSROOM}/masuk`,
    {
      config: { newsroomPublic: true, allowWithout2fa: true },
      schema: { querystring: loginQuery },
    },
    async (req, reply) => {
      const q = req.query;
      const next = safeNext(q.next);
      if (req.staff) return reply.redirect(next, 302);
      const ctx = await ctxOf(req);
      const m = ctx.m.login;
      const notice =
        q.keluar !== undefined
          ? m.loggedOut
          : q.semua !== undefined
            ? m.loggedOutEverywhere
            : q.reset !== undefined
              ? m.resetDone
              : undefined;
      return sendPage(
        reply,
        LoginPage({ ctx, next: next === NEWSROOM ? undefined : next, notice }),
      );
    },
  );

  r.post(
    `${NEWSROOM}/masuk`,
    { config: { newsroomPublic: true, allowWithout2fa: true }, schema: { body: loginBody } },
    async (req, reply) => {
      const ctx = await ctxOf(req);
      const m = ctx.m.login;
      const rawEmail = field(req.body.email);
      const password = field(req.body.password);
      const next = safeNext(field(req.body.next));
      const email = normaliseEmail(rawEmail).slice(0, EMAIL_MAX);
      const shownNext = next === NEWSROOM ? undefined : next;
      const fail = (status: number, error: string) =>
        sendPage(
          reply,
          LoginPage({ ctx, email: rawEmail.slice(0, EMAIL_MAX), next: shownNext, error }),
          status,
        );
      if (!email || !password) return fail(400, m.missing);

      const now = deps.now();
      const ipHash = ipHashOf(req, config);
      const user = rawEmail.length <= EMAIL_MAX ? await findUserByEmail(db, email) : undefined;
      const { attempt, reservation } = await guardAttempt(req, deps, {
        account: accountKey(config.secretKey, 'password', email),
        owner: user,
        proof: field(req.body[PROOF_FIELD]),
      });
      if (reservation.kind === 'wait')
        return fail(429, m.limited(announceWait(reply, reservation.waitMs)));
      if (reservation.kind === 'proof') return fail(429, m.needsProof);

      let ok = false;
      if (!user || user.disabled || password.length > PASSWORD_MAX) {
        await verifyDummy(password.slice(0, PASSWORD_MAX));
      } else {
        ok = await verifyPassword(user.password_hash, password);
      }
      if (!user || !ok || user.disabled) {
        await audit(
          db,
          {
            actorId: user?.id ?? null,
            action: 'login.failed',
            target: user ? `user:${user.id}` : '',
            detail: user
              ? user.disabled
                ? 'disabled account'
                : 'wrong password'
              : 'unknown email',
            ipHash,
          },
          now,
        );
        return fail(401, m.failed);
      }

      await forgiveLoginAttempt(db, config.secretKey, attempt, reservation.rowIds);
      const pending = user.totp_enabled === 1;
      await startSession(req, reply, deps, user.id, pending);
      // A browser that completed a login is remembered (after the second step for 2FA accounts).
      if (!pending) setDeviceCookie(reply, config, user);
      await audit(
        db,
        {
          actorId: user.id,
          action: pending ? 'login.password' : 'login',
          target: `user:${user.id}`,
          ipHash,
        },
        now,
      );
      if (pending)
        return reply.redirect(`${NEWSROOM}/masuk/kode?next=${encodeURIComponent(next)}`, 303);
      return reply.redirect(next, 303);
    },
  );

  app.get(
    `${NEWSROOM}/masuk/tantangan`,
    { config: { newsroomPublic: true, allowWithout2fa: true, rateLimit: CHALLENGE_RATE } },
    async (_req, reply) =>
      reply.header('cache-control', 'no-store').send(await loginChallenge(config.secretKey)),
  );

  const logoutRoute = {
    config: { newsroomPublic: true, allowWithout2fa: true, csrfOnlyWithSession: true },
  };
  app.post(`${NEWSROOM}/keluar`, logoutRoute, async (req, reply) => {
    const session = req.newsroomSession;
    if (session) {
      await deleteSession(db, session.id);
      await audit(
        db,
        {
          actorId: session.userId,
          action: 'logout',
          target: `user:${session.userId}`,
          ipHash: ipHashOf(req, config),
        },
        deps.now(),
      );
    }
    reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
    return reply.redirect(`${NEWSROOM}/masuk?keluar=1`, 303);
  });

  app.post(
    `${NEWSROOM}/keluar-semua`,
    { config: { allowWithout2fa: true } },
    async (req, reply) => {
      const staff = req.staff;
      if (!staff) return reply.redirect(`${NEWSROOM}/masuk`, 303);
      const n = await deleteUserSessions(db, staff.id);
      await audit(
        db,
        {
          actorId: staff.id,
          action: 'logout.everywhere',
          target: `user:${staff.id}`,
          detail: `${n} sessions`,
          ipHash: ipHashOf(req, config),
        },
        deps.now(),
      );
      reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
      reply.clearCookie(DEVICE_COOKIE, cookieOptions(config));
      return reply.redirect(`${NEWSROOM}/masuk?semua=1`, 303);
    },
  );
}
