import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import { parsePage } from '../lib/pagination.ts';
import { audit, auditActions, listAudit } from './audit.ts';
import { type AuthDeps, ipHashOf, NEWSROOM, requireStaff } from './auth-shared.ts';
import { clearStaffLimits, limitedStaff } from './login-limits.ts';
import { field, sendPage } from './login-routes.ts';
import { listOutbox } from './outbox.ts';
import { PASSWORD_MAX, passwordProblem } from './passwords.ts';
import { can, isRole } from './policy.ts';
import { sendInvitation } from './resets.ts';
import { formBody, formField, query } from './schemas.ts';
import { deleteUserSessions, newToken } from './sessions.ts';
import { disableTotp } from './totp.ts';
import {
  createUser,
  EMAIL_MAX,
  getUserRow,
  isValidEmail,
  listStaff,
  NAME_MAX,
  normaliseEmail,
  setDisabled,
  setRole,
} from './users.ts';
import { AuditPage, OutboxPage, StaffPage } from './views/admin-pages.tsx';
import { newsroomContext } from './views/layout.tsx';

type Deps = AuthDeps & { now: () => number };

const ID = /^[1-9]\d{0,9}$/;
const STAFF_URL = `${NEWSROOM}/staf`;

const staffQuery = query({ id: formField, ok: formField });
const staffBody = formBody({
  name: formField,
  email: formField,
  role: formField,
  lang: formField,
  password: formField,
});
/** The account id from the URL, checked by `target` (a malformed one answers 404). */
const idParams = z.object({ id: z.string() });
const auditQuery = query({ page: formField, action: z.string().max(60).optional() });

