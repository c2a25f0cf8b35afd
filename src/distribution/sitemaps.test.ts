import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { loginAs } from '../../test/staff.ts';
import { importComment } from '../comments/import-comment.ts';
import { moderate } from '../comments/moderation.ts';
import { createArticle } from '../content/commands.ts';
import { touchArticle } from '../content/publication.ts';
import { ViewCounter } from '../discovery/most-read.ts';
import { localDateParts } from '../lib/time.ts';
import {
  monthSitemap,
  NEWS_MAX_URLS,
  NEWS_WINDOW_MS,
  newsSitemap,
  SITEMAP_MAX_URLS,
  sitemapIndex,
} from './sitemaps.ts';

/** Real XML parsing: every list is an array, namespaced names kept as they are. */
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['url', 'sitemap'].includes(name),
});
type Url = { loc: string; lastmod?: string; 'news:news'?: Record<string, unknown> };

function urlsOf(xml: string): Url[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).urlset.url ?? [];
}
function sitemapsOf(xml: string): string[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml).sitemapindex.sitemap ?? []).map((s: { loc: string }) => s.loc);
}
const idOf = (loc: string) => Number(/\/(\d+)\/[^/]*$/.exec(loc)?.[1]);

describe.each(DIALECTS)('sitemap rules on %s', (dialect) => {
  let app: TestApp;
  let editor: { cookie: string; csrf: string };
  const now = Date.now();
  const ids: Record<string, number> = {};
  let sections: Record<string, { id: number; slug: string }>;

  beforeAll(async () => {
    app = await testApp(dialect);
    editor = await loginAs(app, 'redaktur');
    const news = await makeSection(app.db, 'Berita');
    const ads = await makeSection(app.db, 'Advertorial');
    const adsSub = await makeSection(app.db, 'Promo', ads.slug);
    sections = { news, ads, adsSub };
    const at = async (key: string, sectionId: number, ageMs: number) => {
      ids[key] = (await publishedArticle(app.db, sectionId, {}, now - ageMs)).id;
    };
    await at('fresh', news.id, 3_600_000);
    await at('edge', news.id, NEWS_WINDOW_MS - 600_000);
    await at('old', news.id, NEWS_WINDOW_MS + 600_000);
    await at('ad', ads.id, 7_200_000);
    await at('adSub', adsSub.id, 7_200_000);
    await at('pr', news.id, 1_800_000);
    // Scheduled in the future: not visible yet, so in no sitemap.
    ids.future = (await publishedArticle(app.db, news.id, {}, now + 3_600_000)).id;
    // A draft, which an editor may exclude before it is published.
    ids.draft = await createArticle(app.db.kysely, {
      headline: 'Rilis pers yang belum terbit',
      deck: '',
      sectionId: news.id,
      body: [],
      dateline: '',
      bylineInitials: '',
      tagNames: [],
    });
  });
  afterAll(async () => {
    await app?.dispose();
  });

  const post = (url: string, form: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ _csrf: editor.csrf });
    for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
    return app.server.inject({
      method: 'POST',
      url,
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  };
  const newsIds = async () =>
    urlsOf((await app.server.inject({ url: '/sitemap-news.xml' })).body).map((u) => idOf(u.loc));

  it('lists only the last 48 hours in the news sitemap, with Google News fields', async () => {
    const res = await app.server.inject({ url: '/sitemap-news.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const urls = urlsOf(res.body);
    expect(urls.map((u) => idOf(u.loc)).sort()).toEqual(
      [ids.fresh, ids.edge, ids.ad, ids.adSub, ids.pr].sort(),
    );
    for (const u of urls) {
      const n = u['news:news'] as Record<string, Record<string, string> | string>;
      expect(n['news:publication']).toMatchObject({ 'news:name': app.config.siteName });
      expect(String(n['news:title']).length).toBeGreaterThan(0);
      const published = Date.parse(String(n['news:publication_date']));
      expect(now - published).toBeLessThanOrEqual(NEWS_WINDOW_MS);
    }
  });

  it('caps the news sitemap at 1,000 URLs, newest first', async () => {
    expect(NEWS_MAX_URLS).toBe(1000);
    const two = urlsOf(await newsSitemap(app.db.kysely, app.config, now, 2));
    expect(two.map((u) => idOf(u.loc))).toEqual([ids.pr, ids.fresh]);
  });

  it('leaves out the sections and articles an editor excluded in the newsroom', async () => {
    const page = await app.server.inject({
      url: '/newsroom/sitemap-berita',
      headers: { cookie: editor.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Advertorial');
    // Without the CSRF token nothing changes.
    const forged = await app.server.inject({
      method: 'POST',
      url: '/newsroom/sitemap-berita/rubrik',
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `section=${sections.ads?.id}`,
    });
    expect(forged.statusCode).toBe(403);
    expect(await newsIds()).toContain(ids.ad);

    const saved = await post('/newsroom/sitemap-berita/rubrik', {
      section: [String(sections.ads?.id), '999999', 'x'],
    });
    expect(saved.statusCode).toBe(303);
    const excluded = await post('/newsroom/sitemap-berita/artikel', {
      article: `${app.config.siteUrl}/berita/${ids.pr}/rilis`,
      exclude: '1',
    });
    expect(excluded.statusCode).toBe(303);
    expect(
      (await post('/newsroom/sitemap-berita/artikel', { article: String(ids.draft), exclude: '1' }))
        .statusCode,
    ).toBe(303);
    // The parent's subsection goes out with it; the excluded article too.
    expect((await newsIds()).sort()).toEqual([ids.fresh, ids.edge].sort());
    const after = await app.server.inject({
      url: '/newsroom/sitemap-berita?ok=excluded',
      headers: { cookie: editor.cookie },
    });
    expect(after.body).toContain('Artikel dikeluarkan dari sitemap berita.');
    expect(after.body).toContain('Tidak (rubrik dikeluarkan)');
    expect(after.body).toContain(`/newsroom/artikel/${ids.draft}`);
    // The excluded articles stay in the regular sitemaps (only Google News leaves them out).
    const p = localDateParts(now - 1_800_000, app.config.timeZone);
    const month = await monthSitemap(app.db.kysely, app.config, p.year, p.month, now);
    expect(urlsOf(month ?? '').map((u) => idOf(u.loc))).toContain(ids.pr);

    // Bad input: a clear message, the input kept; an unknown number is a 404 with a message.
    const bad = await post('/newsroom/sitemap-berita/artikel', {
      article: 'bukan-nomor',
      exclude: '1',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Tulis nomor artikel atau alamat artikel');
    expect(bad.body).toContain('value="bukan-nomor"');
    const missing = await post('/newsroom/sitemap-berita/artikel', {
      article: '99999999',
      exclude: '1',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Tidak ada artikel dengan nomor itu.');
    const odd = await post('/newsroom/sitemap-berita/artikel', {
      article: String(ids.pr),
      exclude: 'ya',
    });
    expect(odd.statusCode).toBe(400);

    // Let them back in.
    await post('/newsroom/sitemap-berita/rubrik', {});
    await post('/newsroom/sitemap-berita/artikel', { article: String(ids.pr), exclude: '0' });
    expect(await newsIds()).toContain(ids.pr);
    expect(await newsIds()).toContain(ids.adSub);
  });

  it('moves lastmod on an edit, not on a comment or a view', async () => {
    const id = ids.fresh as number;
    const p = localDateParts(now - 3_600_000, app.config.timeZone);
    const lastmod = async () => {
      const xml = await monthSitemap(app.db.kysely, app.config, p.year, p.month);
      return urlsOf(xml ?? '').find((u) => idOf(u.loc) === id)?.lastmod;
    };
    const before = await lastmod();
    expect(before).toBeTruthy();
    const comment = await importComment(
      app.db.kysely,
      app.config.secretKey,
      {
        articleId: id,
        parentId: null,
        authorName: 'Pembaca',
        body: 'Terima kasih atas beritanya.',
        email: 'pembaca@example.com',
        website: '',
        status: 'pending',
        createdAt: Date.now(),
      },
      3,
    );
    expect(await moderate(app.db.kysely, app.events, [comment?.id ?? 0], 'approve', null)).toBe(1);
    const views = new ViewCounter(app.db, { flushMs: 0 });
    views.record({ articleId: id, ip: '203.0.113.9', userAgent: 'Mozilla/5.0', headers: {} });
    await views.close();
    expect(await lastmod()).toBe(before);
    await touchArticle(app.db.kysely, app.events, id, {}, Date.now() + 120_000);
    const after = await lastmod();
    expect(after).not.toBe(before);
    expect(Date.parse(after ?? '')).toBeGreaterThan(Date.parse(before ?? ''));
  });

  it('splits month sitemaps past the URL limit and lists every part in the index', async () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    const p = localDateParts(now - 3_600_000, app.config.timeZone);
    const ym = `${p.year}-${String(p.month).padStart(2, '0')}`;
    const all = urlsOf(
      (await monthSitemap(app.db.kysely, app.config, p.year, p.month, now)) ?? '',
    ).map((u) => idOf(u.loc));
    const limit = 2;
    const parts = Math.ceil(all.length / limit);
    expect(parts).toBeGreaterThan(1);
    const index = sitemapsOf(await sitemapIndex(app.db.kysely, app.config, now, limit));
    const site = app.config.siteUrl;
    const mine = index.filter((l) => l.startsWith(`${site}/sitemap-${ym}`));
    expect(mine).toEqual(
      Array.from({ length: parts }, (_, i) =>
        i === 0 ? `${site}/sitemap-${ym}.xml` : `${site}/sitemap-${ym}-${i + 1}.xml`,
      ),
    );
    expect(index[0]).toBe(`${site}/sitemap-pages.xml`);
    const seen: number[] = [];
    for (let part = 1; part <= parts; part++) {
      const xml = await monthSitemap(app.db.kysely, app.config, p.year, p.month, now, part, limit);
      const urls = urlsOf(xml ?? '');
      expect(urls.length).toBeLessThanOrEqual(limit);
      seen.push(...urls.map((u) => idOf(u.loc)));
    }
    expect(seen.sort()).toEqual([...all].sort());
    expect(
      await monthSitemap(app.db.kysely, app.config, p.year, p.month, now, parts + 1, limit),
    ).toBeNull();
    // Over HTTP with the real limit there is one part: a second part, or `-1`, is a 404.
    expect((await app.server.inject({ url: `/sitemap-${ym}.xml` })).statusCode).toBe(200);
    for (const tail of ['-2', '-1', '-01', '-x'])
      expect((await app.server.inject({ url: `/sitemap-${ym}${tail}.xml` })).statusCode, tail).toBe(
        404,
      );
    // The real index lists the month once and no empty month.
    const real = sitemapsOf((await app.server.inject({ url: '/sitemap.xml' })).body);
    expect(real.filter((l) => l.includes(`/sitemap-${ym}`))).toEqual([`${site}/sitemap-${ym}.xml`]);
  });

  it('serves a complete robots.txt', async () => {
    const res = await app.server.inject({ url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const lines = res.body.split('\n');
    const site = app.config.siteUrl;
    for (const line of [
      'User-agent: *',
      'Disallow: /newsroom',
      'Disallow: /api/',
      'Disallow: /cari',
      `Sitemap: ${site}/sitemap.xml`,
      `Sitemap: ${site}/sitemap-news.xml`,
    ])
      expect(lines, line).toContain(line);
    // Articles, sections and feeds stay crawlable.
    expect(res.body).not.toMatch(/^Disallow: \/$/m);
  });
});
