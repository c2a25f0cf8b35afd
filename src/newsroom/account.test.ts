import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { csrfFromHtml, form, loginThroughForm, setCookies } from '../../test/newsroom-http.ts';
import { loginAs, makeStaff, TEST_PASSWORD } from '../../test/staff.ts';
import { totpCode } from './totp.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
let ip = 0;
const nextIp = () => `203.0.113.${++ip}`;

async function get(app: TestApp, url: string, cookie: string) {
  return app.server.inject({ method: 'GET', url, headers: { cookie } });
}
async function post(app: TestApp, url: string, cookie: string, fields: Record<string, string>) {
  return app.server.inject({
    method: 'POST',
    url,
    headers: { ...FORM, cookie, 'x-forwarded-for': nextIp() },
    payload: form(fields),
  });
}

/** Enrols the logged-in user in TOTP through the pages; returns the secret and recovery codes. */
async function enrol(app: TestApp, cookie: string, now = Date.now()) {
  const page = await get(app, '/newsroom/akun/dua-langkah', cookie);
  expect(page.statusCode).toBe(200);
  const secret = /data-secret="([A-Z2-7]+)"/.exec(page.body)?.[1] ?? '';
  expect(page.body).toContain('otpauth://totp/');
  const done = await post(app, '/newsroom/akun/dua-langkah', cookie, {
    _csrf: csrfFromHtml(page.body),
    code: totpCode(secret, now),
  });
  expect(done.statusCode).toBe(200);
  const codes = [...done.body.matchAll(/<li><code>([0-9a-f]{5}-[0-9a-f]{5})<\/code><\/li>/g)].map(
    (m) => m[1] as string,
  );
  expect(codes).toHaveLength(8);
  return { secret, codes };
}

describe.each(DIALECTS)('two-step verification (%s)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(dialect);
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('enrols, then asks for a code at login; a wrong or reused code fails, a recovery code works once', async () => {
    const user = await makeStaff(app.db, 'redaktur');
    const first = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });
    const wrongEnrol = await post(app, '/newsroom/akun/dua-langkah', first.cookie, {
      _csrf: csrfFromHtml((await get(app, '/newsroom/akun/dua-langkah', first.cookie)).body),
      code: '000000',
    });
    expect(wrongEnrol.statusCode).toBe(400);
    expect(wrongEnrol.body).toContain('Kode salah atau sudah kedaluwarsa.');
    const { secret, codes } = await enrol(app, first.cookie);

    // Password alone now gives a pending session that reaches nothing.
    const login = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });
    expect(login.location).toBe('/newsroom/masuk/kode?next=%2Fnewsroom');
    expect((await get(app, '/newsroom', login.cookie)).statusCode).toBe(302);
    const step = await get(app, '/newsroom/masuk/kode', login.cookie);
    const csrf = csrfFromHtml(step.body);
    const bad = await post(app, '/newsroom/masuk/kode', login.cookie, {
      _csrf: csrf,
      code: '123456',
    });
    expect(bad.statusCode).toBe(401);
    const replay = await post(app, '/newsroom/masuk/kode', login.cookie, {
      _csrf: csrf,
      code: totpCode(secret),
    });
    // The enrolment code's time step was remembered, so the same code is refused as a replay.
    expect(replay.statusCode).toBe(401);
    const good = await post(app, '/newsroom/masuk/kode', login.cookie, {
      _csrf: csrf,
      code: totpCode(secret, Date.now() + 30_000),
    });
    expect(good.statusCode).toBe(303);
    const full = setCookies(good).warta_session;
    expect(full).toBeTruthy();
    // Rotated: the pending token is gone, the new one works.
    expect((await get(app, '/newsroom/masuk/kode', login.cookie)).statusCode).toBe(302);
    expect((await get(app, '/newsroom', `warta_session=${full}`)).statusCode).toBe(200);

    const viaRecovery = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });
    const csrfR = csrfFromHtml((await get(app, '/newsroom/masuk/kode', viaRecovery.cookie)).body);
    const recovery = await post(app, '/newsroom/masuk/kode', viaRecovery.cookie, {
      _csrf: csrfR,
      code: (codes[0] ?? '').toUpperCase(),
    });
    expect(recovery.statusCode).toBe(303);

    // The recovery code is spent.
    const again = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });
    const csrf2 = csrfFromHtml((await get(app, '/newsroom/masuk/kode', again.cookie)).body);
    const reused = await post(app, '/newsroom/masuk/kode', again.cookie, {
      _csrf: csrf2,
      code: codes[0] ?? '',
    });
    expect(reused.statusCode).toBe(401);
    const actions = (
      await app.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('actor_id', '=', user.id)
        .execute()
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['2fa.enabled', 'login.password', 'login', 'login.failed']),
    );
  });

  it('turns 2FA off only with the password', async () => {
    const me = await loginAs(app, 'wartawan');
    await enrol(app, me.cookie);
    const page = await get(app, '/newsroom/akun/dua-langkah', me.cookie);
    const wrong = await post(app, '/newsroom/akun/dua-langkah/matikan', me.cookie, {
      _csrf: me.csrf,
      password: 'bukan-sandi-ini',
    });
    expect(wrong.statusCode).toBe(400);
    expect(page.body).toContain('Matikan verifikasi dua langkah');
    const ok = await post(app, '/newsroom/akun/dua-langkah/matikan', me.cookie, {
      _csrf: me.csrf,
      password: TEST_PASSWORD,
    });
    expect(ok.statusCode).toBe(303);
    const row = await app.db.kysely
      .selectFrom('users')
      .select(['totp_enabled', 'totp_secret'])
      .where('id', '=', me.user.id)
      .executeTakeFirst();
    expect(row).toEqual({ totp_enabled: 0, totp_secret: null });
  });
});

