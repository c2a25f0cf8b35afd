import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commentableArticle,
  fields,
  postComment,
  postSolved,
  setSettings,
  storedComments,
  tokenFor,
} from '../../test/comments-kit.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { loginAs } from '../../test/staff.ts';
import { runRetention } from './moderation.ts';
import { PENDING_COOKIE } from './pending-cookie.ts';

/** The pending-comments cookie a response sets (it also sets the browser's), as a Cookie header value. */
const cookieOf = (res: { headers: Record<string, unknown> }) =>
  [res.headers['set-cookie'] ?? []]
    .flat()
    .map(String)
    .find((c) => c.startsWith(`${PENDING_COOKIE}=`))
    ?.split(';')[0] ?? '';

describe.each(DIALECTS)('comment flows (%s)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(dialect, { pageCacheTtl: 60 });
  });
  afterAll(() => app.dispose());

  it('post-moderation: a trusted comment with a solved captcha appears at once', async () => {
    await setSettings(app, { trustAfter: 0, mode: 'post' });
    const a = await commentableArticle(app);
    await app.server.inject({ url: a.url }); // warm the page cache
    const res = await postSolved(app, a, { body: 'Terbit langsung.' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^${a.url}#komentar-\\d+$`));
    const page = await app.server.inject({ url: a.url });
    expect(page.body).toContain('Terbit langsung.');
    expect(page.body).toContain('<span class="count">(1)</span>');
    // The header's count is the approved comments the section lists.
    expect(page.body).toContain('<a href="#komentar">1 komentar</a>');
  });

  it('pre-moderation: "menunggu moderasi" only in the author\'s browser, never in the cached page', async () => {
    await setSettings(app, { trustAfter: 0, mode: 'pre' });
    const a = await commentableArticle(app);
    const res = await postSolved(app, a, { body: 'Tunggu redaksi.' });
    expect(res.statusCode).toBe(303);
    const cookie = cookieOf(res);
    expect(cookie.startsWith(`${PENDING_COOKIE}=`)).toBe(true);
    const mine = await app.server.inject({ url: a.url, headers: { cookie } });
    expect(mine.body).toContain('Tunggu redaksi.');
    expect(mine.body).toContain('Menunggu moderasi');
    // A pending comment is not counted in the header.
    expect(mine.body).not.toContain('href="#komentar">1 komentar');
    expect(mine.headers['x-cache']).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      const other = await app.server.inject({ url: a.url });
      expect(other.body).not.toContain('Tunggu redaksi.');
    }
    // A forged cookie shows nothing.
    const forged = await app.server.inject({
      url: a.url,
      headers: { cookie: `${PENDING_COOKIE}=1-2-3.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` },
    });
    expect(forged.body).not.toContain('Tunggu redaksi.');
    // A mangled cookie is no cookie, never a 500.
    const mangled = await app.server.inject({
      url: a.url,
      headers: { cookie: `${PENDING_COOKIE}=%E0%A4%A` },
    });
    expect(mangled.statusCode).toBe(200);
    await setSettings(app, { trustAfter: 0, mode: 'post' });
  });

  it('first-time commenters wait until an editor approved N of their comments; then they are trusted', async () => {
    await setSettings(app, { trustAfter: 1, mode: 'post', rateWindowSeconds: 0 });
    const a = await commentableArticle(app);
    const email = `setia.${dialect}@contoh.id`;
    const first = await postSolved(app, a, { email }, { json: true });
    expect(first.json().status).toBe('pending');
    const editor = await loginAs(app, 'redaktur');
    // The newsroom navigation shows moderators how many comments wait.
    const home = await app.server.inject({ url: '/newsroom', headers: { cookie: editor.cookie } });
    expect(home.body).toMatch(
      /href="\/newsroom\/komentar"[^>]*>Komentar<span class="nr-badge">[1-9]\d*<\/span>/,
    );
    const writer = await loginAs(app, 'kontributor');
    const writerHome = await app.server.inject({
      url: '/newsroom',
      headers: { cookie: writer.cookie },
    });
    expect(writerHome.body).not.toContain('href="/newsroom/komentar"');
    const ok = await app.server.inject({
      method: 'POST',
      url: '/newsroom/komentar/aksi',
      headers: { cookie: editor.cookie, accept: 'application/json' },
      payload: { _csrf: editor.csrf, action: 'approve', ids: String(first.json().id) },
    });
    expect(ok.json()).toEqual({ changed: 1 });
    const second = await postSolved(app, a, { email }, { json: true, ip: '10.200.0.1' });
    expect(second.json().status).toBe('approved');
    await setSettings(app, { trustAfter: 0 });
  });

  it('50 identical posts at once store exactly one; the rest get 409', async () => {
    const a = await commentableArticle(app);
    const f = fields(tokenFor(app, a.id), {
      email: `kembar.${dialect}@contoh.id`,
      body: 'Kembar lima puluh.',
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => postComment(app, a.action, f, { json: true })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    expect(results.find((r) => r.statusCode === 409)?.json().message).toContain('sudah Anda kirim');
    expect(await storedComments(app, a.id)).toHaveLength(1);
  });

  it('rate limits answer 429 with when to try again', async () => {
    await setSettings(app, { trustAfter: 0, rateWindowSeconds: 15 });
    const a = await commentableArticle(app);
    const ip = '10.77.0.1';
    // The same commenter (their email) again; another reader on the address would get through.
    const email = `lagi.${dialect}@contoh.id`;
    expect(
      (await postComment(app, a.action, fields(tokenFor(app, a.id), { email }), { ip, json: true }))
        .statusCode,
    ).toBe(201);
    const again = await postComment(app, a.action, fields(tokenFor(app, a.id), { email }), {
      ip,
      json: true,
    });
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(10);
    expect(again.json().message).toMatch(/Coba lagi dalam 1[0-5] detik/);
    const page = await postComment(
      app,
      a.action,
      fields(tokenFor(app, a.id), { email, body: 'Tetap tersimpan di formulir' }),
      { ip },
    );
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('>Tetap tersimpan di formulir</textarea>');
  });

  it('replies thread to the allowed depth; deeper replies attach at the deepest level', async () => {
    await setSettings(app, { trustAfter: 0, maxDepth: 1 });
    const a = await commentableArticle(app);
    const post = async (over: Record<string, unknown>) =>
      (await postSolved(app, a, over, { json: true })).json();
    const top = await post({ body: 'Induk' });
    const reply = await post({ body: 'Balasan', parent: String(top.id) });
    const deeper = await post({ body: 'Balasan dari balasan', parent: String(reply.id) });
    const rows = await storedComments(app, a.id);
    expect(rows.find((r) => r.id === reply.id)).toMatchObject({ parent_id: top.id, depth: 1 });
    expect(rows.find((r) => r.id === deeper.id)).toMatchObject({ parent_id: top.id, depth: 1 });
    const page = await app.server.inject({ url: a.url });
    expect(page.body).toMatch(
      /id="komentar-\d+" class="comment">.*class="comment-replies".*Balasan dari balasan/s,
    );
    await setSettings(app, { maxDepth: 2 });
  });

  it('three reports from different readers send a comment back to the queue', async () => {
    const a = await commentableArticle(app);
    const c = (await postSolved(app, a, {}, { json: true })).json();
    const report = (ip: string, token = tokenFor(app, a.id)) =>
      app.server.inject({
        method: 'POST',
        url: `/komentar/${c.id}/laporkan`,
        headers: { 'x-forwarded-for': ip, accept: 'application/json' },
        payload: { _token: token },
      });
    expect((await report('10.5.0.1', '')).statusCode).toBe(403);
    expect((await report('10.5.0.1')).statusCode).toBe(200);
    expect((await report('10.5.0.1')).statusCode).toBe(200); // same reader again: counted once
    await report('10.5.0.2');
    let row = (await storedComments(app, a.id))[0];
    expect(row).toMatchObject({ status: 'approved', report_count: 2 });
    await report('10.5.0.3');
    row = (await storedComments(app, a.id))[0];
    expect(row?.status).toBe('pending');
    expect(JSON.parse(row?.held_reasons ?? '[]')).toContain('reported');
  });

  it('moderators approve in the newsroom (CSRF required); the cached page is purged; replies notify opted-in authors', async () => {
    await setSettings(app, { trustAfter: 0, mode: 'pre' });
    const a = await commentableArticle(app);
    const parent = (
      await postSolved(app, a, { email: `induk.${dialect}@contoh.id`, notify: '1' }, { json: true })
    ).json();
    const editor = await loginAs(app, 'redaktur');
    const approve = (ids: number[], csrf = editor.csrf) =>
      app.server.inject({
        method: 'POST',
        url: '/newsroom/komentar/aksi',
        headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams([
          ['_csrf', csrf],
          ['action', 'approve'],
          ['back', '/newsroom/komentar?tampilan=pending'],
          ...ids.map((i) => ['ids', String(i)]),
        ]).toString(),
      });
    const queue = await app.server.inject({
      url: '/newsroom/komentar',
      headers: { cookie: editor.cookie },
    });
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(`id="c${parent.id}"`);
    expect(queue.body).toContain('Mode pramoderasi');
    expect(queue.body).not.toContain(`induk.${dialect}@contoh.id`);
    expect((await approve([parent.id], 'wrong')).statusCode).toBe(403);
    await app.server.inject({ url: a.url }); // cached without the comment
    const res = await approve([parent.id]);
    expect(res.statusCode).toBe(303);
    const page = await app.server.inject({ url: a.url });
    expect(page.headers['x-cache']).not.toBe('HIT');
    expect(page.body).toContain(`id="komentar-${parent.id}"`);
    const reply = (
      await postSolved(app, a, { parent: String(parent.id), name: 'Penjawab' }, { json: true })
    ).json();
    const mailBefore = await app.db.kysely.selectFrom('outbox').selectAll().execute();
    expect((await approve([reply.id])).statusCode).toBe(303);
    const mail = (await app.db.kysely.selectFrom('outbox').selectAll().execute()).slice(
      mailBefore.length,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to_address: `induk.${dialect}@contoh.id` });
    expect(mail[0]?.body_text).toContain(`#komentar-${reply.id}`);
    // A kontributor cannot moderate.
    const writer = await loginAs(app, 'kontributor');
    expect(
      (await app.server.inject({ url: '/newsroom/komentar', headers: { cookie: writer.cookie } }))
        .statusCode,
    ).toBe(403);
    await setSettings(app, { mode: 'post' });
  });

  it('admins export and delete every comment of one email (audited); editors may not', async () => {
    const a = await commentableArticle(app);
    await setSettings(app, { trustAfter: 0, rateWindowSeconds: 0 });
    const email = `hapus.${dialect}@contoh.id`;
    for (let i = 0; i < 3; i++) {
      await postComment(
        app,
        a.action,
        fields(tokenFor(app, a.id), { email, body: `Komentar ${i}` }),
        { json: true, ip: `10.60.0.${i}` },
      );
    }
    /** A reader's data request as a staff member files it in the newsroom. */
    const dataRequest = (
      staff: { cookie: string; csrf: string },
      address: string,
      action: string,
    ) =>
      app.server.inject({
        method: 'POST',
        url: '/newsroom/komentar/data',
        headers: { cookie: staff.cookie },
        payload: { _csrf: staff.csrf, email: address, action },
      });
    const editor = await loginAs(app, 'redaktur');
    const denied = await dataRequest(editor, email, 'export');
    expect(denied.statusCode).toBe(403);
    const admin = await loginAs(app, 'admin');
    const exp = await dataRequest(admin, email.toUpperCase(), 'export');
    expect(exp.statusCode).toBe(200);
    const data = JSON.parse(exp.body);
    expect(data.comments.map((c: { text: string }) => c.text)).toEqual([
      'Komentar 0',
      'Komentar 1',
      'Komentar 2',
    ]);
    expect(exp.body).not.toContain('hash');
    const del = await dataRequest(admin, email, 'delete');
    expect(del.statusCode).toBe(200);
    expect(await storedComments(app, a.id)).toHaveLength(0);
    const log = await app.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'comment.%')
      .execute();
    expect(log.map((l) => l.action)).toEqual(
      expect.arrayContaining(['comment.export', 'comment.delete-all']),
    );
  });

  it('address hashes are dropped after the retention period', async () => {
    const a = await commentableArticle(app);
    await postComment(app, a.action, fields(tokenFor(app, a.id)), { json: true });
    await app.db.kysely
      .updateTable('comments')
      .set({ created_at: Date.now() - 91 * 86_400_000 })
      .where('article_id', '=', a.id)
      .execute();
    const r = await runRetention(app.db.kysely, 90);
    expect(r.addresses).toBeGreaterThanOrEqual(1);
    const rows = await storedComments(app, a.id);
    expect(rows.every((row) => row.ip_hash === null)).toBe(true);
  });

  it('bans (keyed hashes) from the queue stop the next comment', async () => {
    const a = await commentableArticle(app);
    const email = `nakal.${dialect}@contoh.id`;
    const c = (
      await postComment(app, a.action, fields(tokenFor(app, a.id), { email }), { json: true })
    ).json();
    const editor = await loginAs(app, 'redaktur');
    const ban = await app.server.inject({
      method: 'POST',
      url: '/newsroom/komentar/aksi',
      headers: { cookie: editor.cookie },
      payload: {
        _csrf: editor.csrf,
        ban: `email:${c.id}`,
        back: '/newsroom/komentar?tampilan=pending',
      },
    });
    expect(ban.statusCode).toBe(303);
    const bans = await app.db.kysely.selectFrom('comment_bans').selectAll().execute();
    expect(JSON.stringify(bans)).not.toContain(email);
    const again = await postComment(app, a.action, fields(tokenFor(app, a.id), { email }), {
      json: true,
      ip: '10.61.0.9',
    });
    expect(again.statusCode).toBe(403);
  });
});
