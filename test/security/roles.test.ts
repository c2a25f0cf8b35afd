import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNewsroomUrl } from '../../src/newsroom/auth-shared.ts';
import { can, ROLES, type Role } from '../../src/newsroom/policy.ts';
import { type TestApp, testApp } from '../helpers.ts';
import { fullEdit } from '../newsroom-client.ts';
import {
  type Answer,
  articleOf,
  type Call,
  changedTables,
  type Fixtures,
  makeFixtures,
  mediaFiles,
  preSessionAuth,
  SECURITY_DIALECTS,
  send,
  sendAbsolute,
  sessionAuth,
  snapshot,
  versionOf,
} from './routes-kit.ts';
import { type Env, ROUTES, type Who } from './routes-table.ts';

/**
 * Every /newsroom route of routes-table.ts (kept equal to the router's list
 * by routes.test.ts) × {logged out, kontributor, wartawan, redaktur, admin}.
 * Logged out: the login page (GET) or 401; a role the policy refuses the
 * route's action: 403 and nothing changed; an allowed role: the route's answer.
 * Then the object-level promises of the article routes.
 */

type Requester = 'anon' | Role;
const REQUESTERS: Requester[] = ['anon', ...ROLES];

function allowed(who: Who, r: Requester): boolean {
  if (who === 'anyone') return true;
  if (r === 'anon') return false;
  return who === 'staff' || can(r, who);
}

/** Logged out: a page sends to the login form, a post or a JSON call answers 401. */
function loginRequired(call: Call, a: Answer): boolean {
  if (call.method === 'GET' && call.accept !== 'json') {
    return a.status === 302 && a.location.startsWith('/newsroom/masuk');
  }
  return a.status === 401;
}

/**
 * The token goes in the form, except for an upload: the auth layer checks it
 * before the multipart body is read, so the upload form sends it as a header.
 */
const placementFor = (call: Call) => (call.multipart ? 'header' : 'body');

