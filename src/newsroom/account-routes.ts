import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { audit } from './audit.ts';
import { type AuthDeps, ENROL_2FA_PATH, ipHashOf, NEWSROOM, safeNext } from './auth-shared.ts';
import { announceWait, guardAttempt, PROOF_FIELD, setDeviceCookie } from './login-guard.ts';
import { accountKey, forgiveLoginAttempt } from './login-limits.ts';
import { field, sendPage, startSession } from './login-routes.ts';
import { authMessages } from './messages.ts';
import { passwordProblem, verifyPassword } from './passwords.ts';
import { completeReset, requestPasswordReset, validResetUser } from './resets.ts';
import { formBody, formField, query } from './schemas.ts';
import { deleteSession } from './sessions.ts';
import {
  beginEnrolment,
  checkSecondFactor,
  confirmEnrolment,
  disableTotp,
  recoveryLeft,
  totpUri,
} from './totp.ts';
import { EMAIL_MAX, getUserRow, isValidEmail, normaliseEmail } from './users.ts';
import {
  AccountPage,
  ForgotPage,
  ResetPage,
  TwoFactorEnrolPage,
  TwoFactorLoginPage,
  TwoFactorOnPage,
} from './views/account-pages.tsx';
import { newsroomContext } from './views/layout.tsx';

type Deps = AuthDeps & { now: () => number };

const PUBLIC = { config: { newsroomPublic: true, allowWithout2fa: true } };
const ENROL = { config: { allowWithout2fa: true } };

const accountQuery = query({ mati: formField });
const resetBody = formBody({ token: formField, password: formField, password2: formField });