/** Staff management, the audit log and the outbox: admin pages. */
export function registerStaffRoutes(app: FastifyInstance, deps: Deps): void {
  const { config, db } = deps;
  const ctxOf = (req: FastifyRequest) => newsroomContext(req, { config });
  const manage = { preValidation: requireStaff('staff.manage') };
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function staffPage(
    req: FastifyRequest,
    status: number,
    extra: Omit<Parameters<typeof StaffPage>[0], 'ctx' | 'staff'> = {},
  ) {
    const ctx = await ctxOf(req);
    const staff = await listStaff(db);
    const locks =
      req.staff && can(req.staff.role, 'login.unlock')
        ? await limitedStaff(db, config.secretKey, staff, deps.now())
        : undefined;
    return { status, vnode: StaffPage({ ctx, staff, locks, ...extra }) };
  }

  r.get(STAFF_URL, { ...manage, schema: { querystring: staffQuery } }, async (req, reply) => {
    const ctx = await ctxOf(req);
    const q = req.query;
    const id = typeof q.id === 'string' && ID.test(q.id) ? Number(q.id) : 0;
    const who = id ? await getUserRow(db, id) : undefined;
    const m = ctx.m.staff;
    const notices: Record<string, (n: string) => string> = {
      created: m.created,
      invited: m.invited,
      role: m.roleChanged,
      disabled: m.disabledDone,
      enabled: m.enabledDone,
      '2fa': m.reset2faDone,
      unlocked: m.unlocked,
    };
    const ok = typeof q.ok === 'string' ? notices[q.ok] : undefined;
    const page = await staffPage(req, 200, { notice: ok && who ? ok(who.name) : undefined });
    return sendPage(reply, page.vnode);
  });

  r.post(STAFF_URL, { ...manage, schema: { body: staffBody } }, async (req, reply) => {
    const ctx = await ctxOf(req);
    const f = ctx.m.form;
    const name = field(req.body.name).trim();
    const rawEmail = field(req.body.email);
    const email = normaliseEmail(rawEmail);
    const role = field(req.body.role);
    const lang = field(req.body.lang) || ctx.lang;
    const password = field(req.body.password);
    const errors: Record<string, string> = {};
    if (!name) errors.name = f.required;
    else if (name.length > NAME_MAX) errors.name = f.tooLong(NAME_MAX);
    if (!email) errors.email = f.required;
    else if (email.length > EMAIL_MAX) errors.email = f.tooLong(EMAIL_MAX);
    else if (!isValidEmail(email)) errors.email = f.invalidEmail;
    if (!isRole(role)) errors.role = f.invalidRole;
    if (lang !== 'id' && lang !== 'en') errors.lang = f.invalidLang;
    if (password && (password.length > PASSWORD_MAX || passwordProblem(password))) {
      errors.password = f.weakPassword;
    }
    const values = {
      name: name.slice(0, NAME_MAX),
      email: rawEmail.slice(0, EMAIL_MAX),
      role,
      lang,
    };
    if (Object.keys(errors).length > 0 || !isRole(role) || (lang !== 'id' && lang !== 'en')) {
      const page = await staffPage(req, 400, { errors, values, error: f.fixBelow });
      return sendPage(reply, page.vnode, page.status);
    }
    let id: number;
    try {
      // Without a password the account gets an unguessable one and an invitation link.
      id = await createUser(
        db,
        { email, name, role, lang, password: password || newToken() },
        deps.now(),
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'EMAIL_TAKEN') {
        const page = await staffPage(req, 409, {
          errors: { email: f.emailTaken },
          values,
          error: f.fixBelow,
        });
        return sendPage(reply, page.vnode, page.status);
      }
      throw err;
    }
    if (!password) await sendInvitation(db, config, { id, email, name, lang }, deps.now());
    await audit(db, {
      actorId: req.staff?.id ?? null,
      action: 'staff.created',
      target: `user:${id}`,
      detail: `${email} (${role})`,
      ipHash: ipHashOf(req, config),
    });
    return reply.redirect(`${STAFF_URL}?ok=${password ? 'created' : 'invited'}&id=${id}`, 303);
  });

  /** Loads the target of a per-account action; 404 when the id is malformed or unknown. */
  async function target(id: string) {
    if (!ID.test(id)) throw new AppError('NOT_FOUND');
    const row = await getUserRow(db, Number(id));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  r.post(
    `${STAFF_URL}/:id/peran`,
    { ...manage, schema: { params: idParams, body: formBody({ role: formField }) } },
    async (req, reply) => {
      const user = await target(req.params.id);
      const ctx = await ctxOf(req);
      const role = field(req.body.role);
      if (!isRole(role)) {
        const page = await staffPage(req, 400, { error: ctx.m.form.invalidRole });
        return sendPage(reply, page.vnode, page.status);
      }
      if (user.id === req.staff?.id && role !== 'admin') {
        const page = await staffPage(req, 403, { error: ctx.m.staff.notSelf });
        return sendPage(reply, page.vnode, page.status);
      }
      if (role !== user.role) {
        await setRole(db, user.id, role, deps.now());
        await audit(db, {
          actorId: req.staff?.id ?? null,
          action: 'staff.role',
          target: `user:${user.id}`,
          detail: `${user.role} → ${role}`,
          ipHash: ipHashOf(req, config),
        });
      }
      return reply.redirect(`${STAFF_URL}?ok=role&id=${user.id}`, 303);
    },
  );

  r.post(
    `${STAFF_URL}/:id/status`,
    { ...manage, schema: { params: idParams, body: formBody({ status: formField }) } },
    async (req, reply) => {
      const user = await target(req.params.id);
      const ctx = await ctxOf(req);
      const status = field(req.body.status);
      if (status !== 'disable' && status !== 'enable') {
        const page = await staffPage(req, 400, { error: ctx.m.form.fixBelow });
        return sendPage(reply, page.vnode, page.status);
      }
      if (user.id === req.staff?.id) {
        const page = await staffPage(req, 403, { error: ctx.m.staff.notSelf });
        return sendPage(reply, page.vnode, page.status);
      }
      const disable = status === 'disable';
      await setDisabled(db, user.id, disable, deps.now());
      if (disable) await deleteUserSessions(db, user.id);
      await audit(db, {
        actorId: req.staff?.id ?? null,
        action: disable ? 'staff.disabled' : 'staff.enabled',
        target: `user:${user.id}`,
        detail: user.email,
        ipHash: ipHashOf(req, config),
      });
      return reply.redirect(
        `${STAFF_URL}?ok=${disable ? 'disabled' : 'enabled'}&id=${user.id}`,
        303,
      );
    },
  );

  r.post(
    `${STAFF_URL}/:id/reset-2fa`,
    { ...manage, schema: { params: idParams, body: formBody({}) } },
    async (req, reply) => {
      const user = await target(req.params.id);
      await disableTotp(db, user.id, deps.now());
      // Whoever holds a session without a second factor must log in again.
      await deleteUserSessions(db, user.id);
      await audit(db, {
        actorId: req.staff?.id ?? null,
        action: '2fa.reset',
        target: `user:${user.id}`,
        detail: user.email,
        ipHash: ipHashOf(req, config),
      });
      return reply.redirect(`${STAFF_URL}?ok=2fa&id=${user.id}`, 303);
    },
  );

  r.post(
    `${STAFF_URL}/:id/buka-kunci`,
    {
      preValidation: requireStaff('login.unlock'),
      schema: { params: idParams, body: formBody({}) },
    },
    async (req, reply) => {
      const user = await target(req.params.id);
      const removed = await clearStaffLimits(db, config.secretKey, user);
      await audit(db, {
        actorId: req.staff?.id ?? null,
        action: 'login.unlocked',
        target: `user:${user.id}`,
        detail: `${user.email} (${removed} records)`,
        ipHash: ipHashOf(req, config),
      });
      return reply.redirect(`${STAFF_URL}?ok=unlocked&id=${user.id}`, 303);
    },
  );

  r.get(
    `${NEWSROOM}/audit`,
    { preValidation: requireStaff('audit.view'), schema: { querystring: auditQuery } },
    async (req, reply) => {
      const q = req.query;
      const parsed = parsePage(q.page);
      if (!parsed.ok) throw new AppError('BAD_PAGE');
      const action = q.action || undefined;
      const { items, hasMore } = await listAudit(db, { action, page: parsed.page });
      const ctx = await ctxOf(req);
      const actions = await auditActions(db);
      return sendPage(
        reply,
        AuditPage({ ctx, items, actions, action, page: parsed.page, hasMore }),
      );
    },
  );

  r.get(
    `${NEWSROOM}/kotak-keluar`,
    {
      preValidation: requireStaff('outbox.view'),
      schema: { querystring: query({ page: formField }) },
    },
    async (req, reply) => {
      const parsed = parsePage(req.query.page);
      if (!parsed.ok) throw new AppError('BAD_PAGE');
      const { items, hasMore } = await listOutbox(db, { page: parsed.page });
      const ctx = await ctxOf(req);
      const page = OutboxPage({
        ctx,
        items,
        smtp: Boolean(config.smtpUrl),
        page: parsed.page,
        hasMore,
      });
      return sendPage(reply, page);
    },
  );
}
