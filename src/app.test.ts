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