describe.each(SECURITY_DIALECTS)('roles on every newsroom route (%s)', (dialect) => {
  const counts = { routes: 0, cases: 0, objectCases: 0 };
  let app: TestApp;
  let fx: Fixtures;
  let env: Env;
  let port: number;
  beforeAll(async () => {
    app = await testApp(dialect);
    fx = await makeFixtures(app);
    env = { app, fx };
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    console.log(
      `roles (${dialect}): ${counts.routes} newsroom routes, ${counts.cases} role cases, ${counts.objectCases} object-level cases`,
    );
    await app?.dispose();
  });

  const secret = () => app.config.secretKey;
  const as = (r: Requester) =>
    r === 'anon' ? preSessionAuth(secret()) : sessionAuth(app.db, secret(), fx.users[r].id);

  it('keeps another writer’s draft from kontributor and wartawan, and a writer’s own text once submitted', async () => {
    const problems: string[] = [];
    // Sessions made up front: a snapshot below must see only what the calls change.
    const auth = {
      kontributor: await as('kontributor'),
      wartawan: await as('wartawan'),
      redaktur: await as('redaktur'),
    };
    type Writer = keyof typeof auth;
    const expectStatus = async (what: string, call: Call, r: Writer, want: number) => {
      counts.objectCases += 1;
      const res = await send(app, call, auth[r]);
      if (res.status !== want) problems.push(`${r}: ${what} → ${res.status}, expected ${want}`);
    };
    const draft = await articleOf(app, fx, fx.writer.id, 'draft');
    const { version, revisionId } = await versionOf(app, draft);
    const base = `/newsroom/artikel/${draft}`;
    const edit = { ...fullEdit(fx.sectionId), version: String(version) };
    const calls: [string, Call][] = [
      ['read', { method: 'GET', url: base }],
      ['history', { method: 'GET', url: `${base}/riwayat` }],
      ['preview', { method: 'GET', url: `${base}/pratinjau` }],
      ['save', { method: 'POST', url: base, json: edit, accept: 'json' }],
      ['autosave', { method: 'POST', url: `${base}/autosave`, json: edit, accept: 'json' }],
      ['lock', { method: 'POST', url: `${base}/kunci`, form: {}, accept: 'json' }],
      ['take over', { method: 'POST', url: `${base}/ambil-alih`, form: {} }],
      ['submit', { method: 'POST', url: `${base}/tindakan`, form: { action: 'submit' } }],
      ['delete', { method: 'POST', url: `${base}/tindakan`, form: { action: 'delete' } }],
      [
        'restore',
        {
          method: 'POST',
          url: `${base}/riwayat/${revisionId}/pulihkan`,
          form: { version: String(version) },
        },
      ],
    ];
    const before = await snapshot(app.db);
    for (const r of ['kontributor', 'wartawan'] as const) {
      for (const [what, call] of calls)
        await expectStatus(`another writer’s draft: ${what}`, call, r, 403);
    }
    counts.objectCases += 1;
    const changed = changedTables(before, await snapshot(app.db));
    if (changed.length)
      problems.push(`a refused call on another writer’s draft changed ${changed}`);
    await expectStatus(
      'another writer’s draft: read',
      { method: 'GET', url: base },
      'redaktur',
      200,
    );

    // Lists: "all articles" never shows a kontributor anyone else's work, nor a wartawan others' drafts.
    const submitted = await articleOf(app, fx, fx.writer.id, 'submitted');
    const headline = async (id: number) =>
      (
        await app.db.kysely
          .selectFrom('articles')
          .select('headline')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).headline;
    const list = async (r: Writer, status: string) =>
      (
        await send(
          app,
          { method: 'GET', url: `/newsroom/artikel?scope=all&status=${status}` },
          auth[r],
        )
      ).body;
    const shows = async (r: Writer, status: string, id: number, want: boolean) => {
      counts.objectCases += 1;
      const has = (await list(r, status)).includes(await headline(id));
      if (has !== want) problems.push(`${r}: list ${status} shows #${id}: ${has}`);
    };
    await shows('kontributor', 'draft', draft, false);
    await shows('kontributor', 'submitted', submitted, false);
    await shows('wartawan', 'draft', draft, false);
    await shows('wartawan', 'submitted', submitted, true);
    await shows('redaktur', 'draft', draft, true);

    // A kontributor edits their own draft, and not once it is submitted.
    const own = await articleOf(app, fx, fx.users.kontributor.id, 'draft');
    const ownUrl = `/newsroom/artikel/${own}`;
    const saveOwn = async (): Promise<Call> => ({
      method: 'POST',
      url: ownUrl,
      json: { ...fullEdit(fx.sectionId), version: String((await versionOf(app, own)).version) },
      accept: 'json',
    });
    await expectStatus('own draft: read', { method: 'GET', url: ownUrl }, 'kontributor', 200);
    await expectStatus('own draft: save', await saveOwn(), 'kontributor', 200);
    const submit: Call = { method: 'POST', url: `${ownUrl}/tindakan`, form: { action: 'submit' } };
    await expectStatus('own draft: submit', submit, 'kontributor', 303);
    await expectStatus('own submitted: save', await saveOwn(), 'kontributor', 403);
    await expectStatus(
      'own submitted: publish',
      { ...submit, form: { action: 'publish' } },
      'kontributor',
      403,
    );
    await expectStatus('own submitted: read', { method: 'GET', url: ownUrl }, 'kontributor', 200);
    expect(problems).toEqual([]);
  });

  it('answers every role on every newsroom route as the policy decides; a refused call changes nothing', async () => {
    const problems: string[] = [];
    for (const [name, rule] of Object.entries(ROUTES)) {
      const url = name.slice(name.indexOf(' ') + 1);
      if (!isNewsroomUrl(url)) continue;
      const make = rule.make;
      if (!make) throw new Error(`${name}: no call declared`);
      counts.routes += 1;
      // Each caller gets its own call (fresh objects) and session, made before the snapshot.
      const prepared = [];
      for (const r of REQUESTERS) {
        const caller = r === 'anon' ? ({ role: 'anon' } as const) : { role: r, user: fx.users[r] };
        prepared.push({ r, call: await make(env, caller), auth: await as(r) });
      }
      const refused = prepared.filter((p) => !allowed(rule.who, p.r));
      const before = await snapshot(app.db);
      const files = mediaFiles(app.mediaDir);
      for (const { r, call, auth } of refused) {
        counts.cases += 1;
        const res = await send(app, call, auth, placementFor(call));
        if (r === 'anon' ? !loginRequired(call, res) : res.status !== 403)
          problems.push(`${name} as ${r}: ${res.status} ${res.location}`);
        if (r === 'anon') {
          // The same call with an absolute-form target (`GET http://host/newsroom/…`).
          counts.cases += 1;
          const abs = await sendAbsolute(port, call, null);
          if (!loginRequired(call, abs))
            problems.push(`${name} as anon, absolute-form target: ${abs.status} ${abs.location}`);
        }
      }
      const changed = changedTables(before, await snapshot(app.db));
      if (changed.length) problems.push(`${name}: a refused caller changed ${changed}`);
      if (JSON.stringify(mediaFiles(app.mediaDir)) !== JSON.stringify(files))
        problems.push(`${name}: a refused caller wrote media files`);
      for (const { r, call, auth } of prepared.filter((p) => allowed(rule.who, p.r))) {
        counts.cases += 1;
        const res = await send(app, call, auth, placementFor(call));
        const ok = rule.ok ? rule.ok.includes(res.status) : ![401, 403].includes(res.status);
        if (!ok || res.status >= 500) problems.push(`${name} as ${r} (allowed): ${res.status}`);
      }
    }
    expect(problems).toEqual([]);
    expect(counts.routes).toBeGreaterThanOrEqual(45);
  });
});
