import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { form, loginThroughForm, setCookieLine, setCookies } from '../../test/newsroom-http.ts';
import { loginAs, makeStaff, TEST_PASSWORD } from '../../test/staff.ts';
import { ACCOUNT_MAX, PROOF_AFTER } from './login-limits.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
let ipCounter = 0;
/** A distinct client address per test, so address limits of one test do not leak into another. */
const nextIp = () => `198.51.100.${++ipCounter}`;

describe.each(DIALECTS)('newsroom login and sessions over HTTP (%s)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(dialect);
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('sends an anonymous visitor to the login page, with the page to return to', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/newsroom/staf' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/newsroom/masuk?next=%2Fnewsroom%2Fstaf');
    const json = await app.server.inject({
      method: 'GET',
      url: '/newsroom',
      headers: { accept: 'application/json' },
    });
    expect(json.statusCode).toBe(401);
    expect(json.json().error).toEqual({
      code: 'NOT_LOGGED_IN',
      message: 'Sesi Anda telah berakhir atau Anda belum masuk. Silakan masuk lagi.',
    });
  });

  it('logs in through the form, sets a safe cookie and reaches the newsroom home', async () => {
    const user = await makeStaff(app.db, 'wartawan', { name: 'Made Uji' });
    const login = await loginThroughForm(app, ` ${user.email.toUpperCase()} `, TEST_PASSWORD, {
      ip: nextIp(),
    });
    expect(login.status).toBe(303);
    expect(login.location).toBe('/newsroom');
    const line = setCookieLine(login, 'warta_session');
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Path=\/newsroom/);
    expect(line).not.toMatch(/Secure/);
    const home = await app.server.inject({
      method: 'GET',
      url: '/newsroom',
      headers: { cookie: login.cookie },
    });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Selamat datang, Made Uji.');
    expect(home.headers['cache-control']).toBe('no-store');
    const audit = await app.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', user.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('login');
    expect(audit[0]?.ip_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('goes back to the page asked for, never to another site', async () => {
    const user = await makeStaff(app.db, 'redaktur');
    const page = await app.server.inject({
      method: 'GET',
      url: '/newsroom/masuk?next=/newsroom/meja',
    });
    expect(page.body).toContain('name="next" value="/newsroom/meja"');
    for (const [next, expected] of [
      ['/newsroom/meja', '/newsroom/meja'],
      ['https://evil.example/', '/newsroom'],
      ['//evil.example/newsroom', '/newsroom'],
      ['/newsroom//evil.example', '/newsroom'],
    ]) {
      const pre = setCookies(page).warta_csrf;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const res = await app.server.inject({
        method: 'POST',
        url: '/newsroom/masuk',
        headers: { ...FORM, cookie: `warta_csrf=${pre}`, 'x-forwarded-for': nextIp() },
        payload: form({
          _csrf: csrf,
          email: user.email,
          password: TEST_PASSWORD,
          next: next as string,
        }),
      });
      expect(res.headers.location).toBe(expected);
    }
  });

  it('marks the cookie Secure when the site runs on https', async () => {
    const secure = await testApp(dialect, { siteUrl: 'https://warta.test' });
    try {
      const user = await makeStaff(secure.db, 'wartawan');
      const login = await loginThroughForm(secure, user.email, TEST_PASSWORD);
      expect(setCookieLine(login, 'warta_session')).toMatch(/; Secure/);
    } finally {
      await secure.dispose();
    }
  });

  it('rotates the session at login: the old token stops working', async () => {
    const old = await loginAs(app, 'wartawan');
    const user = await makeStaff(app.db, 'redaktur');
    // A browser that still holds a session posts the login form (e.g. a planted cookie).
    const res = await app.server.inject({
      method: 'POST',
      url: '/newsroom/masuk',
      headers: { ...FORM, cookie: old.cookie, 'x-forwarded-for': nextIp() },
      payload: form({ _csrf: old.csrf, email: user.email, password: TEST_PASSWORD }),
    });
    expect(res.statusCode).toBe(303);
    const fresh = setCookies(res).warta_session;
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(old.token);
    const before = await app.server.inject({
      method: 'GET',
      url: '/newsroom',
      headers: { cookie: old.cookie },
    });
    expect(before.statusCode).toBe(302);
    const after = await app.server.inject({
      method: 'GET',
      url: '/newsroom',
      headers: { cookie: `warta_session=${fresh}` },
    });
    expect(after.statusCode).toBe(200);
  });

  it('answers an unknown email and a wrong password with the same message and status', async () => {
    const user = await makeStaff(app.db, 'wartawan');
    const wrong = await loginThroughForm(app, user.email, 'salah-kata-sandi-123', { ip: nextIp() });
    const unknown = await loginThroughForm(app, 'tidak.ada@warta.test', 'salah-kata-sandi-123', {
      ip: nextIp(),
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const msg = (b: string) => /<p class="notice error"[^>]*>([^<]+)</.exec(b)?.[1];
    expect(msg(wrong.body)).toBe('Email atau kata sandi salah.');
    expect(msg(unknown.body)).toBe(msg(wrong.body));
    expect(wrong.cookie).toBe('');
  });

  it('asks for a proof of work after failures on an account, the same for an email with no account', async () => {
    // (How strangers are kept from locking an account is in login-lockout.test.ts.)
    const user = await makeStaff(app.db, 'wartawan');
    const msg = (b: string) => /<p class="notice error"[^>]*>([^<]+)</.exec(b)?.[1];
    const answers: string[] = [];
    for (const email of [user.email, 'hantu@warta.test']) {
      for (let i = 0; i < PROOF_AFTER; i++) {
        const r = await loginThroughForm(app, email, `salah-kata-sandi-${i}`, { ip: nextIp() });
        expect(r.status).toBe(401);
      }
      const asked = await loginThroughForm(app, email, TEST_PASSWORD, { ip: nextIp() });
      expect(asked.status).toBe(429);
      expect(asked.cookie).toBe('');
      answers.push(msg(asked.body) ?? '');
    }
    expect(answers[0]).toMatch(/^Ada percobaan masuk yang gagal untuk akun ini\./);
    expect(answers[1]).toBe(answers[0]);
  });

  it('holds the account limit against guesses sent all at once', async () => {
    const user = await makeStaff(app.db, 'wartawan');
    const results = await Promise.all(
      Array.from({ length: 3 * ACCOUNT_MAX }, (_, i) =>
        loginThroughForm(app, user.email, `tebakan-serentak-${i}`, { ip: nextIp() }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(ACCOUNT_MAX);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2 * ACCOUNT_MAX);
  });

  it('limits failures per address across accounts', async () => {
    const ip = nextIp();
    for (let i = 0; i < 20; i++) {
      const r = await loginThroughForm(app, `orang${i}@warta.test`, 'salah-sandi-123', { ip });
      expect(r.status).toBe(401);
    }
    const user = await makeStaff(app.db, 'wartawan');
    const blocked = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip });
    expect(blocked.status).toBe(429);
    const elsewhere = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });
    expect(elsewhere.status).toBe(303);
  });

  it('refuses empty, oversized and wrong-typed login fields with a clear message', async () => {
    for (const email of ['', ['a@warta.test', 'b@warta.test']]) {
      const page = await app.server.inject({ method: 'GET', url: '/newsroom/masuk' });
      const pre = setCookies(page).warta_csrf;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const res = await app.server.inject({
        method: 'POST',
        url: '/newsroom/masuk',
        headers: { ...FORM, cookie: `warta_csrf=${pre}`, 'x-forwarded-for': nextIp() },
        payload: form({ _csrf: csrf, email, password: TEST_PASSWORD }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Isi email dan kata sandi.');
    }
    const long = await loginThroughForm(app, `${'a'.repeat(300)}@warta.test`, 'x'.repeat(5000), {
      ip: nextIp(),
    });
    expect(long.status).toBe(401);
    const json = await app.server.inject({
      method: 'POST',
      url: '/newsroom/masuk',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: { $ne: 1 }, password: [1] }),
    });
    expect(json.statusCode).toBe(403); // no CSRF cookie/token: refused before anything else
  });

  it('logs out, and logs out everywhere', async () => {
    const user = await makeStaff(app.db, 'wartawan');
    const a = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });
    const b = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });
    const home = await app.server.inject({
      method: 'GET',
      url: '/newsroom/akun',
      headers: { cookie: a.cookie },
    });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? '';
    const res = await app.server.inject({
      method: 'POST',
      url: '/newsroom/keluar-semua',
      headers: { ...FORM, cookie: a.cookie },
      payload: form({ _csrf: csrf }),
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/newsroom/masuk?semua=1');
    for (const c of [a.cookie, b.cookie]) {
      const r = await app.server.inject({
        method: 'GET',
        url: '/newsroom',
        headers: { cookie: c },
      });
      expect(r.statusCode).toBe(302);
    }
    const msg = await app.server.inject({ method: 'GET', url: '/newsroom/masuk?semua=1' });
    expect(msg.body).toContain('Anda telah keluar dari semua perangkat.');
  });

  it('speaks the staff member’s language', async () => {
    const { cookie } = await loginAs(app, 'kontributor', { lang: 'en', name: 'Ketut' });
    const home = await app.server.inject({ method: 'GET', url: '/newsroom', headers: { cookie } });
    expect(home.body).toContain('Welcome, Ketut.');
    expect(home.body).toContain('<html lang="en"');
    const forbidden = await app.server.inject({
      method: 'GET',
      url: '/newsroom/audit',
      headers: { cookie },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body).toContain('You do not have permission to do this.');
  });
});

