import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { isDisposableEmail } from './disposable.ts';
import { checkFormToken, FORM_MAX_AGE_MS, formToken } from './form-token.ts';
import { bodyHash, decryptEmail, emailHash, encryptEmail, ipHash } from './hashing.ts';
import { PENDING_COOKIE, pendingIdsOf, rememberPending } from './pending-cookie.ts';
import { commentsOpen, DEFAULT_SETTINGS, modeFor } from './settings.ts';
import { invalidUtf8Fields } from './utf8.ts';
import { parseWordList } from './word-lists.ts';

const S = 'small-parts-secret-of-at-least-32-characters';

describe('keyed hashes and the sealed reply address', () => {
  it('hashes emails case-insensitively, per purpose, never in the clear', () => {
    expect(emailHash(S, ' Ani@Contoh.ID ')).toBe(emailHash(S, 'ani@contoh.id'));
    expect(emailHash(S, 'ani@contoh.id')).not.toContain('ani');
    expect(emailHash(S, '10.0.0.1')).not.toBe(ipHash(S, '10.0.0.1'));
    expect(emailHash('another-secret-of-at-least-32-chars!!', 'ani@contoh.id')).not.toBe(
      emailHash(S, 'ani@contoh.id'),
    );
    expect(bodyHash('Halo  Dunia')).toBe(bodyHash('halo dunia'));
  });
  it('encrypts the reply address; tampering or another secret yields nothing', () => {
    const sealed = encryptEmail(S, 'Ani@contoh.id');
    expect(sealed).not.toContain('contoh');
    expect(decryptEmail(S, sealed)).toBe('ani@contoh.id');
    expect(decryptEmail('another-secret-of-at-least-32-chars!!', sealed)).toBeNull();
    expect(decryptEmail(S, `${sealed.slice(0, -2)}AA`)).toBeNull();
  });
});

describe('pending cookie', () => {
  /** A bare server with the cookie plugin: one route remembers an id, one lists them. */
  async function server(secret = S) {
    const app = Fastify();
    await app.register(cookie, { secret });
    app.post<{ Params: { id: string } }>('/ingat/:id', (req, reply) => {
      rememberPending(req, reply, 'https://contoh.id', Number(req.params.id));
      return reply.send('ok');
    });
    app.get('/milik', (req) => pendingIdsOf(req));
    return app;
  }
  const cookieFrom = (res: { headers: Record<string, unknown> }) =>
    String(res.headers['set-cookie']).split(';')[0] as string;

  it('round-trips signed ids, keeps the newest 20, refuses tampering and another key', async () => {
    const app = await server();
    let cookie = '';
    for (const id of [3, 5, 5, 9]) {
      const res = await app.inject({ method: 'POST', url: `/ingat/${id}`, headers: { cookie } });
      cookie = cookieFrom(res);
      expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; Secure; SameSite=Lax/);
    }
    expect((await app.inject({ url: '/milik', headers: { cookie } })).json()).toEqual([3, 5, 9]);
    const tampered = cookie.replace(`${PENDING_COOKIE}=3`, `${PENDING_COOKIE}=4`);
    expect((await app.inject({ url: '/milik', headers: { cookie: tampered } })).json()).toEqual([]);
    const junk = `${PENDING_COOKIE}=junk`;
    expect((await app.inject({ url: '/milik', headers: { cookie: junk } })).json()).toEqual([]);
    const other = await server('another-secret-of-at-least-32-chars!!');
    expect((await other.inject({ url: '/milik', headers: { cookie } })).json()).toEqual([]);
    for (let id = 10; id < 40; id++) {
      cookie = cookieFrom(
        await app.inject({ method: 'POST', url: `/ingat/${id}`, headers: { cookie } }),
      );
    }
    expect((await app.inject({ url: '/milik', headers: { cookie } })).json()).toHaveLength(20);
  });
});

describe('form token', () => {
  it('binds the article and the render time', () => {
    const now = Date.now();
    expect(checkFormToken(S, formToken(S, 4, now - 5000), 4, 3000, now)).toBe('ok');
    expect(checkFormToken(S, formToken(S, 4, now - 1000), 4, 3000, now)).toBe('too-fast');
    expect(checkFormToken(S, formToken(S, 4, now - FORM_MAX_AGE_MS - 1), 4, 3000, now)).toBe(
      'expired',
    );
    expect(checkFormToken(S, formToken(S, 4, now + 120_000), 4, 0, now)).toBe('invalid');
    expect(checkFormToken(S, '', 4, 0, now)).toBe('missing');
  });
});

describe('settings', () => {
  it('closes comments by the article switch or after N days', () => {
    const now = Date.now();
    const a = { commentsOpen: true, publishedAt: now - 10 * 86_400_000 };
    expect(commentsOpen(DEFAULT_SETTINGS, a, now)).toBe(true);
    expect(commentsOpen({ ...DEFAULT_SETTINGS, closeAfterDays: 7 }, a, now)).toBe(false);
    expect(commentsOpen({ ...DEFAULT_SETTINGS, closeAfterDays: 14 }, a, now)).toBe(true);
    expect(commentsOpen(DEFAULT_SETTINGS, { ...a, commentsOpen: false }, now)).toBe(false);
  });
  it('takes the section mode over the site mode', () => {
    expect(modeFor({ ...DEFAULT_SETTINGS, sectionModes: { '2': 'pre' } }, [3, 2])).toBe('pre');
    expect(modeFor(DEFAULT_SETTINGS, [3])).toBe('post');
  });
});

describe('small helpers', () => {
  it('finds invalid UTF-8 in form and JSON bodies', () => {
    const form = 'application/x-www-form-urlencoded';
    expect(invalidUtf8Fields(Buffer.from('body=%E2%9C%93&name=Ani'), form)).toEqual([]);
    expect(invalidUtf8Fields(Buffer.from('body=%FF%FE&name=Ani'), form)).toEqual(['body']);
    expect(invalidUtf8Fields(Buffer.from('name=%C3%28'), form)).toEqual(['name']);
    expect(invalidUtf8Fields(Buffer.from([0x7b, 0xff, 0x7d]), 'application/json')).toEqual(['*']);
  });
  it('parses word lists and knows disposable domains', () => {
    expect(parseWordList(' judi \nJUDI\n\njud1\nslot ')).toEqual(['judi', 'slot']);
    expect(isDisposableEmail('a@sub.mailinator.com')).toBe(true);
    expect(isDisposableEmail('a@contoh.id')).toBe(false);
  });
});
