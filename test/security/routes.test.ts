import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNewsroomUrl } from '../../src/newsroom/auth-shared.ts';
import { type TestApp, testApp } from '../helpers.ts';
import { ASSET_URL, ROUTES, STATE_CHANGING } from './routes-table.ts';

/**
 * The route inventory: every route the app registers is declared in
 * routes-table.ts with its CSRF protection and who may call it, and every
 * declared route still exists. csrf.test.ts and roles.test.ts then call each one.
 */
describe('route inventory', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp('sqlite');
  });
  afterAll(() => app.dispose());

  const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

  it('declares every registered route, and nothing that is gone', () => {
    const registered = new Set(app.routes.map(key));
    const undeclared = app.routes
      .filter((r) => r.method !== 'HEAD')
      .filter((r) => !(key(r) in ROUTES) && !(r.method === 'GET' && ASSET_URL.test(r.url)))
      .map((r) => `${key(r)} — new route: declare its protection and role in routes-table.ts`);
    expect(undeclared).toEqual([]);
    const gone = Object.keys(ROUTES)
      .filter((k) => !registered.has(k))
      .map((k) => `${k} — declared in routes-table.ts but no longer registered`);
    expect(gone).toEqual([]);
    // HEAD is only ever the automatic twin of a GET (same hooks, no body).
    const lonelyHead = app.routes
      .filter((r) => r.method === 'HEAD' && !registered.has(`GET ${r.url}`))
      .map(key);
    expect(lonelyHead).toEqual([]);
    expect(app.routes.length).toBeGreaterThan(100);
    const methods = app.routes.filter((r) => r.method !== 'HEAD');
    console.log(
      `routes: ${app.routes.length} registered (${methods.length} without the automatic HEADs), ` +
        `${methods.filter((r) => STATE_CHANGING.has(r.method)).length} state-changing, ` +
        `${methods.filter((r) => isNewsroomUrl(r.url)).length} under /newsroom`,
    );
  });

  it('matches each declaration with the route’s own configuration', () => {
    const wrong: string[] = [];
    for (const r of app.routes) {
      const rule = ROUTES[key(r)];
      if (!rule) continue;
      const newsroom = isNewsroomUrl(r.url);
      const changes = STATE_CHANGING.has(r.method);
      const c = r.config;
      if (changes && !rule.csrf) wrong.push(`${key(r)}: state-changing without a CSRF rule`);
      if (!changes && rule.csrf) wrong.push(`${key(r)}: a CSRF rule on a reading route`);
      if (newsroom) {
        if (!rule.make) wrong.push(`${key(r)}: newsroom route without a call to test it with`);
        if ((c.newsroomPublic === true) !== (rule.who === 'anyone'))
          wrong.push(`${key(r)}: newsroomPublic=${c.newsroomPublic} but who=${rule.who}`);
        if ((c.csrfOnlyWithSession === true) !== (rule.csrf === 'session-if-any'))
          wrong.push(`${key(r)}: csrfOnlyWithSession does not match the declared rule`);
        if (changes && typeof rule.csrf === 'object')
          wrong.push(`${key(r)}: a newsroom route cannot opt out of the session CSRF check`);
        if (rule.csrf === 'pre-session' && rule.who !== 'anyone')
          wrong.push(`${key(r)}: a pre-session form must be reachable before login`);
      } else {
        if (rule.who !== 'anyone') wrong.push(`${key(r)}: outside /newsroom nobody is logged in`);
        if (changes && typeof rule.csrf !== 'object')
          wrong.push(
            `${key(r)}: outside /newsroom the auth layer checks no token: declare its own`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });
});
