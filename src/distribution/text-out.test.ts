import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePerson, makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { decodeHtml, strictXmlProblems } from '../../test/strict-xml.ts';
import { localDateParts } from '../lib/time.ts';

/**
 * Plain-text fields go out as text (issue 9, findings 2 and 4): a deck or
 * headline holding markup is text in the RSS feed, JSON-LD and Open Graph,
 * and control characters stored before input was cleaned (rows written
 * straight to the database here) never make a feed or sitemap invalid XML.
 */

const XSS_DECK = 'lanjut <img src=x onerror=alert(1)>';
const XSS_HEADLINE = 'Awas <script>alert(1)</script> & "kutip" ]]> di judul';
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

/** What a feed reader shows for an RSS title/description: the text read as HTML, no markup. */
function asHtmlText(html: string): string {
  expect(html, 'markup in an RSS text field').not.toMatch(/[<>]/);
  return decodeHtml(html);
}

type Item = { title: string; description?: string; link: string };

describe.each(DIALECTS)('plain text in feeds, sitemaps and page heads on %s', (dialect) => {
  let app: TestApp;
  let sectionSlug: string;
  let xss: { id: number };
  const publishedAt = Date.now() - 3_600_000;
  // PostgreSQL text cannot hold NUL at all, so there the stored control is ESC.
  const ctl = dialect === 'sqlite' ? '\u0000' : '\u001B';

  beforeAll(async () => {
    app = await testApp(dialect);
    const s = await makeSection(app.db, `Eko${ctl}\u202Enomi`);
    sectionSlug = s.slug;
    const person = await makePerson(app.db, `Made\u202E Uji${ctl}`);
    xss = await publishedArticle(
      app.db,
      s.id,
      { headline: XSS_HEADLINE, deck: XSS_DECK, personIds: [person.id] },
      publishedAt,
    );
    await publishedArticle(
      app.db,
      s.id,
      {
        headline: `Banjir${ctl} di \u202EDenpasar\uFFFF`,
        deck: `Ringkasan${ctl}\u0007 dengan \u202Ekontrol`,
        tagNames: [`Tag${ctl}`],
      },
      publishedAt,
    );
  });
  afterAll(async () => {
    await app?.dispose();
  });
  const get = async (url: string) => {
    const res = await app.server.inject({ url });
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };

  it('writes a deck and headline with markup as text in the site and section feeds', async () => {
    for (const url of ['/feed', `/${sectionSlug}/feed`]) {
      const body = await get(url);
      const items: Item[] = [parser.parse(body).rss.channel.item].flat();
      const item = items.find((i) => i.link.includes(`/${xss.id}/`));
      expect(item, url).toBeDefined();
      expect(asHtmlText(item?.title ?? '')).toBe(XSS_HEADLINE);
      expect(asHtmlText(item?.description ?? '')).toBe(XSS_DECK);
      expect(body).not.toContain('<img');
      expect(body).not.toContain('<script');
      expect(strictXmlProblems(body), url).toEqual([]);
    }
  });

  it('keeps feeds and sitemaps valid XML whatever control characters were stored', async () => {
    const p = localDateParts(publishedAt, 'WITA');
    const ym = `${p.year}-${String(p.month).padStart(2, '0')}`;
    const urls = [
      '/feed',
      `/${sectionSlug}/feed`,
      '/sitemap.xml',
      '/sitemap-pages.xml',
      `/sitemap-${ym}.xml`,
      '/sitemap-news.xml',
    ];
    for (const url of urls) expect(strictXmlProblems(await get(url)), url).toEqual([]);
    const feed = parser.parse(await get('/feed')).rss.channel;
    const titles = [feed.item].flat().map((i: Item) => i.title);
    expect(titles).toContain('Banjir di \u202EDenpasar');
    expect(await get('/sitemap-news.xml')).toContain('Banjir di \u202EDenpasar</news:title>');
  });

  it('writes markup as text in JSON-LD and Open Graph', async () => {
    const moved = await app.server.inject({ url: `/${sectionSlug}/${xss.id}` });
    const html = await get(new URL(String(moved.headers.location), 'http://x').pathname);
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
    expect(scripts).toHaveLength(1);
    const json = scripts[0]?.[1] ?? '';
    expect(json).not.toContain('<');
    const data = JSON.parse(json);
    const article = [data].flat().find((d: { '@type': string }) => d['@type'] === 'NewsArticle');
    expect(article.headline).toBe(XSS_HEADLINE);
    expect(article.description).toBe(XSS_DECK);
    const og = /<meta property="og:description" content="([^"]*)"/.exec(html)?.[1] ?? '';
    // The attribute is read up to its first raw quote: the whole text must be inside it.
    expect(og).not.toContain('<');
    expect(decodeHtml(og)).toBe(XSS_DECK);
    const ogTitle = /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(decodeHtml(ogTitle)).toBe(XSS_HEADLINE);
    expect(html).not.toContain('<img src=x');
  });
});
