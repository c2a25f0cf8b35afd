import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage, makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { seedDemo } from '../demo/seed.ts';

type Json = Record<string, unknown>;

/** Every JSON-LD block of a page, parsed (a block that does not parse fails the test). */
function jsonLdOf(html: string): Json[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap(
    (m) => [JSON.parse(m[1] as string)].flat() as Json[],
  );
}

const meta = (html: string, attr: 'property' | 'name', key: string) =>
  new RegExp(`<meta ${attr}="${key.replace(':', '\\:')}" content="([^"]*)"`).exec(html)?.[1];

/**
 * The demo site as Google reads it: every NewsArticle carries the properties
 * Google documents as recommended (headline, image, datePublished,
 * dateModified, author with name and profile URL) plus publisher and
 * isAccessibleForFree; BreadcrumbList items are complete; the home page has a
 * WebSite with a SearchAction; Open Graph and Twitter cards and
 * max-image-preview:large are on every article; the share bar has LINE and
 * the native share button.
 */
describe('NewsArticle images', () => {
  it('lists the 16:9, 4:3 and 1:1 crops at their largest width', async () => {
    const app = await testApp('sqlite');
    try {
      const section = await makeSection(app.db, 'Foto');
      const img = await makeImage(app.db, app.mediaDir);
      const a = await publishedArticle(app.db, section.id, { featured: { mediaId: img } });
      const slug = (
        await app.db.kysely
          .selectFrom('articles')
          .select('slug')
          .where('id', '=', a.id)
          .executeTakeFirstOrThrow()
      ).slug;
      const html = (await app.server.inject({ url: `/${section.slug}/${a.id}/${slug}` })).body;
      const article = jsonLdOf(html).find((b) => b['@type'] === 'NewsArticle') as Json;
      // A 1200×675 original: 16:9 reaches Google's 1,200 px; 4:3 and 1:1 (900 and 675 px regions) cannot.
      expect((article.image as string[]).map((u) => /\/([0-9x]+-\d+)\.jpg/.exec(u)?.[1])).toEqual([
        '16x9-1200',
        '4x3-640',
        '1x1-640',
      ]);
    } finally {
      await app.dispose();
    }
  });
});

/** An absolute URL on the test site, as Google needs every URL in structured data. */
const SITE = /^http:\/\/warta\.test\//;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;
/** The width a media URL names: `<key>/1280.jpg` or a crop `<key>/16x9-1280.jpg`. */
const widthOf = (url: string) => Number(/\/(?:\d+x\d+-)?(\d+)\.jpg(\?|$)/.exec(url)?.[1]);