/** The account page, 2FA enrolment and the login's second step, password reset. */
export function registerAccountRoutes(app: FastifyInstance, deps: Deps): void {
  const { config, db } = deps;
  const ctxOf = (req: FastifyRequest) => newsroomContext(req, { config });
  const must2fa = (role: string) => config.requireAdmin2fa && role === 'admin';
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${NEWSROOM}/akun`,
    { ...ENROL, schema: { querystring: accountQuery } },
    async (req, reply) => {
      const row = await getUserRow(db, req.staff?.id ?? 0);
      const ctx = await ctxOf(req);
      const q = req.query;
      return sendPage(
        reply,
        AccountPage({
          ctx,
          twofaOn: row?.totp_enabled === 1,
          recoveryLeft: row ? recoveryLeft(row.recovery_codes) : 0,
          notice: q.mati !== undefined ? ctx.m.twofa.disabled : undefined,
        }),
      );
    },
  );

  app.get(ENROL_2FA_PATH, ENROL, async (req, reply) => {
    const staff = req.staff;
    const row = staff && (await getUserRow(db, staff.id));
    if (!staff || !row) return reply.redirect(`${NEWSROOM}/masuk`, 302);
    const ctx = await ctxOf(req);
    if (row.totp_enabled) {
      return sendPage(reply, TwoFactorOnPage({ ctx, canDisable: !must2fa(staff.role) }));
    }
    const secret = row.totp_secret ?? (await beginEnrolment(db, staff.id, deps.now()));
    const uri = totpUri(secret, staff.email, config.siteName);
    return sendPage(reply, TwoFactorEnrolPage({ ctx, secret, uri, required: req.mustEnroll2fa }));
  });

  r.post(
    ENROL_2FA_PATH,
    { ...ENROL, schema: { body: formBody({ code: formField }) } },
    async (req, reply) => {
      const staff = req.staff;
      if (!staff) return reply.redirect(`${NEWSROOM}/masuk`, 303);
      const ctx = await ctxOf(req);
      const row = await getUserRow(db, staff.id);
      if (row?.totp_enabled) return reply.redirect(ENROL_2FA_PATH, 303);
      const codes = await confirmEnrolment(db, staff.id, field(req.body.code), deps.now());
      if (!codes) {
        const secret = row?.totp_secret ?? (await beginEnrolment(db, staff.id, deps.now()));
        const uri = totpUri(secret, staff.email, config.siteName);
        const page = TwoFactorEnrolPage({
          ctx,
          secret,
          uri,
          required: req.mustEnroll2fa,
          error: ctx.m.twofa.wrongCode,
        });
        return sendPage(reply, page, 400);
      }
      await audit(db, {
        actorId: staff.id,
        action: '2fa.enabled',
        target: `user:${staff.id}`,
        ipHash: ipHashOf(req, config),
      });
      const page = TwoFactorOnPage({
        ctx: { ...ctx },
        codes,
        canDisable: false,
        notice: ctx.m.twofa.enabled,
      });
      return sendPage(reply, page);
    },
  );

  r.post(
    `${ENROL_2FA_PATH}/matikan`,
    { schema: { body: formBody({ password: formField }) } },
    async (req, reply) => {
      const staff = req.staff;
      if (!staff) return reply.redirect(`${NEWSROOM}/masuk`, 303);
      const ctx = await ctxOf(req);
      if (must2fa(staff.role)) {
        return sendPage(
          reply,
          TwoFactorOnPage({ ctx, canDisable: false, error: ctx.m.twofa.cannotDisable }),
          403,
        );
      }
      const row = await getUserRow(db, staff.id);
      const password = field(req.body.password);
      if (!row || !password || !(await verifyPassword(row.password_hash, password.slice(0, 200)))) {
        const page = TwoFactorOnPage({ ctx, canDisable: true, error: ctx.m.twofa.wrongPassword });
        return sendPage(reply, page, 400);
      }
      await disableTotp(db, staff.id, deps.now());
      await audit(db, {
        actorId: staff.id,
        action: '2fa.disabled',
        target: `user:${staff.id}`,
        ipHash: ipHashOf(req, config),
      });
      return reply.redirect(`${NEWSROOM}/akun?mati=1`, 303);
    },
  );

  // --- Second step of login ---
  r.get(
    `${NEWSROOM}/masuk/kode`,
    { ...PUBLIC, schema: { querystring: query({ next: formField }) } },
    async (req, reply) => {
      if (!req.newsroomSession?.mfaPending) return reply.redirect(`${NEWSROOM}/masuk`, 302);
      const next = safeNext(req.query.next);
      const ctx = await ctxOf(req);
      return sendPage(
        reply,
        TwoFactorLoginPage({ ctx, next: next === NEWSROOM ? undefined : next }),
      );
    },
  );

  r.post(
    `${NEWSROOM}/masuk/kode`,
    {
      ...PUBLIC,
      schema: { body: formBody({ code: formField, next: formField, [PROOF_FIELD]: formField }) },
    },
    async (req, reply) => {
      const session = req.newsroomSession;
      if (!session?.mfaPending) return reply.redirect(`${NEWSROOM}/masuk?habis=1`, 303);
      const row = await getUserRow(db, session.userId);
      const ctx = await ctxOf(req);
      if (row) ctx.m = authMessages[row.lang];
      const next = safeNext(field(req.body.next));
      const shownNext = next === NEWSROOM ? undefined : next;
      const now = deps.now();
      const ipHash = ipHashOf(req, config);
      // The same limits as the password step (decision 004), on the user's codes.
      const { attempt, reservation } = await guardAttempt(req, deps, {
        account: accountKey(config.secretKey, '2fa', String(session.userId)),
        owner: row,
        proof: field(req.body[PROOF_FIELD]),
      });
      if (reservation.kind !== 'go') {
        const error =
          reservation.kind === 'wait'
            ? ctx.m.twofa.tooMany(announceWait(reply, reservation.waitMs))
            : ctx.m.login.needsProof;
        return sendPage(reply, TwoFactorLoginPage({ ctx, next: shownNext, error }), 429);
      }
      const used = await checkSecondFactor(db, session.userId, field(req.body.code), now);
      if (!used) {
        await audit(
          db,
          {
            actorId: session.userId,
            action: 'login.failed',
            target: `user:${session.userId}`,
            detail: 'wrong 2FA code',
            ipHash,
          },
          now,
        );
        return sendPage(
          reply,
          TwoFactorLoginPage({ ctx, next: shownNext, error: ctx.m.twofa.wrongCode }),
          401,
        );
      }
      await forgiveLoginAttempt(db, config.secretKey, attempt, reservation.rowIds);
      await startSession(req, reply, deps, session.userId, false);
      if (row) setDeviceCookie(reply, config, row);
      await audit(
        db,
        {
          actorId: session.userId,
          action: 'login',
          target: `user:${session.userId}`,
          detail: used === 'recovery' ? 'recovery code' : '2FA',
          ipHash,
        },
        now,
      );
      return reply.redirect(next, 303);
    },
  );

  // --- Password reset ---
  app.get(`${NEWSROOM}/lupa-sandi`, PUBLIC, async (req, reply) =>
    sendPage(reply, ForgotPage({ ctx: await ctxOf(req) })),
  );

  r.post(
    `${NEWSROOM}/lupa-sandi`,
    { ...PUBLIC, schema: { body: formBody({ email: formField }) } },
    async (req, reply) => {
      const ctx = await ctxOf(req);
      const raw = field(req.body.email);
      const email = normaliseEmail(raw);
      if (!email) return sendPage(reply, ForgotPage({ ctx, error: ctx.m.form.required }), 400);
      if (email.length > EMAIL_MAX || !isValidEmail(email)) {
        return sendPage(
          reply,
          ForgotPage({ ctx, email: raw.slice(0, EMAIL_MAX), error: ctx.m.form.invalidEmail }),
          400,
        );
      }
      await requestPasswordReset(db, config, email, deps.now());
      return sendPage(reply, ForgotPage({ ctx, sent: true }));
    },
  );

  r.get(
    `${NEWSROOM}/atur-ulang`,
    { ...PUBLIC, schema: { querystring: query({ token: formField }) } },
    async (req, reply) => {
      const token = field(req.query.token);
      const found = await validResetUser(db, token, deps.now());
      const ctx = await ctxOf(req);
      if (found) ctx.m = authMessages[found.lang];
      return sendPage(reply, ResetPage({ ctx, token, invalid: !found }), found ? 200 : 400);
    },
  );

  r.post(
    `${NEWSROOM}/atur-ulang`,
    { ...PUBLIC, schema: { body: resetBody } },
    async (req, reply) => {
      const token = field(req.body.token);
      const password = field(req.body.password);
      const password2 = field(req.body.password2);
      const ctx = await ctxOf(req);
      const found = await validResetUser(db, token, deps.now());
      if (!found) return sendPage(reply, ResetPage({ ctx, token: '', invalid: true }), 400);
      ctx.m = authMessages[found.lang];
      const f = ctx.m.form;
      const problem = passwordProblem(password);
      const errors = !password
        ? { password: f.required }
        : problem
          ? { password: f.weakPassword }
          : password !== password2
            ? { password2: f.mismatch }
            : undefined;
      if (errors) return sendPage(reply, ResetPage({ ctx, token, errors }), 400);
      const result = await completeReset(db, token, password, deps.now());
      if (typeof result !== 'number')
        return sendPage(reply, ResetPage({ ctx, token: '', invalid: true }), 400);
      if (req.newsroomSession) await deleteSession(db, req.newsroomSession.id).catch(() => {});
      await audit(db, {
        actorId: result,
        action: 'password.reset',
        target: `user:${result}`,
        ipHash: ipHashOf(req, config),
      });
      return reply.redirect(`${NEWSROOM}/masuk?reset=1`, 303);
    },
  );
}
