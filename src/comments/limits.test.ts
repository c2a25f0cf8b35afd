import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commentableArticle,
  fields,
  postComment,
  setSettings,
  storedComments,
  tokenFor,
} from '../../test/comments-kit.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { loginAs } from '../../test/staff.ts';
import { BROWSER_COOKIE } from './browser-cookie.ts';
import { encodePayload, solveChallenge } from './captcha.ts';
import { DEFAULT_SETTINGS, loadSettings, NUMBER_SETTINGS } from './settings.ts';

/** The browser cookie a response sets, as a Cookie header value ('' when none). */
function browserCookie(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return all.find((c) => c.startsWith(`${BROWSER_COOKIE}=`))?.split(';')[0] ?? '';
}

/**
 * Readers on one mobile carrier share a public address (carrier NAT): the
 * per-address limits are loose settings, the tight ones are per email and per
 * browser, and every comment pays its own proof of work.
 */
describe.each(DIALECTS)('comment limits and shared addresses (%s)', (dialect) => {
  let app: TestApp;
  let a: Awaited<ReturnType<typeof commentableArticle>>;
  const ip = '10.99.0.1';
  beforeAll(async () => {
    app = await testApp(dialect);
    // The default limits; only the proof of work is made cheap, and everyone trusted.
    await setSettings(app, { trustAfter: 0 });
    a = await commentableArticle(app);
  });
  afterAll(() => app.dispose());

  /** A reader on the shared address: fetches and solves their own challenge, then posts. */
  async function post(over: Record<string, unknown>, cookie = '') {
    const challenge = await app.server.inject({
      url: `/komentar/tantangan?artikel=${a.id}`,
      headers: { 'x-forwarded-for': ip, accept: 'application/json', ...(cookie ? { cookie } : {}) },
    });
    expect(challenge.statusCode).toBe(200);
    const altcha = encodePayload(challenge.json(), await solveChallenge(challenge.json()));
    return postComment(app, a.action, fields(tokenFor(app, a.id), { altcha, ...over }), {
      ip,
      json: true,
      cookie,
    });
  }

  it('20 readers on one address within a minute all get through; one flooder gets 429', async () => {
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      const res = await post({ email: `pembaca.nat${i}.${dialect}@contoh.id` });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().status).toBe('approved');
      expect(browserCookie(res)).not.toBe('');
    }
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(await storedComments(app, a.id)).toHaveLength(20);

    // The flooder keeps their browser: a new email does not help.
    const email = `banjir.${dialect}@contoh.id`;
    const first = await post({ email });
    expect(first.statusCode).toBe(201);
    const cookie = browserCookie(first);
    const again = await post({ email: `banjir2.${dialect}@contoh.id` }, cookie);
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(10);
    expect(again.json()).toMatchObject({ error: 'COMMENT_RATE_LIMITED' });
    expect(again.json().message).toMatch(
      /^Anda mengirim komentar terlalu cepat\. Coba lagi dalam 1[0-5] detik\.$/,
    );
    // Dropping the cookie does not help with the same email.
    const sameEmail = await post({ email, body: 'Tanpa kuki, email yang sama.' });
    expect(sameEmail.statusCode).toBe(429);
    // The page (no JavaScript) says so at the form and keeps the text.
    const page = await postComment(
      app,
      a.action,
      fields(tokenFor(app, a.id), { email, body: 'Teks si pembanjir tetap ada' }),
      { ip, cookie },
    );
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('Anda mengirim komentar terlalu cepat.');
    expect(page.body).toContain('>Teks si pembanjir tetap ada</textarea>');
    expect(await storedComments(app, a.id)).toHaveLength(21);
    // The cookie is no identity on its own: a forged one counts as none.
    const forged = await post(
      { email: `lain.${dialect}@contoh.id` },
      `${BROWSER_COOKIE}=${'0'.repeat(6)}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
    );
    expect(forged.statusCode).toBe(201);
  });

  it('the per-address limits are settings: shown, validated with a message per field, and applied', async () => {
    const admin = await loginAs(app, 'admin');
    const headers = { cookie: admin.cookie };
    const form = await app.server.inject({ url: '/newsroom/komentar/pengaturan', headers });
    for (const key of ['addressPerMinute', 'addressPerHour', 'challengesPerMinute'] as const) {
      expect(form.body).toContain(`name="${key}"`);
      expect(form.body).toContain(`value="${DEFAULT_SETTINGS[key]}"`);
    }
    expect(form.body).toContain('NAT operator seluler');

    const bad = await app.server.inject({
      method: 'POST',
      url: '/newsroom/komentar/pengaturan',
      headers,
      payload: {
        _csrf: admin.csrf,
        mode: 'pre',
        addressPerMinute: '40',
        addressPerHour: '10',
        challengesPerMinute: 'banyak',
        ratePerHour: '20',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Pengaturan tidak valid');
    expect(bad.body).toMatch(
      /name="addressPerHour"[^>]*value="10" aria-invalid="true" aria-describedby="set-addressPerHour-error limits-help"/,
    );
    expect(bad.body).toContain(
      'id="set-addressPerHour-error">Tidak boleh lebih kecil dari &quot;Komentar per menit dari satu alamat IP&quot;.</span>',
    );
    expect(bad.body).toMatch(/name="challengesPerMinute"[^>]*value="banyak" aria-invalid="true"/);
    expect(bad.body).toContain(
      'id="set-challengesPerMinute-error">Isi bilangan bulat dari 1 sampai 10000.</span>',
    );
    // What was chosen stays chosen; nothing was saved.
    expect(bad.body).toMatch(/<option value="pre" selected>/);
    expect((await loadSettings(app.db.kysely)).addressPerMinute).toBe(30);

    const ok = await app.server.inject({
      method: 'POST',
      url: '/newsroom/komentar/pengaturan',
      headers,
      payload: { _csrf: admin.csrf, mode: 'post', addressPerMinute: '22', trustAfter: '0' },
    });
    expect(ok.statusCode).toBe(303);
    expect((await loadSettings(app.db.kysely)).addressPerMinute).toBe(22);
    // 22 comments came from the shared address in the last minute: the next reader waits,
    // and is told it is their network, not them.
    const busy = await post({ email: `pembaca.ke23.${dialect}@contoh.id` });
    expect(busy.statusCode).toBe(429);
    expect(busy.json().error).toBe('COMMENT_NETWORK_BUSY');
    expect(busy.json().message).toMatch(/^Banyak komentar dari jaringan internet Anda saat ini\./);
    // Another address is not affected.
    const elsewhere = await postComment(
      app,
      a.action,
      fields(tokenFor(app, a.id), { email: `pembaca.lain.${dialect}@contoh.id` }),
      { ip: '10.99.0.2', json: true },
    );
    expect(elsewhere.statusCode).toBe(201);
  });

  it('every number setting is on the settings form', () => {
    const numbers = Object.entries(DEFAULT_SETTINGS)
      .filter(([, v]) => typeof v === 'number')
      .map(([k]) => k);
    expect([...NUMBER_SETTINGS].sort()).toEqual(numbers.sort());
  });
});
