import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { publishArticle, touchArticle, unpublishArticle } from '../content/publication.ts';
import { linkedArticleKeys } from './keys.ts';
import { type CachedPage, createStore, MemoryStore } from './store.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const STORES = ['memory', REDIS_URL];

function page(body: string, keys: string[] = [], ttlMs = 10_000): CachedPage {
  const now = Date.now();
  return {
    status: 200,
    headers: [['content-type', 'text/html']],
    etag: `W/"${body}"`,
    identity: Buffer.from(body),
    gzip: Buffer.from(`gz:${body.slice(0, 8)}`),
    br: Buffer.from(`br:${body.slice(0, 8)}`),
    keys,
    storedAt: now,
    freshUntil: now + ttlMs,
    staleUntil: now + ttlMs,
  };
}

describe.each(STORES)('page cache store %s', (url) => {
  const store = createStore(url, `warta:test:${process.pid}:${Math.random()}:`);
  afterAll(() => store.close());

  it('keeps the three bodies, expires, purges by key and purges everything', async () => {
    await store.set('/a', page('A', ['home', 'links-1']));
    await store.set('/b', page('B', ['section-2'], 30));
    await store.set('/c', page('C', ['links-1', 'section-2']));
    const a = await store.get('/a');
    expect(a?.identity.toString()).toBe('A');
    expect(a?.br.toString()).toBe('br:A');
    expect(a?.headers).toEqual([['content-type', 'text/html']]);
    await new Promise((r) => setTimeout(r, 60));
    expect(await store.get('/b')).toBeUndefined();
    await store.purgeKeys(['links-1']);
    expect(await store.get('/a')).toBeUndefined();
    expect(await store.get('/c')).toBeUndefined();
    await store.set('/d', page('D', ['tag-1']));
    await store.set('/e', page('E', ['tag-2']));
    await store.purgeKeys(['tag-2']);
    expect((await store.get('/d'))?.identity.toString()).toBe('D');
    await store.purgeAll();
    expect(await store.get('/d')).toBeUndefined();
  });
});

