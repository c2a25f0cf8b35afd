import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, freshDb, type TestDb, testApp } from '../../test/helpers.ts';
import { forgetMostRead, isBot, isPrefetch, mostRead, ViewCounter } from './most-read.ts';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';
const DAY = 86_400_000;

describe('bots and prefetches', () => {
  it('recognises crawlers, scripts and speculative loads', () => {
    expect(isBot('Googlebot/2.1 (+http://www.google.com/bot.html)')).toBe(true);
    expect(isBot('facebookexternalhit/1.1')).toBe(true);
    expect(isBot('curl/8.0.1')).toBe(true);
    expect(isBot(undefined)).toBe(true);
    expect(isBot(UA)).toBe(false);
    expect(isPrefetch({ 'sec-purpose': 'prefetch;prerender' })).toBe(true);
    expect(isPrefetch({ purpose: 'prefetch' })).toBe(true);
    expect(isPrefetch({ 'x-moz': 'prefetch' })).toBe(true);
    expect(isPrefetch({})).toBe(false);
  });
});

describe.each(DIALECTS)('view counting (%s)', (dialect) => {
  let t: TestDb;
  let ids: number[];
  beforeAll(async () => {
    t = await freshDb(dialect);
    const s = await makeSection(t.db);
    ids = [];
    for (let i = 0; i < 3; i++) ids.push((await publishedArticle(t.db, s.id)).id);
  });
  afterAll(() => t.dispose());

  it('dedupes a reader, buffers in memory, and adds up across processes and restarts', async () => {
    let now = Date.now();
    const clock = () => now;
    const view = (articleId: number, ip: string, userAgent = UA) => ({
      articleId,
      ip,
      userAgent,
      headers: {},
    });
    const a = new ViewCounter(t.db, { flushMs: 0, clock });
    const b = new ViewCounter(t.db, { flushMs: 0, clock });
    const [x, y] = ids as [number, number];
    expect(a.record(view(x, '10.0.0.1'))).toBe(true);
    expect(a.record(view(x, '10.0.0.1'))).toBe(false);
    expect(a.record(view(x, '10.0.0.1', 'Googlebot/2.1'))).toBe(false);
    expect(a.record(view(x, '10.0.0.2'))).toBe(true);
    expect(b.record(view(x, '10.0.0.3'))).toBe(true);
    expect(b.record(view(y, '10.0.0.3'))).toBe(true);
    expect(a.pending()).toBe(2);
    // Nothing is written before a flush.
    expect(await mostRead(t.db.kysely, { now, windowMs: DAY, limit: 5 })).toEqual([]);
    await a.flush();
    await b.close();
    const top = await mostRead(t.db.kysely, { now, windowMs: DAY, limit: 5 });
    expect(top.map((s) => s.id)).toEqual([x, y]);
    // After the dedupe window the same reader counts again; a new counter (restart) adds up.
    now += 31 * 60_000;
    expect(a.record(view(y, '10.0.0.1'))).toBe(true);
    const c = new ViewCounter(t.db, { flushMs: 0, clock });
    c.record(view(y, '10.0.0.9'));
    c.record(view(y, '10.0.0.8'));
    await a.close();
    await c.close();
    const again = await mostRead(t.db.kysely, { now, windowMs: DAY, limit: 5 });
    expect(again.map((s) => s.id)).toEqual([y, x]);
    // Out of the 24-hour window, still in the week's.
    const later = now + 2 * DAY;
    expect(await mostRead(t.db.kysely, { now: later, windowMs: DAY, limit: 5 })).toEqual([]);
    expect((await mostRead(t.db.kysely, { now: later, windowMs: 7 * DAY, limit: 5 })).length).toBe(
      2,
    );
  });
});

describe('article page views through the server', () => {
  it.each([
    [0, 'inject'],
    [60, 'inject'],
    [60, 'http'],
  ] as const)(
    'counts 200 article views, not bots, prefetches or other pages, and flushes on close (page cache TTL %i s: hits count too; %s)',
    async (pageCacheTtl, transport) => {
      const app = await testApp('sqlite', { pageCacheTtl });
      let closed = false;
      try {
        const s = await makeSection(app.db);
        const a = await publishedArticle(app.db, s.id);
        const url = `/${s.slug}/${a.id}/${(await app.db.kysely.selectFrom('articles').select('slug').where('id', '=', a.id).executeTakeFirstOrThrow()).slug}`;
        // Over a real connection most hits are answered in the request listener, before Fastify.
        const base =
          transport === 'http' ? await app.server.listen({ port: 0, host: '127.0.0.1' }) : '';
        const get = async (headers: Record<string, string>, path = url) => {
          if (transport === 'inject')
            return app.server.inject({ method: 'GET', url: path, headers });
          const res = await fetch(`${base}${path}`, { headers });
          await res.arrayBuffer();
          return {
            statusCode: res.status,
            headers: { 'x-cache': res.headers.get('x-cache') ?? undefined },
          };
        };
        expect((await get({ 'user-agent': UA })).statusCode).toBe(200);
        const again = await get({ 'user-agent': UA });
        expect(again.headers['x-cache']).toBe(pageCacheTtl ? 'HIT' : undefined);
        await get({ 'user-agent': 'Googlebot/2.1' });
        await get({ 'user-agent': UA, 'sec-purpose': 'prefetch' });
        await get({ 'user-agent': UA, 'x-forwarded-for': '10.1.1.1' });
        await get({ 'user-agent': UA }, '/');
        await get({ 'user-agent': UA }, `/${s.slug}/${a.id}/wrong-slug`);
        const before = await app.db.kysely.selectFrom('articles').select('id').execute();
        expect(before.length).toBe(1);
        await app.server.close();
        closed = true;
        const rows = await (
          app.db.kysely as never as import('kysely').Kysely<{ article_views: { views: number } }>
        )
          .selectFrom('article_views')
          .select('views')
          .execute();
        expect(rows.reduce((n, r) => n + Number(r.views), 0)).toBe(2);
        const home = await mostRead(app.db.kysely, { now: Date.now(), windowMs: DAY, limit: 5 });
        expect(home.map((x) => x.id)).toEqual([a.id]);
      } finally {
        if (!closed) await app.server.close();
        await app.dispose().catch(() => {});
      }
    },
  );
});

describe('Terpopuler boxes', () => {
  it('show on the home page and beside articles once there are views, and hide before', async () => {
    const app = await testApp('sqlite');
    try {
      const s = await makeSection(app.db);
      const a = await publishedArticle(app.db, s.id, { headline: 'Berita paling banyak dibaca' });
      const b = await publishedArticle(app.db, s.id);
      expect((await app.server.inject('/')).body).not.toContain('Terpopuler 24 jam');
      const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
      await (
        app.db.kysely as never as import('kysely').Kysely<{
          article_views: { article_id: number; hour: number; views: number };
        }>
      )
        .insertInto('article_views')
        .values([
          { article_id: a.id, hour, views: 9 },
          { article_id: b.id, hour: hour - 3 * DAY, views: 20 },
        ])
        .execute();
      forgetMostRead(app.db.kysely);
      const html = (await app.server.inject('/')).body;
      expect(html).toContain('Terpopuler 24 jam');
      expect(html).toContain('Terpopuler sepekan');
      expect(html).toContain('Berita paling banyak dibaca');
      const page = await app.server.inject(`/${s.slug}/${b.id}`);
      const article = (await app.server.inject(String(page.headers.location ?? ''))).body;
      expect(article).toContain('Terpopuler 24 jam');
    } finally {
      await app.dispose();
    }
  });
});
