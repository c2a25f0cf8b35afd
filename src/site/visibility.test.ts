import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { paragraph } from '../content/blocks.ts';
import { createArticle } from '../content/commands.ts';
import { deleteArticle, publishArticle, unpublishArticle } from '../content/publication.ts';
import { articleUrl } from '../content/urls.ts';
import { isReaderVisible } from '../content/visibility.ts';
import { localDateParts } from '../lib/time.ts';

const HOUR = 3_600_000;

/**
 * One article walked through draft, scheduled, published, unpublished and
 * deleted: the home page, its section page, the RSS feed, the sitemap, search
 * and the related lists of a sibling story must each show it exactly when
 * isReaderVisible says a reader may see it.
 */
describe.each(DIALECTS)('one visibility rule everywhere on %s', (dialect) => {
  let app: TestApp;
  let section: { id: number; slug: string };
  let sibling: { id: number; slug: string };
  let id: number;

  const body = [
    paragraph('Nelayan Jembrana menemukan terumbu zarkonit yang memutih di perairan Perancak.'),
    paragraph('Peneliti kelautan memantau suhu laut dan pemutihan terumbu zarkonit setiap pekan.'),
  ];

  beforeAll(async () => {
    app = await testApp(dialect);
    section = await makeSection(app.db, 'Pesisir');
    const published = await publishedArticle(
      app.db,
      section.id,
      {
        headline: 'Pemutihan terumbu zarkonit meluas di pesisir Jembrana',
        tagNames: ['Terumbu'],
        body,
      },
      Date.now() - 3 * HOUR,
      app.events,
    );
    const stored = await app.db.kysely
      .selectFrom('articles')
      .select(['id', 'slug'])
      .where('id', '=', published.id)
      .executeTakeFirstOrThrow();
    sibling = stored;
    id = await createArticle(app.db.kysely, {
      headline: 'Terumbu zarkonit Perancak memutih setelah suhu laut naik',
      deck: 'Nelayan melapor ke peneliti kelautan.',
      sectionId: section.id,
      body,
      dateline: 'JEMBRANA',
      bylineInitials: 'Uji/Warta',
      tagNames: ['Terumbu'],
    });
  });
  afterAll(() => app.dispose());

  const get = (url: string) => app.server.inject({ method: 'GET', url });

  async function row() {
    return app.db.kysely
      .selectFrom('articles')
      .select(['slug', 'status', 'published_at', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  /** Where the article shows up, place by place. */
  async function whereShown(): Promise<Record<string, boolean>> {
    const r = await row();
    const url = articleUrl(section.slug, id, r.slug);
    const headline = 'Perancak memutih';
    const month = localDateParts(r.published_at ?? Date.now(), app.config.timeZone);
    const sitemap = await get(`/sitemap-${month.year}-${String(month.month).padStart(2, '0')}.xml`);
    const siblingPage = await get(articleUrl(section.slug, sibling.id, sibling.slug));
    expect(siblingPage.statusCode).toBe(200);
    return {
      home: (await get('/')).body.includes(headline),
      section: (await get(`/${section.slug}`)).body.includes(headline),
      feed: (await get('/feed')).body.includes(headline),
      sitemap: sitemap.statusCode === 200 && sitemap.body.includes(url),
      search: (await get('/cari?q=perancak')).body.includes(headline),
      related: siblingPage.body.includes(headline),
    };
  }

  async function expectAgreement(expected: boolean) {
    const now = Date.now();
    expect(isReaderVisible(await row(), now)).toBe(expected);
    const shown = await whereShown();
    const all = Object.fromEntries(Object.keys(shown).map((k) => [k, expected]));
    expect(shown).toEqual(all);
  }

  it('hides a draft', async () => {
    await expectAgreement(false);
  });

  it('hides a scheduled article until it is due', async () => {
    await publishArticle(app.db.kysely, app.events, id, Date.now() + 2 * HOUR);
    await expectAgreement(false);
  });

  it('shows it once published', async () => {
    await publishArticle(app.db.kysely, app.events, id, Date.now() - HOUR);
    await expectAgreement(true);
  });

  it('hides it again when unpublished', async () => {
    await unpublishArticle(app.db.kysely, app.events, id);
    await expectAgreement(false);
  });

  it('hides it when deleted after republishing', async () => {
    await publishArticle(app.db.kysely, app.events, id, Date.now() - HOUR);
    await expectAgreement(true);
    await deleteArticle(app.db.kysely, app.events, id);
    await expectAgreement(false);
  });
});
