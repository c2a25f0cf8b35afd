import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { touchArticle } from '../content/commands.ts';
import { createStore, MemoryStore } from './store.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const STORES = ['memory', REDIS_URL];

describe.each(STORES)('page cache store %s', (url) => {
  const store = createStore(url, `warta:test:${process.pid}:${Math.random()}:`);
  afterAll(() => store.close());
  const page = (body: string) => ({
    status: 200,
    contentType: 'text/html',
    body,
    storedAt: Date.now(),
  });

  it('keeps, expires and purges pages', async () => {
    await store.set('/a', page('A'), 10_000);
    await store.set('/b', page('B'), 30);
    expect((await store.get('/a'))?.body).toBe('A');
    await new Promise((r) => setTimeout(r, 60));
    expect(await store.get('/b')).toBeUndefined();
    await store.purgeAll();
    expect(await store.get('/a')).toBeUndefined();
    await store.set('/a', page('A2'), 10_000);
    expect((await store.get('/a'))?.body).toBe('A2');
  });
});

describe('page cache in memory', () => {
  it('holds at most its byte budget however many distinct URLs are cached', async () => {
    // 3,000 distinct URLs (`/?page=N` each caches a copy of the home page) of 40,000
    // characters: the entry cap (2,000) alone would keep 160 MB of strings.
    const store = new MemoryStore();
    const body = 'x'.repeat(40_000);
    for (let i = 0; i < 3000; i++) {
      await store.set(
        `/?page=${i}`,
        { status: 200, contentType: 'text/html', body, storedAt: 0 },
        60_000,
      );
    }
    let kept = 0;
    for (let i = 0; i < 3000; i++) if (await store.get(`/?page=${i}`)) kept++;
    expect(kept * body.length * 2).toBeLessThanOrEqual(32 * 1024 * 1024);
    expect(kept).toBeGreaterThan(300);
    // The newest pages are the ones kept; the size it reports is what it holds.
    expect(await store.get('/?page=2999')).toBeDefined();
    expect(store.size.entries).toBe(kept);
    expect(store.size.bytes).toBeLessThanOrEqual(32 * 1024 * 1024);
    // A page larger than the whole budget is not kept, and evicts nothing.
    const small = new MemoryStore(10, 1000);
    await small.set(
      '/a',
      { status: 200, contentType: 'text/html', body: 'a', storedAt: 0 },
      60_000,
    );
    await small.set('/b', { status: 200, contentType: 'text/html', body, storedAt: 0 }, 60_000);
    expect(await small.get('/b')).toBeUndefined();
    expect(await small.get('/a')).toBeDefined();
  });
});

describe.each(STORES)('page cache in the app with %s', (cacheUrl) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp('sqlite', { cacheUrl, pageCacheTtl: 60 });
    // Each run starts from an empty cache, also in a Redis shared with earlier runs.
    await app.events.emit('article.updated', { articleId: 0 });
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('serves repeat views from the cache and purges when an article changes', async () => {
    const s = await makeSection(app.db, 'Ekonomi');
    const a = await publishedArticle(
      app.db,
      s.id,
      { headline: 'Harga cabai naik lagi' },
      Date.now() - 3_600_000,
      app.events,
    );
    const first = await app.server.inject({ url: `/${s.slug}` });
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await app.server.inject({ url: `/${s.slug}` });
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toBe(first.body);

    await touchArticle(app.db.kysely, app.events, a.id, { headline: 'Harga cabai turun lagi' });
    const third = await app.server.inject({ url: `/${s.slug}` });
    expect(third.headers['x-cache']).toBe('MISS');
    expect(third.body).toContain('Harga cabai turun lagi');
  });

  it('ignores unknown query parameters and encoded newsroom paths', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await app.server.inject({ url: `/?sampah=${i}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-cache']).toBeUndefined();
    }
    await app.server.inject({ url: '/%6Eewsroom' });
    expect((await app.server.inject({ url: '/%6Eewsroom' })).headers['x-cache']).toBeUndefined();
    // Known parameters in another order share one entry.
    await app.server.inject({ url: '/cari?q=air&page=1' });
    expect((await app.server.inject({ url: '/cari?page=1&q=air' })).headers['x-cache']).toBe('HIT');
  });

  it('never caches errors or requests that carry a Warta cookie', async () => {
    await app.server.inject({ url: '/tidak-ada' });
    expect((await app.server.inject({ url: '/tidak-ada' })).headers['x-cache']).toBeUndefined();
    const withCookie = { cookie: 'warta_session=abc' };
    await app.server.inject({ url: '/', headers: withCookie });
    const again = await app.server.inject({ url: '/', headers: withCookie });
    expect(again.headers['x-cache']).toBeUndefined();
  });
});
