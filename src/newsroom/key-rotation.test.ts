import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../test/helpers.ts';
import { form } from '../../test/newsroom-http.ts';
import { loginAs } from '../../test/staff.ts';
import { type App, buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';

const OLD_KEY = 'the-old-secret-key-of-thirty-two-characters';
const NEW_KEY = 'the-new-secret-key-of-thirty-two-characters';

/** Two processes' worth of Warta on one database, as during a rolling key rotation. */
describe('rotating SECRET_KEY with SECRET_KEY_PREVIOUS', () => {
  let t: TestDb;
  const apps: App[] = [];

  async function serverWith(secretKey: string, previousSecretKey = ''): Promise<App> {
    const config = loadConfig(
      {},
      {
        databaseUrl: t.url,
        mediaDir: `${t.url.replace(/^sqlite:/, '')}-media`,
        logLevel: 'silent',
        pageCacheTtl: 0,
        secretKey,
        previousSecretKey,
      },
    );
    const app = await buildApp(config, { db: t.db });
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    t = await freshDb('sqlite');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await t?.dispose();
  });

  it('accepts a form made with the previous key, and refuses it once that key is gone', async () => {
    const before = await serverWith(OLD_KEY);
    const { cookie, csrf: oldToken } = await loginAs(before, 'wartawan');

    const post = (app: App) =>
      app.server.inject({
        method: 'POST',
        url: '/newsroom/keluar-semua',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        payload: form({ _csrf: oldToken }),
      });

    const afterRotation = await serverWith(NEW_KEY);
    expect((await post(afterRotation)).statusCode).toBe(403);

    const during = await serverWith(NEW_KEY, OLD_KEY);
    const res = await post(during);
    expect(res.statusCode).toBe(303);
    // New forms carry the new key's token.
    const fresh = await during.server.inject({ url: '/newsroom/masuk' });
    expect(fresh.statusCode).toBe(200);
  });

  it('refuses a previous key too short to be one', () => {
    expect(() => loadConfig({}, { secretKey: NEW_KEY, previousSecretKey: 'short' })).toThrow(
      /SECRET_KEY_PREVIOUS must be empty or the former SECRET_KEY/,
    );
  });
});
