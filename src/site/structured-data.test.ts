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
      // A 1200×675 original: the widest crop width that fits each ratio's region.
      expect((article.image as string[]).map((u) => /\/([0-9x]+-\d+)\.jpg/.exec(u)?.[1])).toEqual([
        '16x9-960',
        '4x3-640',
        '1x1-640',
      ]);
    } finally {
      await app.dispose();
    }
  });
});

describe('structured data of the demo site', () => {
  let app: TestApp;
  let paths: string[];
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
  }, 60_000);
  afterAll(() => app.dispose());

  it('has a WebSite with a SearchAction on the home page', async () => {
    const blocks = jsonLdOf((await app.server.inject({ url: '/' })).body);
    const site = blocks.find((b) => b['@type'] === 'WebSite') as Json;
    const action = site.potentialAction as Json;
    expect(action['@type']).toBe('SearchAction');
    expect(String(action.target)).toContain('{search_term_string}');
    expect(action['query-input']).toBe('required name=search_term_string');
  });

  it('gives every article the NewsArticle fields Google reads, and the cards', async () => {
    expect(paths.length).toBe(3);
    for (const path of paths) {
      const html = (await app.server.inject({ url: path })).body;
      const blocks = jsonLdOf(html);
      const article = blocks.find((b) => b['@type'] === 'NewsArticle') as Json;
      expect(article, path).toBeDefined();
      for (const key of [
        'headline',
        'datePublished',
        'dateModified',
        'image',
        'author',
        'publisher',
      ])
        expect(article[key], `${path} ${key}`).toBeTruthy();
      expect(String(article.headline).length).toBeLessThanOrEqual(110);
      expect(Date.parse(String(article.dateModified))).toBeGreaterThanOrEqual(
        Date.parse(String(article.datePublished)),
      );
      // Demo photos have no crops (an editor cuts them by setting a focal point): the largest variant.
      const images = article.image as string[];
      expect(images[0]).toMatch(/^http:\/\/warta\.test\/media\/.+\.jpg$/);
      for (const a of article.author as Json[]) {
        expect(a.name).toBeTruthy();
        expect(String(a.url)).toMatch(/^http:\/\/warta\.test\/penulis\//);
      }
      expect((article.publisher as Json).name).toBe('Warta');
      expect(article.isAccessibleForFree).toBe(true);
      const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList') as Json;
      for (const [i, item] of (crumbs.itemListElement as Json[]).entries()) {
        expect(item).toMatchObject({
          '@type': 'ListItem',
          position: i + 1,
          name: expect.any(String),
          item: expect.stringMatching(/^http/),
        });
      }
      expect(meta(html, 'property', 'og:type')).toBe('article');
      expect(meta(html, 'property', 'og:image')).toMatch(/^http:\/\/warta\.test\//);
      expect(meta(html, 'property', 'og:url')).toBe(`http://warta.test${path}`);
      expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
      expect(meta(html, 'name', 'robots')).toBe('max-image-preview:large');
      expect(html).toContain('https://social-plugins.line.me/lineit/share?url=');
      expect(html).toMatch(
        /<button type="button" class="pill share-native" data-share-url="http:\/\/warta\.test\//,
      );
    }
  });
});
