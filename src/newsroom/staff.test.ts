import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, PG_URL, type TestApp, testApp } from '../../test/helpers.ts';
import { csrfFromHtml, form, loginThroughForm, setCookies } from '../../test/newsroom-http.ts';
import { loginAs, TEST_PASSWORD } from '../../test/staff.ts';
import { openDb } from '../db/connection.ts';
import { audit } from './audit.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(DIALECTS)('staff management (%s)', (dialect) => {
  let app: TestApp;
  let admin: Awaited<ReturnType<typeof loginAs>>;
  beforeAll(async () => {
    app = await testApp(dialect);
    admin = await loginAs(app, 'admin', { name: 'Admin Uji' });
  });
  afterAll(async () => {
    await app?.dispose();
  });

  const post = (
    url: string,
    fields: Record<string, string | string[]>,
    who = admin,
    headers = {},
  ) =>
    app.server.inject({
      method: 'POST',
      url,
      headers: { ...FORM, cookie: who.cookie, ...headers },
      payload: form({ _csrf: who.csrf, ...fields }),
    });
  const users = () => app.db.kysely.selectFrom('users').selectAll().orderBy('id').execute();
  const auditActions = async () =>
    (await app.db.kysely.selectFrom('audit_log').select('action').execute()).map((r) => r.action);

  it('creates an account with a role, and refuses a duplicate email', async () => {
    const res = await post('/newsroom/staf', {
      name: 'Putu Wartawan',
      email: 'Putu@Warta.test',
      role: 'wartawan',
      lang: 'id',
      password: 'sandi-putu-yang-panjang',
    });
    expect(res.statusCode).toBe(303);
    const list = await app.server.inject({
      method: 'GET',
      url: res.headers.location as string,
      headers: { cookie: admin.cookie },
    });
    expect(list.body).toContain('Akun Putu Wartawan sudah dibuat.');
    expect((await users()).find((u) => u.email === 'putu@warta.test')?.role).toBe('wartawan');
    const login = await loginThroughForm(app, 'putu@warta.test', 'sandi-putu-yang-panjang');
    expect(login.status).toBe(303);

    const dup = await post('/newsroom/staf', {
      name: 'Lain',
      email: 'PUTU@warta.test',
      role: 'kontributor',
      lang: 'id',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).toContain('Sudah ada akun dengan email ini.');
    expect(await auditActions()).toContain('staff.created');
  });

  it('invites by email when no password is given', async () => {
    const res = await post('/newsroom/staf', {
      name: 'Kadek',
      email: 'kadek@warta.test',
      role: 'kontributor',
      lang: 'en',
      password: '',
    });
    expect(res.statusCode).toBe(303);
    const mail = await app.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'kadek@warta.test')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Your Warta newsroom account');
    expect(mail.body_text).toContain('/newsroom/atur-ulang?token=');
  });

  it('refuses bad input with clear messages and changes nothing', async () => {
    const before = await users();
    const cases: [Record<string, string | string[]>, string, number][] = [
      [{ name: '', email: 'a@warta.test', role: 'wartawan', lang: 'id' }, 'Wajib diisi.', 400],
      [
        { name: 'x'.repeat(101), email: 'a@warta.test', role: 'wartawan', lang: 'id' },
        'Paling banyak 100 karakter.',
        400,
      ],
      [
        { name: 'A', email: 'bukan-email', role: 'wartawan', lang: 'id' },
        'Alamat email tidak valid.',
        400,
      ],
      [
        { name: 'A', email: `${'a'.repeat(260)}@warta.test`, role: 'wartawan', lang: 'id' },
        'Paling banyak 254 karakter.',
        400,
      ],
      [
        { name: 'A', email: 'a@warta.test', role: 'superadmin', lang: 'id' },
        'Pilih peran yang tersedia.',
        400,
      ],
      [
        { name: ['A', 'B'], email: 'a@warta.test', role: 'wartawan', lang: 'id' },
        'Wajib diisi.',
        400,
      ],
      [
        { name: 'A', email: 'a@warta.test', role: ['admin', 'wartawan'], lang: 'id' },
        'Pilih peran yang tersedia.',
        400,
      ],
      [
        { name: 'A', email: 'a@warta.test', role: 'wartawan', lang: 'fr' },
        'Pilih bahasa yang tersedia.',
        400,
      ],
      [
        { name: 'A', email: 'a@warta.test', role: 'wartawan', lang: 'id', password: 'password123' },
        'bukan kata sandi umum',
        400,
      ],
    ];
    for (const [fields, message, status] of cases) {
      const res = await post('/newsroom/staf', fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(status);
      expect(res.body).toContain(message);
    }
    const json = await app.server.inject({
      method: 'POST',
      url: '/newsroom/staf',
      headers: {
        'content-type': 'application/json',
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
      },
      payload: JSON.stringify({ name: { a: 1 }, email: ['x@warta.test'], role: 7 }),
    });
    expect(json.statusCode).toBe(400);
    expect(await users()).toEqual(before);
  });

  it('stores HTML in a name as text and shows it escaped', async () => {
    const res = await post('/newsroom/staf', {
      name: '<img src=x onerror=alert(1)>',
      email: 'html@warta.test',
      role: 'kontributor',
      lang: 'id',
      password: 'sandi-html-yang-panjang',
    });
    expect(res.statusCode).toBe(303);
    const row = (await users()).find((u) => u.email === 'html@warta.test');
    expect(row?.name).toBe('<img src=x onerror=alert(1)>');
    const list = await app.server.inject({
      method: 'GET',
      url: '/newsroom/staf',
      headers: { cookie: admin.cookie },
    });
    expect(list.body).not.toContain('<img src=x');
    expect(list.body).toContain('&lt;img src=x onerror=alert(1)>');
  });

  it('changes roles, disables and enables, resets 2FA — all audited', async () => {
    const target = await loginAs(app, 'kontributor');
    expect(
      (await post(`/newsroom/staf/${target.user.id}/peran`, { role: 'redaktur' })).statusCode,
    ).toBe(303);
    expect((await users()).find((u) => u.id === target.user.id)?.role).toBe('redaktur');
    expect(
      (await post(`/newsroom/staf/${target.user.id}/status`, { status: 'disable' })).statusCode,
    ).toBe(303);
    const locked = await app.server.inject({
      method: 'GET',
      url: '/newsroom',
      headers: { cookie: target.cookie },
    });
    expect(locked.statusCode).toBe(302);
    expect((await loginThroughForm(app, target.user.email, TEST_PASSWORD)).status).toBe(401);
    expect(
      (await post(`/newsroom/staf/${target.user.id}/status`, { status: 'enable' })).statusCode,
    ).toBe(303);
    expect((await loginThroughForm(app, target.user.email, TEST_PASSWORD)).status).toBe(303);
    expect((await post(`/newsroom/staf/${target.user.id}/reset-2fa`, {})).statusCode).toBe(303);
    const entries = await app.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('target', '=', `user:${target.user.id}`)
      .execute();
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['staff.role', 'staff.disabled', 'staff.enabled', '2fa.reset']),
    );
    expect(entries.find((e) => e.action === 'staff.role')?.detail).toBe('kontributor → redaktur');
    expect(entries.find((e) => e.action === 'staff.role')?.actor_id).toBe(admin.user.id);
  });

  it('does not let an admin remove their own admin role or disable themselves', async () => {
    const demote = await post(`/newsroom/staf/${admin.user.id}/peran`, { role: 'wartawan' });
    expect(demote.statusCode).toBe(403);
    expect(demote.body).toContain('tidak dapat mencabut peran admin');
    const disable = await post(`/newsroom/staf/${admin.user.id}/status`, { status: 'disable' });
    expect(disable.statusCode).toBe(403);
    const me = (await users()).find((u) => u.id === admin.user.id);
    expect(me?.role).toBe('admin');
    expect(me?.disabled).toBe(0);
  });

  it('answers 404 for a malformed or unknown staff id, 400 for an unknown status', async () => {
    expect((await post('/newsroom/staf/abc/peran', { role: 'admin' })).statusCode).toBe(404);
    expect((await post('/newsroom/staf/999999/peran', { role: 'admin' })).statusCode).toBe(404);
    const other = await loginAs(app, 'wartawan');
    expect(
      (await post(`/newsroom/staf/${other.user.id}/status`, { status: 'hapus' })).statusCode,
    ).toBe(400);
  });

  it('refuses a crafted staff request from a kontributor, and one carrying another user’s session token', async () => {
    const kontributor = await loginAs(app, 'kontributor', { lang: 'en' });
    const before = await users();
    const crafted = await post(
      `/newsroom/staf/${kontributor.user.id}/peran`,
      { role: 'admin' },
      kontributor,
    );
    expect(crafted.statusCode).toBe(403);
    expect(crafted.body).toContain('You do not have permission to do this.');
    const create = await post(
      '/newsroom/staf',
      {
        name: 'Jahat',
        email: 'jahat@warta.test',
        role: 'admin',
        lang: 'id',
        password: 'sandi-jahat-yang-panjang',
      },
      kontributor,
    );
    expect(create.statusCode).toBe(403);
    // The admin's CSRF token with the kontributor's session: refused as forged.
    const mixed = await post(
      '/newsroom/staf',
      { name: 'Jahat', email: 'jahat@warta.test', role: 'admin', lang: 'id' },
      { ...kontributor, csrf: admin.csrf },
    );
    expect(mixed.statusCode).toBe(403);
    expect(await users()).toEqual(before);
    const list = await app.server.inject({
      method: 'GET',
      url: '/newsroom/staf',
      headers: { cookie: kontributor.cookie },
    });
    expect(list.statusCode).toBe(403);
  });

  it('shows the audit log to admins with a filter and paging', async () => {
    for (let i = 0; i < 55; i++)
      await audit(app.db, {
        actorId: admin.user.id,
        action: 'article.published',
        target: `article:${i}`,
      });
    const first = await app.server.inject({
      method: 'GET',
      url: '/newsroom/audit?action=article.published',
      headers: { cookie: admin.cookie },
    });
    expect(first.statusCode).toBe(200);
    expect(first.body.match(/<code>article\.published<\/code>/g)).toHaveLength(50);
    expect(first.body).toContain('/newsroom/audit?action=article.published&amp;page=2');
    expect(first.body).not.toContain('<code>staff.role</code>');
    const second = await app.server.inject({
      method: 'GET',
      url: '/newsroom/audit?action=article.published&page=2',
      headers: { cookie: admin.cookie },
    });
    expect(second.body.match(/<code>article\.published<\/code>/g)).toHaveLength(5);
    const all = await app.server.inject({
      method: 'GET',
      url: '/newsroom/audit',
      headers: { cookie: admin.cookie },
    });
    expect(all.body).toContain('<option value="staff.role">');
    for (const url of [
      '/newsroom/audit?page=0',
      '/newsroom/audit?page=abc',
      '/newsroom/audit?action=a&action=b',
    ]) {
      const bad = await app.server.inject({
        method: 'GET',
        url,
        headers: { cookie: admin.cookie },
      });
      expect(bad.statusCode, url).toBe(400);
    }
  });

  it('shows the outbox to admins, saying that SMTP is not configured', async () => {
    const res = await app.server.inject({
      method: 'GET',
      url: '/newsroom/kotak-keluar',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('SMTP belum diatur');
    expect(res.body).toContain('kadek@warta.test');
  });
});