describe('structured data of the demo site', () => {
  let app: TestApp;
  let paths: string[];
  /** Every page of the demo reached from the home page and the articles, with its JSON-LD. */
  const pages = new Map<string, { html: string; blocks: Json[] }>();
  const status = async (url: string) =>
    (await app.server.inject({ url: url.replace(SITE, '/') })).statusCode;

  beforeAll(async () => {
    app = await testApp('sqlite');
    await seedDemo(app.db, app.events, app.mediaDir, { limit: 3, concurrency: 1 });
    const api = await app.db.kysely.selectFrom('articles').select('id').execute();
    expect(api.length).toBe(3);
    const home = (await app.server.inject({ url: '/' })).body;
    paths = [
      ...new Set(
        [...home.matchAll(/href="(\/[a-z0-9-]+\/\d+\/[a-z0-9-]+)"/g)].map((m) => m[1] as string),
      ),
    ];
    const todo = ['/', '/cari?q=desa', ...paths];
    for (let path = todo.shift(); path; path = todo.shift()) {
      if (pages.has(path)) continue;
      const html = (await app.server.inject({ url: path })).body;
      pages.set(path, { html, blocks: jsonLdOf(html) });
      // Sections, tags and authors linked from the home page and the articles.
      if (path === '/' || paths.includes(path))
        for (const m of html.matchAll(/href="(\/(?:tag\/|penulis\/)?[a-z0-9-]+)"/g))
          if (!pages.has(m[1] as string) && !todo.includes(m[1] as string))
            todo.push(m[1] as string);
    }
  }, 60_000);
  afterAll(() => app.dispose());

  it('has a WebSite with a SearchAction on the home page', async () => {
    const blocks = jsonLdOf((await app.server.inject({ url: '/' })).body);
    const site = blocks.find((b) => b['@type'] === 'WebSite') as Json;
    const action = site.potentialAction as Json;
    expect(action['@type']).toBe('SearchAction');
    expect(String(action.target)).toContain('{search_term_string}');
    expect(action['query-input']).toBe('required name=search_term_string');
    expect(await status(String(action.target).replace('{search_term_string}', 'desa'))).toBe(200);
  });

  it('checks every JSON-LD block of the demo for the fields Google documents', async () => {
    expect(pages.size).toBeGreaterThan(6);
    const seen = new Set<string>();
    const logos = new Set<string>();
    for (const [path, { blocks }] of pages) {
      for (const block of blocks) {
        const type = String(block['@type']);
        seen.add(type);
        expect(block['@context'], path).toBe('https://schema.org');
        expect(['NewsArticle', 'BreadcrumbList', 'WebSite'], `${path} ${type}`).toContain(type);
        if (type === 'NewsArticle') {
          // Google's Article documentation: headline, image, datePublished, dateModified,
          // author (name and url) recommended; a news publisher with a logo; paywall flag.
          expect(String(block.headline).length, path).toBeGreaterThan(0);
          expect(String(block.headline).length, path).toBeLessThanOrEqual(110);
          expect(String(block.datePublished), path).toMatch(ISO_WITH_ZONE);
          expect(String(block.dateModified), path).toMatch(ISO_WITH_ZONE);
          expect(Date.parse(String(block.dateModified))).toBeGreaterThanOrEqual(
            Date.parse(String(block.datePublished)),
          );
          expect(block.mainEntityOfPage, path).toBe(`http://warta.test${path}`);
          expect(String(block.description ?? '').length, path).toBeGreaterThan(0);
          const images = block.image as string[];
          expect(images.length, path).toBeGreaterThan(0);
          for (const url of images) {
            expect(url).toMatch(SITE);
            // Demo photos are 1280 px wide: Google's 1,200 px minimum is reachable, so met.
            expect(widthOf(url), url).toBeGreaterThanOrEqual(1200);
          }
          expect(await status(images[0] as string), images[0]).toBe(200);
          const authors = block.author as Json[];
          expect(authors.length, path).toBeGreaterThan(0);
          for (const a of authors) {
            expect(a['@type']).toBe('Person');
            expect(String(a.name).length).toBeGreaterThan(0);
            expect(String(a.url)).toMatch(/^http:\/\/warta\.test\/penulis\/[a-z0-9-]+$/);
            expect(await status(String(a.url)), String(a.url)).toBe(200);
          }
          const publisher = block.publisher as Json;
          expect(publisher).toMatchObject({
            '@type': 'NewsMediaOrganization',
            name: 'Warta',
            url: 'http://warta.test/',
          });
          const logo = publisher.logo as Json;
          expect(logo).toMatchObject({
            '@type': 'ImageObject',
            url: expect.stringMatching(SITE),
            width: expect.any(Number),
            height: expect.any(Number),
          });
          logos.add(JSON.stringify(logo));
          expect(block.isAccessibleForFree).toBe(true);
          expect(block.inLanguage).toBe('id');
        }
        if (type === 'BreadcrumbList') {
          const items = block.itemListElement as Json[];
          expect(items.length, path).toBeGreaterThanOrEqual(2);
          for (const [i, item] of items.entries()) {
            expect(item).toMatchObject({
              '@type': 'ListItem',
              position: i + 1,
              name: expect.any(String),
              item: expect.stringMatching(SITE),
            });
            expect(await status(String(item.item)), String(item.item)).toBe(200);
          }
          expect(items.at(-1)?.item).toBe(`http://warta.test${path}`);
        }
        if (type === 'WebSite') {
          expect(block).toMatchObject({ name: 'Warta', url: 'http://warta.test/' });
          expect((block.publisher as Json).logo).toBeDefined();
        }
      }
    }
    expect([...seen].sort()).toEqual(['BreadcrumbList', 'NewsArticle', 'WebSite']);
    // One logo, served as the PNG it says it is.
    expect(logos.size).toBe(1);
    const logo = JSON.parse([...logos][0] as string) as Json;
    const res = await app.server.inject({ url: String(logo.url).replace(SITE, '/') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const dims = await sharp(res.rawPayload).metadata();
    expect([dims.width, dims.height]).toEqual([logo.width, logo.height]);
    expect(Math.min(dims.width ?? 0, dims.height ?? 0)).toBeGreaterThanOrEqual(112);
    expect(logo.url).toBe('http://warta.test/icon-512.png');
  });

  it('gives every article page the cards, the image preview and the share bar', async () => {
    expect(paths.length).toBe(3);
    for (const path of paths) {
      const html = pages.get(path)?.html ?? '';
      expect(meta(html, 'property', 'og:type')).toBe('article');
      expect(meta(html, 'property', 'og:title')).toBeTruthy();
      expect(meta(html, 'property', 'og:description')).toBeTruthy();
      expect(meta(html, 'property', 'og:image')).toMatch(/^http:\/\/warta\.test\//);
      expect(meta(html, 'property', 'og:url')).toBe(`http://warta.test${path}`);
      expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
      expect(meta(html, 'name', 'twitter:image')).toMatch(/^http:\/\/warta\.test\//);
      expect(meta(html, 'name', 'robots')).toBe('max-image-preview:large');
      expect(html).toContain('https://social-plugins.line.me/lineit/share?url=');
      expect(html).toMatch(
        /<button type="button" class="pill share-native" data-share-url="http:\/\/warta\.test\//,
      );
    }
  });
});
