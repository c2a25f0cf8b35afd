import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commentableArticle,
  EASY_CAPTCHA,
  fields,
  postComment,
  setSettings,
  solvedPayload,
  storedComments,
  tokenFor,
} from '../../test/comments-kit.ts';
import { buildArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { createArticle } from '../content/commands.ts';
import { unpublishArticle } from '../content/publication.ts';
import { EventBus } from '../lib/events.ts';
import { createChallenge, encodePayload, solveChallenge } from './captcha.ts';

describe.each(DIALECTS)('posting a comment over HTTP: bad input (%s)', (dialect) => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof commentableArticle>>;
  let token: string;
  beforeAll(async () => {
    app = await testApp(dialect);
    await setSettings(app, { trustAfter: 0, mode: 'post' });
    a = await commentableArticle(app);
    token = tokenFor(app, a.id);
  });
  afterAll(() => app.dispose());

  /** Posts and checks the status, that nothing was stored, and returns the response. */
  async function refused(
    body: Record<string, unknown> | string,
    status: number,
    opts: Parameters<typeof postComment>[3] = {},
  ) {
    const before = (await storedComments(app, a.id)).length;
    const res = await postComment(app, a.action, body, opts);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    expect(await storedComments(app, a.id)).toHaveLength(before);
    return res;
  }

  it('empty, whitespace-only and zero-width-only comments: 400 with the message next to the field', async () => {
    for (const body of ['', '   \n\t ', '\u200B\u200C\u200D\uFEFF', ' \u2060 ']) {
      const res = await refused(fields(token, { body }), 400);
      expect(res.body).toContain('id="comment-body-error">Silakan tulis komentar Anda.</span>');
    }
    const json = await refused(fields(token, { body: '' }), 400, { json: true });
    expect(json.json()).toMatchObject({
      error: 'COMMENT_INVALID',
      fields: { body: 'Silakan tulis komentar Anda.' },
    });
  });

  it('keeps everything the reader typed when a field is wrong', async () => {
    const res = await refused(
      fields(token, {
        body: 'Teks saya tetap ada',
        name: 'Ketut',
        email: 'bukan-email',
        website: 'https://ketut.id',
      }),
      400,
    );
    expect(res.body).toContain('>Teks saya tetap ada</textarea>');
    expect(res.body).toContain('value="Ketut"');
    expect(res.body).toContain('value="bukan-email"');
    expect(res.body).toContain('value="https://ketut.id"');
    expect(res.body).toContain('Alamat email tidak valid');
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('over-long comment, name, email and website: 400', async () => {
    await refused(fields(token, { body: 'a'.repeat(5001) }), 400);
    await refused(fields(token, { name: 'n'.repeat(61) }), 400);
    await refused(fields(token, { email: `${'e'.repeat(250)}@contoh.id` }), 400);
    const res = await refused(
      fields(token, { website: `https://contoh.id/${'w'.repeat(200)}` }),
      400,
      { json: true },
    );
    expect(res.json().fields.website).toContain('200');
  });

  it('a body over the public 128 KB limit is refused whole with 413, never cut and parsed', async () => {
    const res = await refused(fields(token, { body: 'x'.repeat(140_000) }), 413);
    expect(res.body).toContain('terlalu besar');
  });

  it('arrays, objects, numbers and null where text is expected: 400', async () => {
    for (const v of [['a', 'b'], { $ne: '' }, 42, null, true]) {
      for (const key of ['body', 'name', 'email', 'website']) {
        const res = await refused(fields(token, { [key]: v }), 400, { json: true });
        expect(res.json().fields[key]).toBe('Isian ini harus berupa teks.');
      }
    }
    await refused('[1,2,3]', 400, { json: true });
    await refused('"just a string"', 400, { json: true });
    // A repeated form field arrives as an array.
    const f = fields(token);
    const dup = `${new URLSearchParams(f as Record<string, string>).toString()}&body=dua`;
    await refused(dup, 400);
  });

  it('extra fields such as status=approved are ignored', async () => {
    await setSettings(app, { trustAfter: 0, mode: 'pre' });
    const res = await postComment(
      app,
      a.action,
      fields(token, { status: 'approved', id: 1, article_id: 999, depth: 9, report_count: -5 }),
      { json: true },
    );
    expect(res.statusCode).toBe(201);
    const row = (await storedComments(app, a.id)).find((c) => c.id === res.json().id);
    expect(row).toMatchObject({ status: 'pending', article_id: a.id, depth: 0, report_count: 0 });
    await setSettings(app, { trustAfter: 0, mode: 'post' });
  });

  it('invalid UTF-8, NUL and right-to-left override: 400', async () => {
    const base = new URLSearchParams(fields(token) as Record<string, string>).toString();
    await refused(`${base.replace(/(^|&)body=[^&]*/, '$1body=%FF%FEabc')}`, 400);
    await refused(`${base.replace(/(^|&)name=[^&]*/, '$1name=%C3%28')}`, 400);
    const rawJson = Buffer.concat([
      Buffer.from(`{"_token":"${token}","name":"A","email":"a@contoh.id","body":"x`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    await refused(rawJson as unknown as string, 400, { json: true });
    await refused(fields(token, { body: 'halo\u0000dunia' }), 400);
    await refused(fields(token, { name: 'Ani\u202Egnp.exe' }), 400);
    const rtl = await refused(fields(token, { body: 'teks \u202E terbalik' }), 400, { json: true });
    expect(rtl.json().fields.body).toContain('karakter tersembunyi');
  });

  it('CRLF in name and email: 400', async () => {
    await refused(fields(token, { name: 'Ani\r\nBcc: x@contoh.id' }), 400);
    await refused(fields(token, { email: 'a@contoh.id\r\nBcc: x@contoh.id' }), 400);
    await refused(fields(token, { email: 'a@contoh.id\nx' }), 400);
  });

  it('XSS payloads: links must be http(s); text is stored as text and escaped on the page', async () => {
    for (const website of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'jav&#x61;script:alert(1)',
      '%6A%61vascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example',
      'https://x.id/"><script>alert(1)</script>',
    ]) {
      await refused(fields(token, { website }), 400);
    }
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<svg onload=alert(1)>',
      '<a href="javascript:alert(1)">klik</a>',
      '&lt;script&gt;',
      '"><iframe src=javascript:alert(1)>',
    ];
    for (const p of payloads) {
      const altcha = await solvedPayload(app, a.id);
      const res = await postComment(
        app,
        a.action,
        fields(token, { body: `Komentar ${p}`, name: `Nama ${p}`.slice(0, 60), altcha }),
        { json: true },
      );
      expect(res.statusCode).toBe(201);
      expect(res.json().status).toBe('approved');
    }
    const page = await app.server.inject({ url: a.url });
    const section = page.body.slice(page.body.indexOf('id="komentar"'));
    for (const bad of [
      '<script>alert',
      '<img src=x',
      '<svg onload',
      'href="javascript:',
      '<iframe',
    ]) {
      expect(section).not.toContain(bad);
    }
    expect(section).toContain('&lt;script>alert(1)&lt;/script>');
    // The email never reaches the page.
    expect(page.body).not.toMatch(/pembaca\d+\.\d+@contoh\.id/);
  });

  it('CAPTCHA: missing goes to the queue; malformed, expired, other-article refused; replay 409', async () => {
    const none = await postComment(app, a.action, fields(token), { json: true });
    expect(none.statusCode).toBe(201);
    expect(none.json()).toMatchObject({ status: 'pending' });
    expect(none.json().message).toContain('tanpa verifikasi antispam');
    const row = (await storedComments(app, a.id)).find((c) => c.id === none.json().id);
    expect(JSON.parse(row?.held_reasons ?? '[]')).toContain('no-captcha');

    for (const altcha of [
      'bm9wZQ==',
      '!!!',
      Buffer.from('{"challenge":{},"solution":{}}').toString('base64'),
    ]) {
      const res = await refused(fields(token, { altcha }), 400, { json: true });
      expect(res.json().error).toBe('COMMENT_CAPTCHA');
    }
    const old = await createChallenge(
      app.config.secretKey,
      a.id,
      EASY_CAPTCHA,
      Date.now() - 11 * 60_000,
    );
    await refused(fields(token, { altcha: encodePayload(old, await solveChallenge(old)) }), 400);
    const other = await commentableArticle(app);
    await refused(fields(token, { altcha: await solvedPayload(app, other.id) }), 400);
    const payload = await solvedPayload(app, a.id);
    const first = await postComment(app, a.action, fields(token, { altcha: payload }), {
      json: true,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().status).toBe('approved');
    const replay = await refused(fields(token, { altcha: payload }), 409, { json: true });
    expect(replay.json().error).toBe('COMMENT_CAPTCHA_USED');
  });

  it('parent: missing, on another article, pending or deleted: 400', async () => {
    const other = await commentableArticle(app);
    const onOther = await postComment(
      app,
      other.action,
      fields(tokenFor(app, other.id), { altcha: await solvedPayload(app, other.id) }),
      { json: true },
    );
    const pending = await postComment(app, a.action, fields(token), { json: true });
    const trashed = await postComment(
      app,
      a.action,
      fields(token, { altcha: await solvedPayload(app, a.id) }),
      { json: true },
    );
    await app.db.kysely
      .updateTable('comments')
      .set({ status: 'trash' })
      .where('id', '=', trashed.json().id)
      .execute();
    for (const parent of [
      '999999',
      String(onOther.json().id),
      String(pending.json().id),
      String(trashed.json().id),
      'abc',
      '-1',
    ]) {
      const res = await refused(fields(token, { parent }), 400, { json: true });
      expect(res.json().fields.parent).toContain('tidak tersedia');
    }
  });

  it('closed, unpublished or missing article', async () => {
    const closed = await commentableArticle(app, { commentsOpen: false });
    const res = await postComment(app, closed.action, fields(tokenFor(app, closed.id)), {
      json: true,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('COMMENT_CLOSED');
    expect(await storedComments(app, closed.id)).toHaveLength(0);
    await setSettings(app, { trustAfter: 0, closeAfterDays: 1 });
    const aged = await commentableArticle(app);
    await app.db.kysely
      .updateTable('articles')
      .set({ published_at: Date.now() - 3 * 86_400_000 })
      .where('id', '=', aged.id)
      .execute();
    expect((await postComment(app, aged.action, fields(tokenFor(app, aged.id)))).statusCode).toBe(
      403,
    );
    await setSettings(app, { trustAfter: 0, closeAfterDays: 0 });
    const gone = await commentableArticle(app);
    await unpublishArticle(app.db.kysely, new EventBus(), gone.id);
    expect((await postComment(app, gone.action, fields(tokenFor(app, gone.id)))).statusCode).toBe(
      404,
    );
    const draft = await createArticle(app.db.kysely, buildArticle(a.sectionId));
    expect(
      (await postComment(app, `/daerah/${draft}/draf/komentar`, fields(tokenFor(app, draft))))
        .statusCode,
    ).toBe(404);
    expect(
      (await postComment(app, '/daerah/987654/tidak-ada/komentar', fields(tokenFor(app, 987654))))
        .statusCode,
    ).toBe(404);
    expect(await storedComments(app, gone.id)).toHaveLength(0);
    expect(await storedComments(app, draft)).toHaveLength(0);
  });

  it('a fresh form token for a cached page: made now, never cached; bad or missing article refused', async () => {
    const before = Date.now();
    const res = await app.server.inject({ url: `/komentar/token?artikel=${a.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const fresh = res.json().token as string;
    const [id, time] = fresh.split('.');
    expect(Number(id)).toBe(a.id);
    expect(Number(time)).toBeGreaterThanOrEqual(before);
    // The token is the form's: a post with it is checked like any other (sent too fast here).
    const tooFast = await postComment(app, a.action, fields(fresh), { json: true });
    expect(tooFast.statusCode).toBe(429);
    for (const [query, status] of [
      ['artikel=abc', 400],
      ['', 400],
      ['artikel=987654', 404],
    ] as const) {
      const bad = await app.server.inject({ url: `/komentar/token?${query}` });
      expect(bad.statusCode, query).toBe(status);
      expect(bad.json().message, query).toMatch(/[a-z]/);
      expect(bad.headers['cache-control']).toBe('no-store');
    }
  });

  it('a cross-site POST without the form token: 403', async () => {
    const res = await refused(fields(''), 403);
    expect(res.body).toContain('Formulir komentar tidak sah');
    await refused(fields('12.1700000000000.forged-signature-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'), 403);
    await refused(fields(tokenFor(app, a.id + 1000)), 403);
    await refused(fields(token), 403, { headers: { origin: 'https://evil.example' } });
    await refused(fields(token), 403, { headers: { 'sec-fetch-site': 'cross-site' } });
  });

  it('a filled honeypot is refused quietly; a day-old form asks to reload', async () => {
    const hp = await refused(fields(token, { telepon: '08123456789' }), 422, { json: true });
    expect(hp.json().message).toBe('Komentar tidak dapat diterima.');
    const stale = await refused(
      fields(tokenFor(app, a.id, 25 * 3_600_000), { body: 'Teks lama' }),
      400,
    );
    expect(stale.body).toContain('kedaluwarsa');
    expect(stale.body).toContain('>Teks lama</textarea>');
  });

  it('a form sent back within the minimum fill time: 429, wait and send again, the text kept at the form', async () => {
    const typed = { body: 'Saya mengetik cepat', name: 'Komang', email: 'komang@contoh.id' };
    const json = await refused(fields(tokenFor(app, a.id, 200), typed), 429, { json: true });
    expect(json.headers['retry-after']).toBe('3');
    expect(json.json()).toEqual({
      error: 'COMMENT_TOO_FAST',
      message:
        'Komentar Anda terkirim lebih cepat dari biasanya. Tunggu 3 detik, lalu tekan Kirim Komentar lagi; tulisan Anda tetap ada di bawah.',
      retryAfter: 3,
    });
    const page = await refused(fields(tokenFor(app, a.id, 200), typed), 429);
    expect(page.body).toMatch(
      /<p class="form-error" role="alert" id="comment-form-error" tabindex="-1" autofocus>Komentar Anda terkirim lebih cepat dari biasanya\. Tunggu 3 detik/,
    );
    expect(page.body).toContain('>Saya mengetik cepat</textarea>');
    expect(page.body).toContain('value="Komang"');
    expect(page.body).toContain('value="komang@contoh.id"');
    // In English on an English site.
    const en = await testApp(dialect, { language: 'en' });
    try {
      await setSettings(en, { trustAfter: 0 });
      const b = await commentableArticle(en);
      const res = await postComment(en, b.action, fields(tokenFor(en, b.id, 200)), { json: true });
      expect(res.statusCode).toBe(429);
      expect(res.json().message).toBe(
        'Your comment was sent faster than usual. Wait 3 seconds, then press Post Comment again; your text is kept below.',
      );
    } finally {
      await en.dispose();
    }
  });
});