describe.each(DIALECTS)('CSRF (%s)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(dialect);
  });
  afterAll(async () => {
    await app?.dispose();
  });

  const post = (cookie: string, fields: Record<string, string | string[]>, headers = {}) =>
    app.server.inject({
      method: 'POST',
      url: '/newsroom/keluar-semua',
      headers: { ...FORM, cookie, ...headers },
      payload: form(fields),
    });
  const alive = async (cookie: string) =>
    (await app.server.inject({ method: 'GET', url: '/newsroom', headers: { cookie } }))
      .statusCode === 200;

  it('refuses a state-changing request without, with a wrong, or with another session’s token', async () => {
    const me = await loginAs(app, 'wartawan');
    const other = await loginAs(app, 'wartawan');
    const cases: Record<string, string | string[]>[] = [
      {},
      { _csrf: 'salah' },
      { _csrf: other.csrf },
      { _csrf: [me.csrf, me.csrf] },
    ];
    for (const fields of cases) {
      const res = await post(me.cookie, fields);
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Formulir ini kedaluwarsa atau tidak sah.');
      expect(await alive(me.cookie)).toBe(true);
    }
    const json = await post(me.cookie, {}, { accept: 'application/json' });
    expect(json.json().error.code).toBe('CSRF_INVALID');
  });

  it('accepts the token in the x-csrf-token header, never in a _csrf query parameter', async () => {
    const a = await loginAs(app, 'wartawan');
    expect((await post(a.cookie, {}, { 'x-csrf-token': a.csrf })).statusCode).toBe(303);
    // A token in the URL leaks through logs, history and Referer headers.
    const b = await loginAs(app, 'wartawan');
    const res = await app.server.inject({
      method: 'POST',
      url: `/newsroom/keluar-semua?_csrf=${encodeURIComponent(b.csrf)}`,
      headers: { cookie: b.cookie },
    });
    expect([res.statusCode, res.body.includes('Formulir ini kedaluwarsa atau tidak sah.')]).toEqual(
      [403, true],
    );
    expect(await alive(b.cookie)).toBe(true);
  });

  it('uses a session-free double-submit token on the login form', async () => {
    const user = await makeStaff(app.db, 'wartawan');
    const page = await app.server.inject({ method: 'GET', url: '/newsroom/masuk' });
    const pre = setCookies(page).warta_csrf;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const attempt = (cookie: string, token: string) =>
      app.server.inject({
        method: 'POST',
        url: '/newsroom/masuk',
        headers: { ...FORM, cookie },
        payload: form({ _csrf: token, email: user.email, password: TEST_PASSWORD }),
      });
    expect((await attempt('', csrf)).statusCode).toBe(403);
    expect((await attempt('warta_csrf=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', csrf)).statusCode).toBe(403);
    expect((await attempt(`warta_csrf=${pre}`, 'x')).statusCode).toBe(403);
    expect((await attempt(`warta_csrf=${pre}`, csrf)).statusCode).toBe(303);
  });

  it('answers a post with another user’s expired session token as not logged in', async () => {
    const a = await loginAs(app, 'redaktur');
    await app.db.kysely.deleteFrom('sessions').where('user_id', '=', a.user.id).execute();
    const res = await post(a.cookie, { _csrf: a.csrf }, { accept: 'application/json' });
    expect(res.statusCode).toBe(401);
  });
});

describe('newsroom paths the router decodes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp('sqlite');
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('guards an encoded /%6Eewsroom path exactly like /newsroom', async () => {
    const anon = await app.server.inject({ method: 'GET', url: '/%6Eewsroom/staf' });
    expect(anon.statusCode).toBe(302);
    const { cookie } = await loginAs(app, 'redaktur');
    const before = await app.db.kysely.selectFrom('articles').select('id').execute();
    const noCsrf = await app.server.inject({
      method: 'POST',
      url: '/%6Eewsroom/artikel',
      headers: { ...FORM, cookie },
      payload: form({ headline: 'Tanpa token' }),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await app.db.kysely.selectFrom('articles').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it('sends a login with a next address that cannot be a header back to the newsroom home', async () => {
    const { cookie } = await loginAs(app, 'wartawan');
    for (const next of ['/newsroom/%0d%0aSet-Cookie:%20a=b', '/newsroom/%E2%80%A8x']) {
      const res = await app.server.inject({
        url: `/newsroom/masuk?next=${next}`,
        headers: { cookie },
      });
      expect(res.statusCode, next).toBeLessThan(500);
      expect(String(res.headers.location ?? '/newsroom')).toBe('/newsroom');
    }
  });
});
