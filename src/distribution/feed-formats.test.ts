import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage, makePerson, makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { saveApiSettings } from '../api/keys.ts';

const parser = new XMLParser({ ignoreAttributes: false, processEntities: false });

/**
 * RSS, Atom and JSON Feed for the site, a section, a tag and an author: valid
 * documents read by a real parser, the featured image with caption and
 * credit, full text only when the setting says so, 304 for a known ETag, and
 * every list page announcing its own feeds.
 */
describe.each(DIALECTS)('feeds on %s', (dialect) => {
  let app: TestApp;
  let section: { id: number; slug: string };
  let author: { id: number; slug: string };
  beforeAll(async () => {
    app = await testApp(dialect);
    section = await makeSection(app.db, 'Olahraga');
    author = await makePerson(app.db, 'Made Pewarta');
    const img = await makeImage(app.db, app.mediaDir, {
      caption: 'Pelari di Renon',
      credit: 'Warta/Made',
    });
    await app.db.kysely
      .updateTable('media')
      .set({ variants: '{"webp":[640],"jpeg":[640,1200]}' })
      .where('id', '=', img)
      .execute();
    await publishedArticle(
      app.db,
      section.id,
      {
        headline: 'Lari pagi <massal> di Renon & Sanur',
        tagNames: ['Lari'],
        personIds: [author.id],
        featured: { mediaId: img },
      },
      Date.now() - 3_600_000,
      app.events,
    );
  });
  afterAll(() => app.dispose());

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.server.inject({ url, headers });

  it('serves Atom and JSON Feed beside RSS for the site, a section, a tag and an author', async () => {
    for (const base of ['', `/${section.slug}`, '/tag/lari', `/penulis/${author.slug}`]) {
      const rss = await get(`${base}/feed`);
      expect(rss.statusCode, base).toBe(200);
      expect(XMLValidator.validate(rss.body)).toBe(true);
      const item = parser.parse(rss.body).rss.channel.item;
      expect(item.title).toContain('Lari pagi');
      expect(item['media:content']['@_url']).toMatch(/\/1200\.jpg$/);
      expect(item['media:content']['media:description']['#text']).toBe('Pelari di Renon');
      expect(item['media:content']['media:credit']).toBe('Warta/Made');
      expect(item.enclosure['@_type']).toBe('image/jpeg');

      const atom = await get(`${base}/feed/atom`);
      expect(atom.headers['content-type']).toMatch(/^application\/atom\+xml/);
      expect(XMLValidator.validate(atom.body)).toBe(true);
      const entry = parser.parse(atom.body).feed.entry;
      expect(entry.title['#text']).toBe('Lari pagi &lt;massal&gt; di Renon &amp; Sanur');
      expect(entry['media:content']['media:credit']).toBe('Warta/Made');
      expect(entry.content).toBeUndefined();

      const json = await get(`${base}/feed/json`);
      const feed = json.json();
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.items[0]).toMatchObject({
        title: 'Lari pagi <massal> di Renon & Sanur',
        image: expect.stringMatching(/1200\.jpg$/),
        _warta: { image_caption: 'Pelari di Renon', image_credit: 'Warta/Made' },
      });
      expect(feed.items[0].content_html).toBeUndefined();
    }
    expect((await get('/feed/xml')).statusCode).toBe(404);
    expect((await get('/tag/tidak-ada/feed/atom')).statusCode).toBe(404);
  });

  it('carries the full text when the setting is on', async () => {
    await saveApiSettings(app.db.kysely, { feedFullText: true });
    const atom = parser.parse((await get('/feed/atom')).body).feed.entry;
    expect(atom.content['#text']).toContain('Paragraf uji ke-1');
    expect((await get('/feed/json')).json().items[0].content_html).toContain('<p>');
    expect((await get('/feed')).body).toContain('content:encoded');
    await saveApiSettings(app.db.kysely, { feedFullText: false });
    expect((await get('/feed')).body).not.toContain('content:encoded');
  });

  it('answers 304 to a known ETag', async () => {
    for (const url of ['/feed', '/feed/atom', '/feed/json']) {
      const first = await get(url);
      expect((await get(url, { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(
        304,
      );
      expect((await get(url, { 'if-none-match': 'sampah' })).statusCode).toBe(200);
    }
  });

  it('announces the feeds in each list page head', async () => {
    const home = (await get('/')).body;
    expect(home).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(home).toContain('href="/feed/json"');
    expect(home).toContain('max-image-preview:large');
    const sectionPage = (await get(`/${section.slug}`)).body;
    expect(sectionPage).toContain(`href="/${section.slug}/feed/atom"`);
    expect((await get('/tag/lari')).body).toContain('href="/tag/lari/feed/json"');
  });
});