describe.each(DIALECTS)('admins must use 2FA when the site requires it (%s)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    // Config values go through the same parser as the environment.
    app = await testApp(dialect, { requireAdmin2fa: 'true' as unknown as boolean });
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('sends an admin without 2FA to enrolment and lets them do nothing else', async () => {
    const admin = await loginAs(app, 'admin');
    const home = await get(app, '/newsroom', admin.cookie);
    expect(home.statusCode).toBe(302);
    expect(home.headers.location).toBe('/newsroom/akun/dua-langkah');
    const staffPost = await post(app, '/newsroom/staf', admin.cookie, {
      _csrf: admin.csrf,
      name: 'X',
      email: 'x@warta.test',
      role: 'admin',
    });
    expect(staffPost.statusCode).toBe(403);
    expect(staffPost.body).toContain('wajib memakai verifikasi dua langkah');
    const enrolPage = await get(app, '/newsroom/akun/dua-langkah', admin.cookie);
    expect(enrolPage.body).toContain('Situs ini mewajibkan admin');
    await enrol(app, admin.cookie);
    expect((await get(app, '/newsroom', admin.cookie)).statusCode).toBe(200);
    const cannot = await post(app, '/newsroom/akun/dua-langkah/matikan', admin.cookie, {
      _csrf: admin.csrf,
      password: TEST_PASSWORD,
    });
    expect(cannot.statusCode).toBe(403);
    // Other roles are not affected.
    const reporter = await loginAs(app, 'wartawan');
    expect((await get(app, '/newsroom', reporter.cookie)).statusCode).toBe(200);
  });
});

describe.each(DIALECTS)('password reset through the outbox (%s)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(dialect);
  });
  afterAll(async () => {
    await app?.dispose();
  });

  async function ask(email: string) {
    const page = await app.server.inject({ method: 'GET', url: '/newsroom/lupa-sandi' });
    return app.server.inject({
      method: 'POST',
      url: '/newsroom/lupa-sandi',
      headers: { ...FORM, cookie: `warta_csrf=${setCookies(page).warta_csrf}` },
      payload: form({ _csrf: csrfFromHtml(page.body), email }),
    });
  }

  it('answers the same for known and unknown emails, mails a single-use link, and ends old sessions', async () => {
    const user = await makeStaff(app.db, 'wartawan', { name: 'Nyoman' });
    const old = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });
    const known = await ask(user.email.toUpperCase());
    const unknown = await ask('siapa@warta.test');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    const notice = (b: string) => /<p class="notice ok"[^>]*>([^<]+)</.exec(b)?.[1];
    expect(notice(known.body)).toContain('Jika email itu terdaftar');
    expect(notice(unknown.body)).toBe(notice(known.body));

    const mails = await app.db.kysely.selectFrom('outbox').selectAll().execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to_address).toBe(user.email);
    const link =
      /http:\/\/warta\.test(\/newsroom\/atur-ulang\?token=[A-Za-z0-9_%-]+)/.exec(
        mails[0]?.body_text ?? '',
      )?.[1] ?? '';
    expect(link).not.toBe('');
    const token = decodeURIComponent(link.split('token=')[1] ?? '');
    const stored = await app.db.kysely.selectFrom('password_resets').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    const page = await app.server.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    const pre = setCookies(page).warta_csrf;
    const submit = (fields: Record<string, string>) =>
      app.server.inject({
        method: 'POST',
        url: '/newsroom/atur-ulang',
        headers: { ...FORM, cookie: `warta_csrf=${pre}` },
        payload: form({ _csrf: csrfFromHtml(page.body), token, ...fields }),
      });
    const weak = await submit({ password: 'pendek', password2: 'pendek' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('Minimal 10 karakter');
    const mismatch = await submit({
      password: 'kata-sandi-baru-yang-kuat',
      password2: 'lain-sekali-bukan-sama',
    });
    expect(mismatch.body).toContain('Kedua kata sandi tidak sama.');
    const ok = await submit({
      password: 'kata-sandi-baru-yang-kuat',
      password2: 'kata-sandi-baru-yang-kuat',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/newsroom/masuk?reset=1');
    const reused = await submit({
      password: 'kata-sandi-lain-lagi-1',
      password2: 'kata-sandi-lain-lagi-1',
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.body).toContain('tidak sah, sudah dipakai');

    expect((await get(app, '/newsroom', old.cookie)).statusCode).toBe(302);
    expect((await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() })).status).toBe(
      401,
    );
    expect(
      (await loginThroughForm(app, user.email, 'kata-sandi-baru-yang-kuat', { ip: nextIp() }))
        .status,
    ).toBe(303);
    const actions = (
      await app.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('actor_id', '=', user.id)
        .execute()
    ).map((r) => r.action);
    expect(actions).toContain('password.reset');
  });

  it('refuses an invalid email address and an expired link', async () => {
    const bad = await ask('<script>@x');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Alamat email tidak valid.');
    expect(bad.body).not.toContain('<script>@x');
    const user = await makeStaff(app.db, 'wartawan');
    await ask(user.email);
    await app.db.kysely
      .updateTable('password_resets')
      .set({ expires_at: Date.now() - 1 })
      .execute();
    const mail = await app.db.kysely
      .selectFrom('outbox')
      .select('body_text')
      .where('to_address', '=', user.email)
      .executeTakeFirstOrThrow();
    const link = /http:\/\/warta\.test(\S+)/.exec(mail.body_text)?.[1] ?? '';
    const page = await app.server.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('sudah kedaluwarsa');
  });
});
