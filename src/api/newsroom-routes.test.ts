import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { loginAs } from '../../test/staff.ts';

/**
 * The admin's flow in the newsroom: create a key (shown once, then only its
 * prefix), use it, revoke it; turn public reads on; add a webhook (a private
 * target refused unless allowed); read the API reference.
 */
describe('newsroom API pages', () => {
  let app: TestApp;
  let admin: { cookie: string; csrf: string };
  beforeAll(async () => {
    app = await testApp('sqlite');
    admin = await loginAs(app, 'admin');
  });
  afterAll(() => app.dispose());

  const post = (url: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ _csrf: admin.csrf });
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
    return app.server.inject({
      method: 'POST',
      url,
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  };
  const page = (url: string) => app.server.inject({ url, headers: { cookie: admin.cookie } });

  it('creates a key shown once, which works until it is revoked', async () => {
    const bad = await post('/newsroom/api/kunci', { name: '', rate: 'banyak' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Nama wajib diisi');
    const made = await post('/newsroom/api/kunci', { name: 'Bot WhatsApp', rate: '60' });
    expect(made.statusCode).toBe(200);
    const key = /wk_[A-Za-z0-9_-]{43}/.exec(made.body)?.[0] as string;
    expect(key).toBeTruthy();
    expect((await page('/newsroom/api')).body).not.toContain(key);
    const read = () =>
      app.server.inject({ url: '/api/v1/sections', headers: { authorization: `Bearer ${key}` } });
    expect((await read()).statusCode).toBe(200);
    const row = await app.db.kysely.selectFrom('api_keys').select('id').executeTakeFirstOrThrow();
    expect((await post(`/newsroom/api/kunci/${row.id}/cabut`, {})).statusCode).toBe(303);
    expect((await read()).statusCode).toBe(401);
    expect((await page('/newsroom/api')).body).toContain('Dicabut');
  });

  it('turns public reads on and off', async () => {
    expect((await app.server.inject({ url: '/api/v1/sections' })).statusCode).toBe(401);
    expect((await post('/newsroom/api/setelan', { publicRead: '1' })).statusCode).toBe(303);
    expect((await app.server.inject({ url: '/api/v1/sections' })).statusCode).toBe(200);
    await post('/newsroom/api/setelan', {});
    expect((await app.server.inject({ url: '/api/v1/sections' })).statusCode).toBe(401);
  });

  it('adds a webhook only with an allowed target, and shows its log and the reference', async () => {
    const refused = await post('/newsroom/api/webhook', {
      url: 'http://169.254.169.254/x',
      events: 'article.published',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('jaringan lokal atau privat');
    const none = await post('/newsroom/api/webhook', {
      url: 'http://127.0.0.1:9/x',
      allowPrivate: '1',
    });
    expect(none.body).toContain('Pilih paling sedikit satu peristiwa');
    const ok = await post('/newsroom/api/webhook', {
      url: 'http://127.0.0.1:9/x',
      events: ['article.published', 'comment.approved'],
      allowPrivate: '1',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toMatch(/whsec_[A-Za-z0-9_-]{32}/);
    const ep = await app.db.kysely
      .selectFrom('webhook_endpoints')
      .select(['id', 'secret'])
      .executeTakeFirstOrThrow();
    expect(ok.body).not.toContain(ep.secret);
    expect((await page(`/newsroom/api/webhook/${ep.id}`)).body).toContain('Belum ada pengiriman');
    const ref = await page('/newsroom/api/referensi');
    expect(ref.statusCode).toBe(200);
    expect(ref.body).toContain('GET /api/v1/articles');
    expect(ref.body).toContain('next_cursor');
    expect(ref.body).not.toMatch(/<script[^>]+src="https?:/);
  });
});
