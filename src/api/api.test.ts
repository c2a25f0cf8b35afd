import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage, makePerson, makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { createArticle } from '../content/commands.ts';
import { deleteArticle, publishArticle, unpublishArticle } from '../content/publication.ts';
import { articleUrl } from '../content/urls.ts';
import { createApiKey, revokeApiKey, saveApiSettings } from './keys.ts';

const HOUR = 3_600_000;

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: unknown;
};

/**
 * The Content API on both dialects: the visibility walk through the page and
 * the API side by side, pagination, selection, keys, validators and caching
 * headers; every answer is checked against the OpenAPI document at the end.
 */
describe.each(DIALECTS)('Content API on %s', (dialect) => {
  let app: TestApp;
  let key: string;
  let section: { id: number; slug: string };
  let author: { id: number; slug: string };
  const ids: number[] = [];
  /** Every API answer with the route it came from, for the contract check. */
  const seen: { route: string; res: LightMyRequestResponse }[] = [];

  beforeAll(async () => {
    app = await testApp(dialect);
    key = (
      await createApiKey(app.db.kysely, app.config.secretKey, {
        name: 'Aplikasi',
        ratePerMinute: 1000,
        createdBy: null,
      })
    ).key;
    section = await makeSection(app.db, 'Ekonomi');
    author = await makePerson(app.db, 'Ketut Penulis');
    const img = await makeImage(app.db, app.mediaDir);
    for (let i = 0; i < 5; i++) {
      const a = await publishedArticle(
        app.db,
        section.id,
        {
          headline: `Harga cabai di pasar Badung naik pekan ${i + 1}`,
          tagNames: ['Pasar'],
          personIds: [author.id],
          featured: { mediaId: img },
        },
        Date.now() - (10 - i) * HOUR,
        app.events,
      );
      ids.push(a.id);
    }
  });
  afterAll(() => app.dispose());

  const api = async (url: string, headers: Record<string, string> = {}, route?: string) => {
    const res = await app.server.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${key}`, ...headers },
    });
    seen.push({ route: route ?? url.split('?')[0] ?? url, res });
    return res;
  };
  const err = (res: LightMyRequestResponse) =>
    res.json().error as { code: string; message: string };

  it('lists articles newest first and walks every page with the cursor', async () => {
    const got: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api(
        `/api/v1/articles?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        {},
        '/api/v1/articles',
      );
      expect(res.statusCode).toBe(200);
      const body = res.json() as { data: { id: number }[]; next_cursor: string | null };
      got.push(...body.data.map((a) => a.id));
      cursor = body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(got).toEqual([...ids].reverse());
    expect(pages).toBe(3);
  });

  it('filters by section, tag, author and dates', async () => {
    const bySection = (
      await api(`/api/v1/articles?section=${section.slug}`, {}, '/api/v1/articles')
    ).json();
    expect(bySection.data).toHaveLength(5);
    const byAuthor = (
      await api(
        `/api/v1/articles?author=${author.slug}&include=bylines,tags,image`,
        {},
        '/api/v1/articles',
      )
    ).json();
    expect(byAuthor.data[0].bylines[0].slug).toBe(author.slug);
    expect(byAuthor.data[0].tags[0].name).toBe('Pasar');
    expect(byAuthor.data[0].image).toMatchObject({
      width: 1200,
      caption: 'Foto uji',
      credit: 'Warta/Uji',
    });
    const from = new Date(Date.now() - 7.5 * HOUR).toISOString();
    const recent = (await api(`/api/v1/articles?from=${from}`, {}, '/api/v1/articles')).json();
    expect(recent.data.map((a: { id: number }) => a.id)).toEqual(ids.slice(3).reverse());
    const unknown = await api('/api/v1/articles?tag=tidak-ada', {}, '/api/v1/articles');
    expect(unknown.statusCode).toBe(404);
    const future = (
      await api(
        `/api/v1/articles?updated_since=${new Date(Date.now() + HOUR).toISOString()}`,
        {},
        '/api/v1/articles',
      )
    ).json();
    expect(future.data).toEqual([]);
  });

  it('selects fields and gives the body as blocks and as HTML', async () => {
    const one = (
      await api(
        `/api/v1/articles/${ids[0]}?fields=headline,body,body_html`,
        {},
        '/api/v1/articles/{id}',
      )
    ).json();
    expect(Object.keys(one.data).sort()).toEqual(['body', 'body_html', 'headline', 'id']);
    expect(one.data.body[0].type).toBe('paragraph');
    expect(one.data.body_html).toContain('<p>');
    const byPath = await api(
      `/api/v1/articles/by-path?path=${encodeURIComponent(articleUrl(section.slug, ids[1] as number, 'x'))}`,
      {},
      '/api/v1/articles/by-path',
    );
    expect(byPath.json().data.id).toBe(ids[1]);
  });

  it('answers bad input with a clear 400 in the site language', async () => {
    const cases = [
      ['/api/v1/articles?fields=headline,secret', 'API_BAD_FIELDS'],
      ['/api/v1/articles?include=comments', 'API_BAD_FIELDS'],
      ['/api/v1/articles?fields=body', 'API_BAD_FIELDS'],
      ['/api/v1/articles?cursor=bukan-kursor', 'API_BAD_CURSOR'],
      ['/api/v1/articles?cursor=eyJwIjoxLCJpIjoxfQ.AAAAAAAAAAAAAAAA', 'API_BAD_CURSOR'],
      ['/api/v1/articles?limit=10000', 'API_BAD_PARAMS'],
      ['/api/v1/articles?from=kemarin', 'API_BAD_PARAMS'],
    ] as const;
    for (const [url, code] of cases) {
      const res = await api(url, {}, '/api/v1/articles');
      expect(res.statusCode, url).toBe(400);
      expect(err(res).code).toBe(code);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
    expect(err(await api('/api/v1/articles?limit=0', {}, '/api/v1/articles')).message).toMatch(
      /tidak valid/,
    );
    // A cursor of the tags list is refused by the articles list.
    const tags = (await api('/api/v1/tags?limit=1', {}, '/api/v1/tags')).json();
    expect(tags.data).toHaveLength(1);
    const nested = await app.server.inject({
      url: '/api/v1/tidak-ada',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(nested.statusCode).toBe(404);
    expect(err(nested).code).toBe('NOT_FOUND');
  });

  it('needs a valid, unrevoked key unless public reads are on', async () => {
    const none = await app.server.inject({ url: '/api/v1/articles' });
    expect(none.statusCode).toBe(401);
    expect(err(none)).toEqual({
      code: 'API_KEY_REQUIRED',
      message: expect.stringContaining('memerlukan kunci'),
    });
    seen.push({ route: '/api/v1/articles', res: none });
    expect((await api('/api/v1/articles', { authorization: 'Bearer wk_salah' })).statusCode).toBe(
      401,
    );
    const extra = await createApiKey(app.db.kysely, app.config.secretKey, {
      name: 'Mitra',
      ratePerMinute: 2,
      createdBy: null,
    });
    const withExtra = () =>
      app.server.inject({ url: '/api/v1/sections', headers: { 'x-api-key': extra.key } });
    expect((await withExtra()).statusCode).toBe(200);
    expect((await withExtra()).statusCode).toBe(200);
    const limited = await withExtra();
    expect(limited.statusCode).toBe(429);
    expect(err(limited).code).toBe('RATE_LIMITED');
    // The main key has its own bucket.
    expect((await api('/api/v1/sections')).statusCode).toBe(200);
    await revokeApiKey(app.db.kysely, extra.id);
    const revoked = await withExtra();
    expect(revoked.statusCode).toBe(401);
    expect(err(revoked).code).toBe('API_KEY_INVALID');
    const used = await app.db.kysely
      .selectFrom('api_keys')
      .select(['last_used_at', 'key_hash'])
      .where('id', '=', extra.id)
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();
    expect(used.key_hash).not.toContain(extra.key.slice(3, 20));
    await saveApiSettings(app.db.kysely, { publicRead: true });
    const open = await app.server.inject({ url: '/api/v1/articles?limit=1' });
    expect(open.statusCode).toBe(200);
    seen.push({ route: '/api/v1/articles', res: open });
    await saveApiSettings(app.db.kysely, { publicRead: false });
    expect((await app.server.inject({ url: '/api/v1/articles' })).statusCode).toBe(401);
  });

  it('answers 304 for a matching ETag or Last-Modified, and carries CDN headers', async () => {
    const url = `/api/v1/articles/${ids[2]}`;
    const first = await api(url, {}, '/api/v1/articles/{id}');
    const etag = String(first.headers.etag);
    expect(first.headers['cache-control']).toMatch(/public.*s-maxage=60/);
    expect(first.headers['surrogate-key']).toBe(`article-${ids[2]} links-${ids[2]}`);
    expect(first.headers['last-modified']).toBeTruthy();
    expect((await api(url, { 'if-none-match': etag })).statusCode).toBe(304);
    expect(
      (await api(url, { 'if-none-match': 'sampah"",,W/' }, '/api/v1/articles/{id}')).statusCode,
    ).toBe(200);
    expect(
      (await api(url, { 'if-modified-since': String(first.headers['last-modified']) })).statusCode,
    ).toBe(304);
    const list = await api('/api/v1/articles', {}, '/api/v1/articles');
    expect(list.headers['surrogate-key']).toContain('feeds');
    expect(list.headers['surrogate-key']).toContain(`links-${ids[4]}`);
  });

  it('shows an article exactly when its page does: draft, scheduled, published, unpublished, deleted', async () => {
    const id = await createArticle(app.db.kysely, {
      headline: 'Panen garam Kusamba tertunda hujan',
      deck: 'Petani garam menunggu terik.',
      sectionId: section.id,
      body: [{ type: 'paragraph', content: [{ text: 'Hujan turun tiga hari.' }] }],
      dateline: 'KLUNGKUNG',
      bylineInitials: 'Uji',
      tagNames: ['Garam'],
    });
    const slug = (
      await app.db.kysely
        .selectFrom('articles')
        .select('slug')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).slug;
    const both = async () => {
      const page = await app.server.inject({ url: articleUrl(section.slug, id, slug) });
      const one = await api(`/api/v1/articles/${id}`, {}, '/api/v1/articles/{id}');
      const list = (await api('/api/v1/articles?limit=100', {}, '/api/v1/articles')).json();
      const inList = list.data.some((a: { id: number }) => a.id === id);
      return { page: page.statusCode, api: one.statusCode, inList };
    };
    expect(await both()).toEqual({ page: 404, api: 404, inList: false });
    await publishArticle(app.db.kysely, app.events, id, Date.now() + 2 * HOUR);
    expect(await both()).toEqual({ page: 404, api: 404, inList: false });
    await publishArticle(app.db.kysely, app.events, id, Date.now() - 60_000);
    expect(await both()).toEqual({ page: 200, api: 200, inList: true });
    await unpublishArticle(app.db.kysely, app.events, id);
    expect(await both()).toEqual({ page: 404, api: 404, inList: false });
    await publishArticle(app.db.kysely, app.events, id, Date.now() - 60_000);
    await deleteArticle(app.db.kysely, app.events, id);
    expect(await both()).toEqual({ page: 410, api: 410, inList: false });
  });

  it('serves sections, tags, authors, search, most read and related', async () => {
    for (const [url, route] of [
      ['/api/v1/sections', '/api/v1/sections'],
      ['/api/v1/tags', '/api/v1/tags'],
      ['/api/v1/authors', '/api/v1/authors'],
      ['/api/v1/search?q=cabai&include=tags', '/api/v1/search'],
      ['/api/v1/most-read?window=week', '/api/v1/most-read'],
      [`/api/v1/articles/${ids[0]}/related?include=image`, '/api/v1/articles/{id}/related'],
    ] as const) {
      const res = await api(url, {}, route);
      expect(res.statusCode, url).toBe(200);
    }
    expect((await api('/api/v1/search?q=cabai', {}, '/api/v1/search')).json().total).toBe(5);
    expect((await api('/api/v1/authors', {}, '/api/v1/authors')).json().data[0].slug).toBe(
      author.slug,
    );
  });

  it('documents only the API, and every answer above matches the document', async () => {
    const res = await app.server.inject({ url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as Doc & { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    expect(paths.every((p) => p.startsWith('/api/v1/'))).toBe(true);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/articles', '/api/v1/articles/{id}', '/api/v1/search']),
    );
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    (formats as unknown as { default: (a: Ajv2020) => void }).default(ajv);
    let checked = 0;
    for (const { route, res: r } of seen) {
      if (r.statusCode === 304) continue;
      const op = doc.paths[route]?.get;
      expect(op, route).toBeDefined();
      const resp = op?.responses[String(r.statusCode)] as
        | { content: Record<string, { schema: object }> }
        | undefined;
      expect(resp, `${route} ${r.statusCode}`).toBeDefined();
      const schema = resp?.content['application/json']?.schema as object;
      const validate = ajv.compile({ ...schema, components: doc.components });
      const ok = validate(r.json());
      expect(ok, `${route} ${r.statusCode}: ${JSON.stringify(validate.errors)}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('Content API and the page cache', () => {
  it('never serves or stores API answers from the page cache', async () => {
    const app = await testApp('sqlite', { pageCacheTtl: 60 });
    try {
      const { key } = await createApiKey(app.db.kysely, app.config.secretKey, {
        name: 'Cache',
        ratePerMinute: 100,
        createdBy: null,
      });
      const page = async () => (await app.server.inject({ url: '/' })).headers['x-cache'];
      expect(await page()).toBe('MISS');
      expect(await page()).toBe('HIT');
      const call = () =>
        app.server.inject({ url: '/api/v1/sections', headers: { authorization: `Bearer ${key}` } });
      for (let i = 0; i < 2; i++) {
        const res = await call();
        expect(res.statusCode).toBe(200);
        expect(res.headers['x-cache']).toBeUndefined();
      }
      // A request without the key is not answered from anything stored for the keyed one.
      expect((await app.server.inject({ url: '/api/v1/sections' })).statusCode).toBe(401);
    } finally {
      await app.dispose();
    }
  });
});

describe('Content API list answers held in memory', () => {
  it('answers the same list again without reading articles, until an article event', async () => {
    const statements: string[] = [];
    const app = await testApp('sqlite', {}, { onQuery: (sql) => statements.push(sql) });
    try {
      const section = await makeSection(app.db, 'Cache');
      await publishedArticle(app.db, section.id, {}, Date.now() - HOUR, app.events);
      const { key } = await createApiKey(app.db.kysely, app.config.secretKey, {
        name: 'Cache',
        ratePerMinute: 100,
        createdBy: null,
      });
      const list = async () => {
        statements.length = 0;
        const res = await app.server.inject({
          url: '/api/v1/articles?limit=5',
          headers: { authorization: `Bearer ${key}` },
        });
        expect(res.statusCode).toBe(200);
        const articleReads = statements.filter((s) => /from "articles"/i.test(s)).length;
        return { ids: res.json().data.map((a: { id: number }) => a.id) as number[], articleReads };
      };
      const first = await list();
      expect(first.articleReads).toBeGreaterThan(0);
      const again = await list();
      expect(again).toEqual({ ids: first.ids, articleReads: 0 });
      // Publishing (its event, and its write) drops the held answer: the new article is listed.
      const added = await publishedArticle(app.db, section.id, {}, Date.now() - 60_000, app.events);
      const after = await list();
      expect(after.articleReads).toBeGreaterThan(0);
      expect(after.ids[0]).toBe(added.id);
    } finally {
      await app.dispose();
    }
  });
});
