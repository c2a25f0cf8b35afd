import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.ts';
import { audit } from './audit.ts';
import { type AuthDeps, ipHashOf, NEWSROOM } from './auth-shared.ts';
import { field, sendPage, startSession } from './login-routes.ts';
import { PASSWORD_MAX, passwordProblem } from './passwords.ts';
import { formBody, formField, query } from './schemas.ts';
import {
  countActiveAdmins,
  createUser,
  EMAIL_MAX,
  isValidEmail,
  NAME_MAX,
  normaliseEmail,
} from './users.ts';
import { SetupPage } from './views/account-pages.tsx';
import { newsroomContext } from './views/layout.tsx';

declare module 'fastify' {
  interface FastifyInstance {
    /** The one-time setup token of this process (null once used or when an admin exists). */
    newsroomSetup: { token: string | null };
  }
}

export const SETUP_PATH = `${NEWSROOM}/siapkan`;

function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The first-admin setup page. While no enabled admin exists, each process
 * start makes a random token and prints the setup address with it to the
 * console; the page accepts it once, creates the admin and logs them in. Once
 * an admin exists the page answers 404.
 */
export function registerSetup(
  app: FastifyInstance,
  deps: AuthDeps & { now: () => number; announce?: (line: string) => void },
): void {
  const { config, db } = deps;
  const state = { token: randomBytes(18).toString('base64url') as string | null };
  app.decorate('newsroomSetup', state);
  const announce =
    deps.announce ??
    (config.logLevel === 'silent' ? () => {} : (line: string) => console.log(line));

  app.addHook('onReady', async () => {
    if ((await countActiveAdmins(db)) > 0) {
      state.token = null;
      return;
    }
    announce(
      `\nNo admin account yet. Create the first admin at:\n  ${config.siteUrl}${SETUP_PATH}?token=${state.token}\n(or run: warta user add --role admin --email you@example.com --name "Your Name")\n`,
    );
  });

  /** 404 unless setup is still possible. */
  async function open(): Promise<string> {
    if (!state.token || (await countActiveAdmins(db)) > 0) {
      state.token = null;
      throw new AppError('NOT_FOUND');
    }
    return state.token;
  }

  const PUBLIC = { config: { newsroomPublic: true, allowWithout2fa: true } };
  const ctxOf = (req: FastifyRequest) => newsroomContext(req, { config });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    SETUP_PATH,
    { ...PUBLIC, schema: { querystring: query({ token: formField }) } },
    async (req, reply) => {
      await open();
      const token = field(req.query.token).slice(0, 100);
      return sendPage(reply, SetupPage({ ctx: await ctxOf(req), values: { token } }));
    },
  );

  const setupBody = formBody({
    token: formField,
    name: formField,
    email: formField,
    password: formField,
  });
  r.post(SETUP_PATH, { ...PUBLIC, schema: { body: setupBody } }, async (req, reply) => {
    const expected = await open();
    const ctx = await ctxOf(req);
    const f = ctx.m.form;
    const token = field(req.body.token);
    const name = field(req.body.name).trim();
    const rawEmail = field(req.body.email);
    const email = normaliseEmail(rawEmail);
    const password = field(req.body.password);
    const errors: Record<string, string> = {};
    if (!sameToken(expected, token)) errors.token = ctx.m.setup.badToken;
    if (!name) errors.name = f.required;
    else if (name.length > NAME_MAX) errors.name = f.tooLong(NAME_MAX);
    if (!email) errors.email = f.required;
    else if (email.length > EMAIL_MAX || !isValidEmail(email)) errors.email = f.invalidEmail;
    if (!password) errors.password = f.required;
    else if (password.length > PASSWORD_MAX || passwordProblem(password))
      errors.password = f.weakPassword;
    if (Object.keys(errors).length > 0) {
      const values = { name: name.slice(0, NAME_MAX), email: rawEmail.slice(0, EMAIL_MAX) };
      return sendPage(reply, SetupPage({ ctx, values, errors }), errors.token ? 403 : 400);
    }
    // Single use: the token is gone before the account exists, so two racing posts cannot both win.
    state.token = null;
    const id = await createUser(
      db,
      { email, name, role: 'admin', password, lang: ctx.lang },
      deps.now(),
    );
    await audit(db, {
      actorId: id,
      action: 'setup.admin',
      target: `user:${id}`,
      detail: email,
      ipHash: ipHashOf(req, config),
    });
    await startSession(req, reply, deps, id, false);
    return reply.redirect(NEWSROOM, 303);
  });
}
