import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { createArticle } from '../content/commands.ts';
import { localDateParts } from '../lib/time.ts';

const parser = new XMLParser({ ignoreAttributes: false });

describe.each(DIALECTS)('feeds and sitemaps on %s', (dialect) => {
  let app: TestApp;
  let live: { id: number; headline: string };
  let sectionSlug: string;
  let draftHeadline: string;
  const publishedAt = Date.now() - 3_600_000;

  beforeAll(async () => {
    app = await testApp(dialect);
    const s = await makeSection(app.db, 'Ekonomi');
    sectionSlug = s.slug;
    live = await publishedArticle(
      app.db,
      s.id,
      { headline: 'Harga cabai & bawang <naik> di Pasar Badung' },
      publishedAt,
    );
    const draft = buildArticle(s.id, { headline: 'Draf yang belum terbit sama sekali' });
    draftHeadline = draft.headline;
    await createArticle(app.db.kysely, draft);
  });
  afterAll(async () => {
    await app?.dispose();
  });
  const get = (url: string) => app.server.inject({ url });

  it('publishes an RSS feed of published articles only, well-formed and escaped', async () => {
    const res = await get('/feed');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/rss+xml');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const rss = parser.parse(res.body).rss.channel;
    const items = [rss.item].flat();
    // RSS titles are read as HTML: the headline's `&` and `<naik>` arrive as text.
    expect(items.map((i: { title: string }) => i.title)).toContain(
      'Harga cabai &amp; bawang &lt;naik&gt; di Pasar Badung',
    );
    expect(res.body).not.toContain(draftHeadline);
    const section = await get(`/${sectionSlug}/feed`);
    expect(section.statusCode).toBe(200);
    expect(section.body).toContain('Pasar Badung');
    expect((await get('/tidak-ada/feed')).statusCode).toBe(404);
  });

  it('lists every month in the sitemap index and each article in its month', async () => {
    const index = await get('/sitemap.xml');
    expect(XMLValidator.validate(index.body)).toBe(true);
    const p = localDateParts(publishedAt, 'WITA');
    const ym = `${p.year}-${String(p.month).padStart(2, '0')}`;
    expect(index.body).toContain(`http://warta.test/sitemap-${ym}.xml`);
    const month = await get(`/sitemap-${ym}.xml`);
    expect(month.statusCode).toBe(200);
    expect(month.body).toContain(`/${live.id}/`);
    expect(month.body).not.toContain('draf-yang-belum-terbit');
    const news = await get('/sitemap-news.xml');
    expect(XMLValidator.validate(news.body)).toBe(true);
    expect(news.body).toContain('Harga cabai &amp; bawang &lt;naik&gt;');
    const pages = await get('/sitemap-pages.xml');
    expect(pages.body).toContain(`http://warta.test/${sectionSlug}`);
  });

  it('answers impossible sitemap months with 404 and serves robots.txt', async () => {
    for (const url of ['/sitemap-2022-13.xml', '/sitemap-abcd.xml', '/sitemap-2022-01.txt']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
    const robots = await get('/robots.txt');
    expect(robots.body).toContain('Sitemap: http://warta.test/sitemap.xml');
  });
});