describe.each(DIALECTS)('first-admin setup page (%s)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(dialect);
    await app.server.ready();
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('creates the first admin with the console token once, then disappears', async () => {
    const token = app.server.newsroomSetup.token ?? '';
    expect(token.length).toBeGreaterThan(20);
    const page = await app.server.inject({
      method: 'GET',
      url: `/newsroom/siapkan?token=${token}`,
    });
    expect(page.statusCode).toBe(200);
    const pre = setCookies(page).warta_csrf;
    const submit = (fields: Record<string, string>) =>
      app.server.inject({
        method: 'POST',
        url: '/newsroom/siapkan',
        headers: { ...FORM, cookie: `warta_csrf=${pre}` },
        payload: form({ _csrf: csrfFromHtml(page.body), ...fields }),
      });
    const wrong = await submit({
      token: 'salah',
      name: 'Admin',
      email: 'admin@warta.test',
      password: 'sandi-admin-yang-panjang',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.body).toContain('Token penyiapan salah.');
    const weak = await submit({
      token,
      name: 'Admin',
      email: 'admin@warta.test',
      password: '1234567890',
    });
    expect(weak.statusCode).toBe(400);
    const ok = await submit({
      token,
      name: 'Admin',
      email: 'admin@warta.test',
      password: 'sandi-admin-yang-panjang',
    });
    expect(ok.statusCode).toBe(303);
    const cookie = `warta_session=${setCookies(ok).warta_session}`;
    expect(
      (await app.server.inject({ method: 'GET', url: '/newsroom/staf', headers: { cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await submit({
          token,
          name: 'B',
          email: 'b@warta.test',
          password: 'sandi-admin-yang-panjang',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await app.server.inject({ method: 'GET', url: `/newsroom/siapkan?token=${token}` }))
        .statusCode,
    ).toBe(404);
  });
});

describe('warta user add', () => {
  const BIN = join(import.meta.dirname, '../../bin/warta.js');
  const run = (args: string[], env: Record<string, string>, input?: string) => {
    const res = spawnSync(process.execPath, [BIN, 'user', ...args], {
      cwd: mkdtempSync(join(tmpdir(), 'warta-user-')),
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: res.status, out: `${res.stdout}${res.stderr}` };
  };

  it('creates the first admin from the command line (SQLite), refusing weak passwords and duplicates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warta-cli-'));
    const env = { DATABASE_URL: `sqlite:${join(dir, 'w.db')}` };
    const args = [
      'add',
      '--role',
      'admin',
      '--email',
      'Kepala@Warta.test',
      '--name',
      'Kepala Redaksi',
      '--password-stdin',
    ];
    const weak = run(args, env, 'password123\n');
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('too common');
    expect(run(args, env, 'pendek\n').out).toContain('at least 10 characters');
    const ok = run(args, env, 'sandi-kepala-redaksi-panjang\n');
    expect(ok.out).toContain('Created admin account kepala@warta.test');
    expect(ok.code).toBe(0);
    const dup = run(args, env, 'sandi-kepala-redaksi-panjang\n');
    expect(dup.code).toBe(1);
    expect(dup.out).toContain('already exists');
    const bad = run(['add', '--role', 'boss', '--email', 'x@warta.test'], env);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('--role must be one of');
    const noTty = run(['add', '--role', 'admin', '--email', 'y@warta.test', '--name', 'Y'], env);
    expect(noTty.code).toBe(1);
    expect(noTty.out).toContain('--password-stdin');
    const db = await openDb(env.DATABASE_URL);
    try {
      const user = await db.kysely.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(user.role).toBe('admin');
      expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    } finally {
      await db.close();
    }
  });

  it('works against PostgreSQL too', async () => {
    const schema = `cli_${process.pid}_${Date.now()}`;
    const url = PG_URL;
    const admin = await openDb(url, { schema });
    try {
      const res = spawnSync(
        process.execPath,
        [
          BIN,
          'user',
          'add',
          '--role',
          'redaktur',
          '--email',
          'r@warta.test',
          '--name',
          'R',
          '--password-stdin',
        ],
        {
          cwd: mkdtempSync(join(tmpdir(), 'warta-user-')),
          env: {
            PATH: process.env.PATH ?? '',
            LOG_LEVEL: 'silent',
            DATABASE_URL: `${url}?options=-c%20search_path%3D${schema}`,
            SECRET_KEY: 'cli-test-secret-key-of-thirty-two-chars',
          },
          input: 'sandi-redaktur-panjang\n',
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(`${res.stdout}${res.stderr}`).toContain('Created redaktur account r@warta.test');
      const row = await admin.kysely
        .selectFrom('users')
        .select(['email', 'role'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ email: 'r@warta.test', role: 'redaktur' });
    } finally {
      await admin.kysely.schema.dropSchema(schema).ifExists().cascade().execute();
      await admin.close();
    }
  });
});
