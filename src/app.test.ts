import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test/helpers.ts';
import { loginThroughForm } from '../test/newsroom-http.ts';

/** The address hashes of the last `n` failed logins in the audit log. */
async function failedLoginAddresses(app: TestApp, n: number): Promise<string[]> {
  const rows = await app.db.kysely
    .selectFrom('audit_log')
    .select('ip_hash')
    .where('action', '=', 'login.failed')
    .orderBy('id', 'desc')
    .limit(n)
    .execute();
  return rows.map((r) => String(r.ip_hash));
}

describe('client addresses', () => {
  let direct: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    direct = await testApp('sqlite', { trustProxy: '' });
    proxied = await testApp('sqlite', { trustProxy: '127.0.0.1' });
  });
  afterAll(async () => {
    await direct?.dispose();
    await proxied?.dispose();
  });

  it('ignores X-Forwarded-For unless the sender is a configured proxy', async () => {
    for (const ip of ['203.0.113.1', '203.0.113.2']) {
      await loginThroughForm(direct, 'siapa@warta.test', 'salah-sandi-123', { ip });
      await loginThroughForm(proxied, 'siapa@warta.test', 'salah-sandi-123', { ip });
    }
    const [a, b] = await failedLoginAddresses(direct, 2);
    expect(a).toBe(b);
    const [c, d] = await failedLoginAddresses(proxied, 2);
    expect(c).not.toBe(d);
  });
});

describe('server errors', () => {
  it('logs the underlying cause of a 500 and shows the reader only the catalog message', async () => {
    const lines: string[] = [];
    const app = await testApp(
      'sqlite',
      { logLevel: 'error' },
      { logStream: { write: (l) => lines.push(l) } },
    );
    try {
      app.server.get('/rusak', async () => {
        throw new Error('disk on fire at /var/lib/warta');
      });
      const res = await app.server.inject({ method: 'GET', url: '/rusak' });
      expect(res.statusCode).toBe(500);
      expect(res.body).toContain('Terjadi kesalahan di server kami');
      expect(res.body).not.toContain('disk on fire');
      const logged = lines.map((l) => JSON.parse(l));
      const failed = logged.find((l) => l.msg === 'request failed');
      expect(failed?.err?.message).toBe('disk on fire at /var/lib/warta');
      expect(failed?.err?.stack).toContain('app.test.ts');
    } finally {
      await app.dispose();
    }
  });

  it('logs one line per request, and cache hits only as a sample (LOG_HIT_SAMPLE)', async () => {
    for (const logHitSample of [0, 1]) {
      const lines: string[] = [];
      const app = await testApp(
        'sqlite',
        { logLevel: 'info', pageCacheTtl: 60, logHitSample },
        { logStream: { write: (l) => lines.push(l) } },
      );
      try {
        const logged = () => lines.map((l) => JSON.parse(l)).filter((l) => l.url === '/');
        await app.server.inject({ url: '/' });
        expect(logged().map((l) => [l.msg, l.status, l.cache])).toEqual([['request', 200, 'MISS']]);
        for (let i = 0; i < 5; i++) await app.server.inject({ url: '/' });
        const hits = logged().filter((l) => l.msg === 'cache hit');
        expect(hits).toHaveLength(logHitSample === 0 ? 0 : 5);
        expect(logged()).toHaveLength(1 + hits.length);
      } finally {
        await app.dispose();
      }
    }
  });

  it('keeps the cause when a route maps an unknown error to the catalog', async () => {
    const { toAppError, errorForLog } = await import('./lib/errors.ts');
    const original = new Error('sharp: pixel limit exceeded');
    const mapped = toAppError(original);
    expect(mapped.code).toBe('INTERNAL');
    expect(errorForLog(mapped)).toBe(original);
    expect(errorForLog(toAppError(mapped))).toBe(original);
  });
});