describe('page cache in memory', () => {
  it('holds at most its byte budget however many distinct URLs are cached', async () => {
    // 3,000 distinct URLs (`/?page=N` each caches a copy of the home page) of 40,000 bytes.
    const store = new MemoryStore();
    const body = 'x'.repeat(40_000);
    for (let i = 0; i < 3000; i++) await store.set(`/?page=${i}`, page(body, ['home']));
    let kept = 0;
    for (let i = 0; i < 3000; i++) if (await store.get(`/?page=${i}`)) kept++;
    expect(kept).toBeGreaterThan(300);
    expect(await store.get('/?page=2999')).toBeDefined();
    expect(store.size.entries).toBe(kept);
    expect(store.size.bytes).toBeLessThanOrEqual(32 * 1024 * 1024);
    // A page larger than the whole budget is not kept, and evicts nothing.
    const small = new MemoryStore(10, 1000);
    await small.set('/a', page('a'));
    await small.set('/b', page(body));
    expect(await small.get('/b')).toBeUndefined();
    expect(await small.get('/a')).toBeDefined();
    // Evicted pages leave no key index behind: a purge after eviction is harmless.
    await store.purgeKeys(['home']);
    expect(store.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('evicts the oldest page not read since it last came round (second chance)', async () => {
    const store = new MemoryStore(3);
    for (const key of ['/a', '/b', '/c']) await store.set(key, page(key));
    // Read: /a gets a second chance, so /b (older than /c, never read) goes first.
    expect(store.take('/a')).toBeDefined();
    await store.set('/d', page('/d'));
    expect(store.size.entries).toBe(3);
    expect(store.peek('/b')).toBeUndefined();
    expect(store.peek('/a')).toBeDefined();
    // /a was just read again; /c was never read.
    await store.set('/e', page('/e'));
    expect(store.peek('/c')).toBeUndefined();
    expect(store.peek('/a')).toBeDefined();
    expect(store.peek('/d')).toBeDefined();
    expect(store.peek('/e')).toBeDefined();
    // When every page was read, each loses its mark once and the oldest of them goes;
    // the page just stored stays.
    await store.set('/f', page('/f'));
    expect(store.size.entries).toBe(3);
    expect(store.peek('/d')).toBeUndefined();
    expect(store.peek('/f')).toBeDefined();
    expect(store.peek('/a')).toBeDefined();
  });
});

describe('cache helpers', () => {
  it('reads the articles a page links to, not archive or media links', () => {
    const html =
      '<a href="/bali/12/jalan-desa">x</a><a href="http://warta.test/bali/7/banjir#komentar">' +
      '<a href="/arsip/2024/10">a</a><img src="/media/3/foto-640.webp"><link>https://w.test/ekonomi/12/jalan-desa</link>';
    expect(linkedArticleKeys(html).sort()).toEqual(['links-12', 'links-7']);
  });
});

describe.each([
  ['sqlite', 'memory'],
  ['postgres', REDIS_URL],
] as const)('page cache in the app on %s with %s', (dialect, cacheUrl) => {
  let app: TestApp;
  let renders = 0;
  beforeAll(async () => {
    app = await testApp(dialect, { cacheUrl, pageCacheTtl: 60 });
    // A slow page that counts its renders: what a hundred simultaneous readers would cost.
    app.server.get('/uji-lambat', async (_req, reply) => {
      renders++;
      await new Promise((r) => setTimeout(r, 50));
      return reply.type('text/html; charset=utf-8').send(`<p>render ${renders}</p>`);
    });
    // A page whose render an editor's change overtakes: it may show the old data.
    app.server.get('/uji-balapan', async (_req, reply) => {
      const body = `<p>render ${++renders}</p>`;
      await new Promise((r) => setTimeout(r, 50));
      return reply.type('text/html; charset=utf-8').header('surrogate-key', 'home').send(body);
    });
    // Each run starts from an empty cache, also in a Redis shared with earlier runs.
    const shared = createStore(cacheUrl);
    await shared.purgeAll();
    await shared.close();
  });
  afterAll(async () => {
    await app?.dispose();
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.server.inject({ url, headers });

  it('answers from the cache with every encoding, an ETag, a 304 and the CDN headers', async () => {
    const s = await makeSection(app.db, 'Ekonomi');
    await publishedArticle(app.db, s.id, { headline: 'Harga cabai naik lagi' });
    const first = await get(`/${s.slug}`, { 'accept-encoding': 'identity' });
    expect(first.headers['x-cache']).toBe('MISS');
    const identity = first.body;
    expect(identity).toContain('Harga cabai naik lagi');
    const br = await get(`/${s.slug}`, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['x-cache']).toBe('HIT');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(identity);
    const gz = await get(`/${s.slug}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(identity);
    expect(Number(gz.headers['content-length'])).toBe(gz.rawPayload.length);
    const plain = await get(`/${s.slug}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(identity);
    // The replayed response carries the security headers and the caching headers.
    expect(plain.headers['content-security-policy']).toContain("default-src 'self'");
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.headers['cache-control']).toMatch(
      /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/,
    );
    expect(String(plain.headers['surrogate-key']).split(' ')).toContain(`section-${s.id}`);
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const notModified = await get(`/${s.slug}`, { 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect((await get(`/${s.slug}`, { 'if-none-match': 'W/"other"' })).statusCode).toBe(200);
    const head = await app.server.inject({ method: 'HEAD', url: `/${s.slug}` });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('purges what an article change touches and keeps unrelated pages', async () => {
    const bali = await makeSection(app.db, 'Bali');
    const olahraga = await makeSection(app.db, 'Olahraga');
    const a = await publishedArticle(
      app.db,
      bali.id,
      { headline: 'Subak Jatiluwih panen raya' },
      Date.now() - 3 * 86_400_000,
    );
    // Newer stories fill the "latest" boxes, so the unrelated article's page does not show this one.
    for (let i = 0; i < 8; i++) {
      await publishedArticle(app.db, olahraga.id, { headline: `Liga desa pekan ${i + 1}` });
    }
    const other = await publishedArticle(app.db, olahraga.id, { headline: 'Bali United menang' });
    const aUrl = `/${bali.slug}/${a.id}/${(await app.db.kysely.selectFrom('articles').select('slug').where('id', '=', a.id).executeTakeFirstOrThrow()).slug}`;
    const otherUrl = (await get(`/${olahraga.slug}/${other.id}`)).headers.location as string;
    for (const url of [aUrl, `/${bali.slug}`, '/', `/${olahraga.slug}`, otherUrl]) await get(url);
    expect((await get(otherUrl)).body).not.toContain(`/${a.id}/`);
    expect((await get(aUrl)).headers['x-cache']).toBe('HIT');

    // An edit: the article page, its section and the home page show it on the next request.
    await touchArticle(app.db.kysely, app.events, a.id, {
      headline: 'Subak Jatiluwih panen dua kali',
    });
    for (const url of [aUrl, `/${bali.slug}`, '/']) {
      const res = await get(url);
      expect(res.headers['x-cache'], url).toBe('MISS');
      expect(res.body, url).toContain('Subak Jatiluwih panen dua kali');
    }
    // A section the article is not in, and an unrelated article, stay cached.
    expect((await get(`/${olahraga.slug}`)).headers['x-cache']).toBe('HIT');
    expect((await get(otherUrl)).headers['x-cache']).toBe('HIT');

    // Unpublished: gone from its page and the lists at once; the unrelated section stays cached.
    await unpublishArticle(app.db.kysely, app.events, a.id);
    expect((await get(aUrl)).statusCode).toBe(404);
    expect((await get(`/${bali.slug}`)).body).not.toContain('Subak Jatiluwih');
    expect((await get('/')).body).not.toContain('Subak Jatiluwih');
    expect((await get(`/${olahraga.slug}`)).headers['x-cache']).toBe('HIT');

    // Published again: back on the next request.
    await publishArticle(app.db.kysely, app.events, a.id, Date.now() - 60_000);
    expect((await get(`/${bali.slug}`)).body).toContain('Subak Jatiluwih');
    expect((await get(aUrl)).statusCode).toBe(200);
    expect((await get(otherUrl)).headers['x-cache']).toBe('HIT');
  });

  it('purges only the article page when a comment appears', async () => {
    const s = await makeSection(app.db, 'Nusa Tenggara');
    const a = await publishedArticle(app.db, s.id, { headline: 'Festival tenun Sumba' });
    const aUrl = `/${s.slug}/${a.id}`;
    const full = (await get(aUrl)).headers.location as string;
    for (const url of [full, '/', `/${s.slug}`]) await get(url);
    await app.events.emit('comment.approved', { commentId: 1, articleId: a.id });
    expect((await get(full)).headers['x-cache']).toBe('MISS');
    expect((await get('/')).headers['x-cache']).toBe('HIT');
    expect((await get(`/${s.slug}`)).headers['x-cache']).toBe('HIT');
  });

  it('purges the home page, and only it, when the lead story changes', async () => {
    const s = await makeSection(app.db, 'Maluku');
    await get(`/${s.slug}`);
    await get('/');
    await app.events.emit('home.lead.changed', { articleId: null });
    expect((await get('/')).headers['x-cache']).toBe('MISS');
    expect((await get(`/${s.slug}`)).headers['x-cache']).toBe('HIT');
  });

  it('purges everything when sections or settings change (the menu is on every page)', async () => {
    await get('/');
    expect((await get('/')).headers['x-cache']).toBe('HIT');
    await app.events.emit('sections.changed', { sectionId: 1 });
    expect((await get('/')).headers['x-cache']).toBe('MISS');
    await app.events.emit('settings.changed', { scope: 'comments' });
    expect((await get('/')).headers['x-cache']).toBe('MISS');
  });

  it('never serves or stores a page for a staff session or a reader with a held comment', async () => {
    await get('/');
    for (const cookie of ['warta_session=abc', 'x=1; warta_pending=def']) {
      const res = await get('/', { cookie });
      expect(res.headers['x-cache']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('private, no-cache');
    }
  });

  it('never caches errors, unknown query parameters or encoded newsroom paths', async () => {
    await get('/tidak-ada');
    expect((await get('/tidak-ada')).headers['x-cache']).toBeUndefined();
    for (let i = 0; i < 3; i++) {
      const res = await get(`/?sampah=${i}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-cache']).toBeUndefined();
    }
    await get('/%6Eewsroom');
    expect((await get('/%6Eewsroom')).headers['x-cache']).toBeUndefined();
    // Known parameters in another order share one entry.
    await get('/cari?q=air&page=1');
    expect((await get('/cari?page=1&q=air')).headers['x-cache']).toBe('HIT');
  });

  it('does not keep a page rendered while a purge touched it', async () => {
    const racing = get('/uji-balapan');
    await new Promise((r) => setTimeout(r, 10));
    await app.events.emit('article.updated', { articleId: 0 });
    const raced = await racing;
    expect(raced.statusCode).toBe(200);
    expect(raced.headers['x-cache']).toBe('MISS');
    // Not kept: the next reader gets a fresh render, which is kept.
    expect((await get('/uji-balapan')).headers['x-cache']).toBe('MISS');
    expect((await get('/uji-balapan')).headers['x-cache']).toBe('HIT');
  });

  it('renders a hundred simultaneous misses once', async () => {
    const before = renders;
    const answers = await Promise.all(Array.from({ length: 100 }, () => get('/uji-lambat')));
    expect(renders - before).toBe(1);
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(answers.every((r) => r.statusCode === 200)).toBe(true);
    expect(answers.filter((r) => r.headers['x-cache'] === 'MISS')).toHaveLength(1);
  });
});

describe.each(STORES)('page cache over a real connection, %s', (cacheUrl) => {
  let app: TestApp;
  let base = '';
  /** Requests that reached Fastify's hooks: a page answered from the cache never does. */
  let reachedFastify = 0;
  beforeAll(async () => {
    app = await testApp('sqlite', { cacheUrl, pageCacheTtl: 60 });
    app.server.addHook('onRequest', async () => {
      reachedFastify++;
    });
    app.server.get('/uji-langsung', async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send(`<p>${'Kabar dari pesisir. '.repeat(100)}</p>`),
    );
    base = await app.server.listen({ port: 0, host: '127.0.0.1' });
    const shared = createStore(cacheUrl);
    await shared.purgeAll();
    await shared.close();
  });
  afterAll(async () => {
    await app?.dispose();
  });
  const get = async (headers: Record<string, string> = {}, method = 'GET') => {
    const before = reachedFastify;
    const res = await fetch(`${base}/uji-langsung`, { method, headers });
    const body = Buffer.from(await res.arrayBuffer());
    return { res, body, fastify: reachedFastify - before };
  };

  it('answers a cached page in the request listener, with the stored encodings, 304 and HEAD', async () => {
    const first = await get();
    expect(first.res.headers.get('x-cache')).toBe('MISS');
    expect(first.fastify).toBe(1);
    const hit = await get({ 'accept-encoding': 'br' });
    expect(hit.res.headers.get('x-cache')).toBe('HIT');
    expect(hit.fastify).toBe(0);
    // fetch decodes the body; the stored brotli bytes decode to the page.
    expect(hit.body.toString()).toBe(first.body.toString());
    expect(hit.res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const etag = hit.res.headers.get('etag') ?? '';
    const notModified = await get({ 'if-none-match': etag });
    expect(notModified.res.status).toBe(304);
    expect(notModified.fastify).toBe(0);
    const head = await get({}, 'HEAD');
    expect(head.res.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.fastify).toBe(0);
  });

  it('leaves personal requests, unknown parameters and other methods to Fastify', async () => {
    await get();
    const staff = await get({ cookie: 'warta_session=abc' });
    expect(staff.fastify).toBe(1);
    expect(staff.res.headers.get('x-cache')).toBeNull();
    const before = reachedFastify;
    const junk = await fetch(`${base}/uji-langsung?sampah=1`);
    await junk.arrayBuffer();
    expect(reachedFastify - before).toBe(1);
    const post = await get({}, 'POST');
    expect(post.fastify).toBe(1);
    expect(post.res.status).toBe(404);
  });
});

describe('stale while revalidate', () => {
  let app: TestApp;
  let renders = 0;
  beforeAll(async () => {
    app = await testApp('sqlite', { pageCacheTtl: 1, pageCacheStale: 60 });
    app.server.get('/uji-basi', async (_req, reply) => {
      renders++;
      return reply.type('text/html; charset=utf-8').send(`<p>render ${renders}</p>`);
    });
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('serves the old page after expiry at once and renders the new one in the background', async () => {
    expect((await app.server.inject('/uji-basi')).body).toBe('<p>render 1</p>');
    await new Promise((r) => setTimeout(r, 1100));
    const stale = await app.server.inject('/uji-basi');
    expect(stale.headers['x-cache']).toBe('STALE');
    expect(stale.body).toBe('<p>render 1</p>');
    let fresh = stale;
    for (let i = 0; i < 50 && fresh.headers['x-cache'] !== 'HIT'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      fresh = await app.server.inject('/uji-basi');
    }
    expect(fresh.headers['x-cache']).toBe('HIT');
    expect(fresh.body).toBe('<p>render 2</p>');
    expect(renders).toBe(2);
  });
});
