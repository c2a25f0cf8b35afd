import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { PrivateRedis } from '../../test/support/private-redis.ts';
import { SUGGEST_RATE_LIMIT } from '../discovery/routes.ts';
import { type CachedPage, NEAR_MS, RedisStore } from './store.ts';

async function until(check: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs `fn` and returns how long it took in milliseconds. */
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function page(body: string, keys: string[]): CachedPage {
  const now = Date.now();
  return {
    status: 200,
    headers: [['content-type', 'text/html']],
    etag: `W/"${body}"`,
    identity: Buffer.from(body),
    gzip: Buffer.from(body),
    br: Buffer.from(body),
    keys,
    storedAt: now,
    freshUntil: now + 60_000,
    staleUntil: now + 60_000,
  };
}

// Before this change, with Redis gone each page waited on queued commands
// (0.8 s, 2.6 s, 4.4 s) and a purge took 2.9 s. A refused command answers at
// once and a hung one within 250 ms: one second is a generous ceiling.
const FAST_MS = 1000;

describe('the Redis page cache when Redis fails', () => {
  let redis: PrivateRedis;
  let store: RedisStore;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    store = new RedisStore(redis.url, 'warta:outage:');
  });

  afterAll(async () => {
    redis.thaw();
    await store.close();
    await redis.kill();
  });

  it('misses at once while Redis hangs, and never serves a page a purge missed', async () => {
    await until(async () => {
      await store.set('/a', page('A', ['article-1']));
      return (await store.get('/a')) !== undefined;
    }, 'the store to connect');

    redis.freeze();
    // Just read: this process still holds it near, and a purge removes it there at once.
    expect((await store.get('/a'))?.identity.toString()).toBe('A');
    await store.set('/n', page('N', ['article-2']));
    expect(await timed(() => store.purgeKeys(['article-2']))).toBeLessThan(FAST_MS);
    expect(await store.get('/n')).toBeUndefined();
    // Past the near window, a hung Redis is a miss at once.
    await new Promise((r) => setTimeout(r, NEAR_MS + 100));
    expect(await timed(() => store.get('/a'))).toBeLessThan(FAST_MS);
    expect(await store.get('/a')).toBeUndefined();
    // The purge cannot reach Redis: it is owed.
    expect(await timed(() => store.purgeKeys(['article-1']))).toBeLessThan(FAST_MS);

    redis.thaw();
    // Redis still holds the old page, but the store settles its purge first.
    expect(await store.get('/a')).toBeUndefined();
    // (A reconnection after the thaw starts one more generation: store until it holds.)
    await until(async () => {
      await store.set('/a', page('A2', ['article-1']));
      return (await store.get('/a'))?.identity.toString() === 'A2';
    }, 'the store to keep pages again');
  });

  it('misses at once while Redis is down and works again when it is back', async () => {
    await redis.kill();
    await new Promise((r) => setTimeout(r, NEAR_MS + 100));
    const elapsed = await timed(async () => {
      expect(await store.get('/a')).toBeUndefined();
      await store.set('/b', page('B', ['home']));
      await store.purgeKeys(['home']);
      await store.purgeAll();
    });
    expect(elapsed).toBeLessThan(FAST_MS);

    await redis.start();
    await until(async () => {
      await store.set('/b', page('B', ['home']));
      return (await store.get('/b')) !== undefined;
    }, 'the store to reconnect');
  });
});

describe('a Warta server whose Redis dies mid-run', () => {
  let redis: PrivateRedis;
  let app: TestApp;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    app = await testApp('sqlite', { cacheUrl: redis.url, pageCacheTtl: 600 });
  });

  afterAll(async () => {
    await app?.dispose();
    await redis.kill();
  });

  it('serves pages as cache misses, shows a publish at once and still limits a flood', async () => {
    const section = await makeSection(app.db);
    const first = await publishedArticle(app.db, section.id, {
      headline: 'Jembatan Tukad Unda dibuka',
    });
    await until(async () => {
      await app.server.inject({ url: '/' });
      return (await app.server.inject({ url: '/' })).headers['x-cache'] === 'HIT';
    }, 'the home page to be cached');

    // (A hit may come from this process's memory before Redis answers: wait for Redis itself.)
    await until(
      async () => (await app.server.inject({ url: '/readyz' })).json().checks.cache === 'ok',
      'Redis to answer',
    );
    expect((await app.server.inject({ url: '/readyz' })).json()).toEqual({
      ok: true,
      checks: { database: 'ok', cache: 'ok', storage: 'ok' },
    });

    await redis.kill();
    // Pages read in the last NEAR_MS are still at hand in this process; after that, misses.
    await new Promise((r) => setTimeout(r, NEAR_MS + 100));
    // Ready but degraded (the shared cache is gone), alive, and still serving readers.
    const ready = await app.server.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      ok: true,
      checks: { database: 'ok', cache: 'failed', storage: 'ok' },
      degraded: ['cache'],
    });
    expect((await app.server.inject({ url: '/healthz' })).statusCode).toBe(200);
    const home = await app.server.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.headers['x-cache']).toBe('MISS');
    expect(home.body).toContain(first.headline);

    const second = await publishedArticle(
      app.db,
      section.id,
      { headline: 'Pasar Badung buka sampai malam' },
      undefined,
      app.events,
    );
    expect((await app.server.inject({ url: '/' })).body).toContain(second.headline);

    // Rate limits fall back to this process's own count: a flood is still stopped.
    const statuses: number[] = [];
    for (let i = 0; i <= SUGGEST_RATE_LIMIT.max; i++) {
      const res = await app.server.inject({
        url: '/cari/saran?q=jembatan',
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, SUGGEST_RATE_LIMIT.max).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
