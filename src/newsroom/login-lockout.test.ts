import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test/helpers.ts';
import {
  csrfFromHtml,
  form,
  loginProof,
  loginThroughForm,
  setCookieLine,
  setCookies,
} from '../../test/newsroom-http.ts';
import { loginAs, makeStaff, TEST_PASSWORD } from '../../test/staff.ts';
import { beginEnrolment, confirmEnrolment, totpCode } from './totp.ts';

/**
 * Finding 3 of issue 9 over HTTP: strangers failing from many addresses must
 * not keep a staff member out, while a guesser is still stopped. The limit
 * logic itself runs on both databases in login-limits.test.ts; these requests
 * go through the real routes, forms, cookies and proof of work (SQLite).
 */

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
let ipCounter = 0;
const nextIp = () => `192.0.2.${++ipCounter}`;
/** The part of the page the form asks for a proof of work with. */
const ASKS_PROOF = 'memverifikasi';

describe('login limits over HTTP: strangers cannot lock a staff member out', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp('sqlite');
  });
  afterAll(async () => {
    await app?.dispose();
  });

  /**
   * A login as a browser sends it: when the form asks for a proof of work, the
   * widget has solved one (here: the same challenge solved in Node).
   */
  async function asBrowser(email: string, password: string, opts: { ip: string; cookie?: string }) {
    const first = await loginThroughForm(app, email, password, opts);
    if (first.status !== 429 || !first.body.includes(ASKS_PROOF)) return first;
    return loginThroughForm(app, email, password, { ...opts, proof: true });
  }

  /** Five strangers, each from its own address, each send a wrong password. */
  async function strangersFail(email: string): Promise<string[]> {
    const ips = Array.from({ length: 5 }, nextIp);
    for (const [i, ip] of ips.entries()) {
      expect((await asBrowser(email, `tebakan-orang-asing-${i}`, { ip })).status).toBe(401);
    }
    return ips;
  }

  it('the finding: five strangers failing from five addresses cannot keep the owner out', async () => {
    const user = await makeStaff(app.db, 'redaktur', { name: 'Sari Diserang' });
    const earlier = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });
    expect(earlier.status).toBe(303);
    const line = setCookieLine(earlier, 'warta_device');
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Path=\/newsroom/);
    expect(line).toMatch(/Max-Age=31536000/);
    const strangers = await strangersFail(user.email);

    // A fresh address without a proof is asked for one (not told to wait, not counted).
    const bare = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });
    expect(bare.status).toBe(429);
    expect(bare.body).toContain(ASKS_PROOF);
    expect(bare.headers['retry-after']).toBeUndefined();
    // The strangers' own addresses wait, even with the right password and a proof...
    const held = await loginThroughForm(app, user.email, TEST_PASSWORD, {
      ip: strangers[0] ?? '',
      proof: true,
    });
    expect(held.status).toBe(429);
    expect(held.body).toMatch(/Coba lagi dalam 15 menit\./);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(800);
    // ...and their further guesses are not counted, so they lengthen nothing.
    const rows = async () =>
      (await app.db.kysely.selectFrom('login_failures').select('id').execute()).length;
    const before = await rows();
    for (const ip of strangers) await loginThroughForm(app, user.email, 'lagi-salah-123', { ip });
    expect(await rows()).toBe(before);

    // The owner, from an address with no failures, as a browser: in.
    const owner = await asBrowser(user.email, TEST_PASSWORD, { ip: nextIp() });
    expect(owner.status).toBe(303);
    expect(owner.location).toBe('/newsroom');
    // The browser that logged in before: in without a proof, even from a stranger's address.
    const back = await loginThroughForm(app, user.email, TEST_PASSWORD, {
      ip: strangers[4] ?? '',
      cookie: earlier.device,
    });
    expect(back.status).toBe(303);
    // The owner's logins did not reopen the door for the strangers' addresses.
    const still = await loginThroughForm(app, user.email, TEST_PASSWORD, {
      ip: strangers[1] ?? '',
    });
    expect(still.status).toBe(429);
  });

  it('stops a guesser at one address; "log out everywhere" revokes remembered browsers; an admin clears the lock', async () => {
    const user = await makeStaff(app.db, 'kontributor', { name: 'Sari Terkunci' });
    const old = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });
    const home = await app.server.inject({
      method: 'GET',
      url: '/newsroom/akun',
      headers: { cookie: old.cookie },
    });
    const out = await app.server.inject({
      method: 'POST',
      url: '/newsroom/keluar-semua',
      headers: { ...FORM, cookie: old.cookie },
      payload: form({ _csrf: csrfFromHtml(home.body) }),
    });
    expect(out.statusCode).toBe(303);
    expect(setCookies(out).warta_device).toBe('');
    const current = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: nextIp() });

    const ip = nextIp();
    for (let i = 0; i < 3; i++)
      expect((await loginThroughForm(app, user.email, `tebakan-${i}`, { ip })).status).toBe(401);
    // From the fourth failure on, each guess costs a proof of work.
    const unproven = await loginThroughForm(app, user.email, 'tebakan-3', { ip });
    expect(unproven.status).toBe(429);
    expect(unproven.body).toContain(ASKS_PROOF);
    for (let i = 3; i < 5; i++) {
      const r = await loginThroughForm(app, user.email, `tebakan-${i}`, { ip, proof: true });
      expect(r.status).toBe(401);
    }
    const stopped = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip, proof: true });
    expect(stopped.status).toBe(429);
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(800);
    // The browser from before "log out everywhere" is not remembered any more; today's is.
    const revoked = await loginThroughForm(app, user.email, TEST_PASSWORD, {
      ip,
      cookie: old.device,
    });
    expect(revoked.status).toBe(429);
    const remembered = await loginThroughForm(app, user.email, TEST_PASSWORD, {
      ip,
      cookie: current.device,
    });
    expect(remembered.status).toBe(303);

    // The admin sees the account in "Kunci masuk" and clears it; nobody else may.
    const admin = await loginAs(app, 'admin');
    const page = await app.server.inject({
      method: 'GET',
      url: '/newsroom/staf',
      headers: { cookie: admin.cookie },
    });
    expect(page.statusCode).toBe(200);
    const section = page.body.slice(page.body.indexOf('id="kunci-masuk"'));
    expect(section).toContain('Kunci masuk');
    expect(section).toMatch(
      /Sari Terkunci<\/td><td[^>]*>Kata sandi<\/td><td[^>]*>5 <span class="nr-badge">Dalam tekanan/,
    );
    const url = `/newsroom/staf/${user.id}/buka-kunci`;
    expect(section).toContain(`action="${url}"`);
    const editor = await loginAs(app, 'redaktur');
    const post = (who: { cookie: string }, fields: Record<string, string>) =>
      app.server.inject({
        method: 'POST',
        url,
        headers: { ...FORM, cookie: who.cookie },
        payload: form(fields),
      });
    expect((await post(editor, { _csrf: editor.csrf })).statusCode).toBe(403);
    expect((await post(admin, {})).statusCode).toBe(403);
    expect((await loginThroughForm(app, user.email, TEST_PASSWORD, { ip })).status).toBe(429);
    const cleared = await post(admin, { _csrf: admin.csrf });
    expect(cleared.statusCode).toBe(303);
    expect(cleared.headers.location).toBe(`/newsroom/staf?ok=unlocked&id=${user.id}`);
    const audit = await app.db.kysely
      .selectFrom('audit_log')
      .select(['actor_id', 'target'])
      .where('action', '=', 'login.unlocked')
      .execute();
    expect(audit).toEqual([{ actor_id: admin.user.id, target: `user:${user.id}` }]);
    // Cleared: the address that failed may log in again, without a proof.
    expect((await loginThroughForm(app, user.email, TEST_PASSWORD, { ip })).status).toBe(303);
  });

  it('applies the same rules to 2FA codes', async () => {
    const user = await makeStaff(app.db, 'redaktur');
    const secret = await beginEnrolment(app.db, user.id);
    await confirmEnrolment(app.db, user.id, totpCode(secret));
    /** The password step from `ip` (strangers know the password): a session waiting for a code. */
    const pending = async (ip: string) => {
      const login = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip });
      expect(login.location).toMatch(/^\/newsroom\/masuk\/kode/);
      return login.cookie;
    };
    /** One code sent with a pending session from `ip`. */
    const code = async (cookie: string, ip: string, value: string, proof = false) => {
      const page = await app.server.inject({
        method: 'GET',
        url: '/newsroom/masuk/kode',
        headers: { cookie, 'x-forwarded-for': ip },
      });
      return app.server.inject({
        method: 'POST',
        url: '/newsroom/masuk/kode',
        headers: { ...FORM, cookie, 'x-forwarded-for': ip },
        payload: form({
          _csrf: csrfFromHtml(page.body),
          code: value,
          ...(proof ? { altcha: await loginProof(app) } : {}),
        }),
      });
    };
    const asBrowserCode = async (cookie: string, ip: string, value: string) => {
      const first = await code(cookie, ip, value);
      return first.statusCode === 429 && first.body.includes(ASKS_PROOF)
        ? code(cookie, ip, value, true)
        : first;
    };
    const theirs = await pending(nextIp());
    const strangers = Array.from({ length: 5 }, nextIp);
    for (const ip of strangers)
      expect((await asBrowserCode(theirs, ip, '000000')).statusCode).toBe(401);
    const next = totpCode(secret, Date.now() + 30_000);
    const held = await code(theirs, strangers[0] ?? '', next, true);
    expect(held.statusCode).toBe(429);
    expect(held.body).toMatch(/Terlalu banyak kode salah/);
    const ownIp = nextIp();
    const owner = await asBrowserCode(await pending(ownIp), ownIp, next);
    expect(owner.statusCode).toBe(303);
    expect(setCookies(owner).warta_device).toBeTruthy();
  });
});
