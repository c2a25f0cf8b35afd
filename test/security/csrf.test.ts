import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/lib/errors.ts';
import {
  commentableArticle,
  fields,
  postComment,
  postSolved,
  setSettings,
  storedComments,
  tokenFor,
} from '../comments-kit.ts';
import { type TestApp, testApp } from '../helpers.ts';
import {
  type Answer,
  type Auth,
  type Call,
  type Caller,
  changedTables,
  commentOn,
  csrfRefused,
  type Fixtures,
  makeFixtures,
  mediaFiles,
  preSessionAuth,
  SECURITY_DIALECTS,
  send,
  sendAbsolute,
  sessionAuth,
  snapshot,
} from './routes-kit.ts';
import { type Env, ROUTES, STATE_CHANGING } from './routes-table.ts';

/**
 * CSRF on every state-changing route of routes-table.ts (which routes.test.ts
 * keeps equal to the router's list). Newsroom routes: without the right token
 * in the form body or the `x-csrf-token` header the answer is 403 with the
 * catalog message and nothing in the database or the media folder changes; the
 * right token in either place passes. The reader's comment routes have their
 * own signed form token (declared with the reason in the table): that is tested.
 */

const CSRF_ID = ERRORS.CSRF_INVALID.id;

describe.each(SECURITY_DIALECTS)('CSRF on every state-changing route (%s)', (dialect) => {
  const counts = { routes: 0, cases: 0 };
  let app: TestApp;
  let fx: Fixtures;
  let env: Env;
  let port: number;
  beforeAll(async () => {
    app = await testApp(dialect);
    fx = await makeFixtures(app);
    env = { app, fx };
    await setSettings(app);
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    console.log(`CSRF (${dialect}): ${counts.routes} state-changing routes, ${counts.cases} cases`);
    await app?.dispose();
  });

  const secret = () => app.config.secretKey;
  const tokenRoutes = Object.entries(ROUTES).filter(
    ([k, r]) => STATE_CHANGING.has(k.split(' ')[0] ?? '') && typeof r.csrf === 'string',
  );

  it('refuses every newsroom form without its token in the body or header, changing nothing', async () => {
    const problems: string[] = [];
    const expectRefused = (name: string, what: string, a: Answer) => {
      counts.cases += 1;
      if (!csrfRefused(a)) problems.push(`${name}: ${what} → ${a.status}, not the CSRF 403`);
    };
    const expectPassed = (name: string, what: string, a: Answer) => {
      counts.cases += 1;
      if (csrfRefused(a) || a.status >= 500) problems.push(`${name}: ${what} → ${a.status}`);
    };
    for (const [name, rule] of tokenRoutes) {
      counts.routes += 1;
      const make = rule.make;
      if (!make) throw new Error(`${name}: no call declared`);
      const preSession = rule.csrf === 'pre-session';
      const admin = fx.users.admin;
      const caller: Caller = preSession ? { role: 'anon' } : { role: 'admin', user: admin };
      const auth = (): Promise<Auth> | Auth =>
        preSession ? preSessionAuth(secret()) : sessionAuth(app.db, secret(), admin.id);
      const mine = await auth();
      const other = preSession
        ? preSessionAuth(secret())
        : await sessionAuth(app.db, secret(), fx.users.redaktur.id);
      const call: Call = await make(env, caller);
      const before = await snapshot(app.db);
      const files = mediaFiles(app.mediaDir);

      // No token: 403 with the catalog message in Indonesian, as a page and as JSON.
      const page = await send(app, call, mine, 'none');
      counts.cases += 1;
      if (page.status !== 403 || !page.body.includes(CSRF_ID))
        problems.push(`${name}: no token (page) → ${page.status} without the message`);
      const json = await send(app, { ...call, accept: 'json' }, mine, 'none');
      counts.cases += 1;
      const err = json.status === 403 ? JSON.parse(json.body).error : undefined;
      if (err?.code !== 'CSRF_INVALID' || err?.message !== CSRF_ID)
        problems.push(`${name}: no token (JSON) → ${json.status} ${json.body.slice(0, 80)}`);

      const wrong = 'A'.repeat(mine.csrf.length);
      expectRefused(name, 'a wrong token in the body', await send(app, call, mine, 'body', wrong));
      expectRefused(
        name,
        'a wrong token in the header',
        await send(app, call, mine, 'header', wrong),
      );
      expectRefused(
        name,
        'another session’s token in the body',
        await send(app, call, mine, 'body', other.csrf),
      );
      expectRefused(
        name,
        'another session’s token in the header',
        await send(app, call, mine, 'header', other.csrf),
      );
      expectRefused(
        name,
        'the right token with an absolute-form request target and no token',
        await sendAbsolute(port, call, mine),
      );
      if (preSession) {
        const noCookie = { cookie: '', csrf: mine.csrf };
        expectRefused(name, 'a token without its cookie', await send(app, call, noCookie, 'body'));
      } else {
        // Logged in, the session's token is required: a pre-session pair does not stand in.
        const pre = preSessionAuth(secret());
        const both = { cookie: `${mine.cookie}; ${pre.cookie}`, csrf: pre.csrf };
        expectRefused(name, 'a pre-session token while logged in', await send(app, call, both));
      }
      // Last: a request this lets through may end the session the cases above use.
      expectRefused(name, 'the right token only in ?_csrf=', await send(app, call, mine, 'query'));
      counts.cases += 1;
      const changed = changedTables(before, await snapshot(app.db));
      if (changed.length) problems.push(`${name}: a refused request changed ${changed}`);
      if (JSON.stringify(mediaFiles(app.mediaDir)) !== JSON.stringify(files))
        problems.push(`${name}: a refused request wrote media files`);

      // The right token in the body or the header passes the check (fresh calls and sessions).
      expectPassed(
        name,
        'the token in the body',
        await send(app, await make(env, caller), await auth(), 'body'),
      );
      expectPassed(
        name,
        'the token in the header',
        await send(app, await make(env, caller), await auth(), 'header'),
      );
    }
    expect(problems).toEqual([]);
    expect(counts.routes).toBeGreaterThanOrEqual(25);
  });

  it('checks the second-factor form against its half-done login’s token', async () => {
    const pending = await sessionAuth(app.db, secret(), fx.loginTarget.id, { mfaPending: true });
    const pre = preSessionAuth(secret());
    const call: Call = { method: 'POST', url: '/newsroom/masuk/kode', form: { code: '000000' } };
    const before = await snapshot(app.db);
    const refusals = [
      await send(app, call, pending, 'none'),
      await send(app, call, { cookie: `${pending.cookie}; ${pre.cookie}`, csrf: pre.csrf }),
    ];
    counts.cases += refusals.length + 1;
    for (const res of refusals) expect(csrfRefused(res)).toBe(true);
    expect(changedTables(before, await snapshot(app.db))).toEqual([]);
    // With its token the code is checked (and this one is wrong).
    const res = await send(app, call, pending, 'header');
    expect(res.status).toBe(401);
  });

  it('lets logout without a session through: there is nothing to end', async () => {
    const res = await send(app, { method: 'POST', url: '/newsroom/keluar' }, null, 'none');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/newsroom/masuk?keluar=1');
  });

  it('refuses a comment without its signed form token, from another article, or cross-site; stores nothing', async () => {
    const article = await commentableArticle(app);
    const elsewhere = await commentableArticle(app);
    const before = await snapshot(app.db);
    const token = tokenFor(app, article.id);
    const forged = `${token.slice(0, -4)}AAAA`;
    const refusals = [
      await postComment(app, article.action, fields('')),
      await postComment(app, article.action, fields(''), { json: true }),
      await postComment(app, article.action, fields(tokenFor(app, elsewhere.id))),
      await postComment(app, article.action, fields(forged)),
      await postComment(app, article.action, fields(token), {
        headers: { 'sec-fetch-site': 'cross-site' },
      }),
      await postComment(app, article.action, fields(token), {
        headers: { origin: 'https://penyerang.example' },
      }),
    ];
    counts.cases += refusals.length;
    for (const res of refusals) {
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain(ERRORS.COMMENT_FORM_TOKEN.id);
    }
    expect(JSON.parse(refusals[1]?.body ?? '{}').error).toBe('COMMENT_FORM_TOKEN');
    expect(await snapshot(app.db)).toEqual(before);
    // With its token and the solved proof of work the same form is stored, once.
    const ok = await postSolved(app, article);
    counts.cases += 1;
    expect(ok.statusCode).toBe(303);
    expect(await storedComments(app, article.id)).toHaveLength(1);
  });

  it('refuses a report without the article’s form token or cross-site; counts nothing', async () => {
    const article = await commentableArticle(app);
    const elsewhere = await commentableArticle(app);
    const commentId = await commentOn(
      app,
      { ...fx, article: { id: article.id, url: article.url } },
      'approved',
    );
    const url = `/komentar/${commentId}/laporkan`;
    const report = (token: string | undefined, headers: Record<string, string> = {}) =>
      app.server.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: token === undefined ? '' : new URLSearchParams({ _token: token }).toString(),
      });
    const before = await snapshot(app.db);
    const refusals = [
      await report(undefined),
      await report(''),
      await report(tokenFor(app, elsewhere.id)),
      await report(tokenFor(app, article.id), { 'sec-fetch-site': 'cross-site' }),
    ];
    counts.cases += refusals.length;
    for (const res of refusals) {
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain(ERRORS.COMMENT_FORM_TOKEN.id);
    }
    expect(await snapshot(app.db)).toEqual(before);
    const ok = await report(tokenFor(app, article.id));
    counts.cases += 1;
    expect(ok.statusCode).toBe(200);
    const row = await app.db.kysely
      .selectFrom('comments')
      .select('report_count')
      .where('id', '=', commentId)
      .executeTakeFirstOrThrow();
    expect(row.report_count).toBe(1);
  });
});
