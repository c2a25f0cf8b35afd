import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, makePerson, makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import { EventBus } from '../lib/events.ts';
import { createArticle, setPins } from './commands.ts';
import { deleteArticle, publishArticle, touchArticle, unpublishArticle } from './publication.ts';
import { getPublishedArticle } from './published-article.ts';
import { listPublished, sameTopicIds, summariesByIds } from './queries.ts';
import { listSections } from './taxonomy-queries.ts';

const HOUR = 3_600_000;

describe.each(DIALECTS)('content store on %s', (dialect) => {
  let t: TestDb;
  const events = new EventBus();
  beforeAll(async () => {
    t = await freshDb(dialect);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('shows published articles only: not drafts, not future, not unpublished', async () => {
    const s = await makeSection(t.db);
    const now = Date.now();
    const live = await publishedArticle(t.db, s.id, {}, now - HOUR);
    const draftId = await createArticle(t.db.kysely, buildArticle(s.id));
    const future = await publishedArticle(t.db, s.id, {}, now + HOUR);
    const pulled = await publishedArticle(t.db, s.id, {}, now - 2 * HOUR);
    await unpublishArticle(t.db.kysely, events, pulled.id);

    const page = await listPublished(t.db.kysely, { sectionIds: [s.id] }, { now, pageSize: 10 });
    expect(page.items.map((a) => a.id)).toEqual([live.id]);
    expect(page.total).toBe(1);
    expect((await getPublishedArticle(t.db.kysely, draftId, now)).kind).toBe('missing');
    expect((await getPublishedArticle(t.db.kysely, future.id, now)).kind).toBe('missing');
    expect((await getPublishedArticle(t.db.kysely, pulled.id, now)).kind).toBe('missing');
    expect((await getPublishedArticle(t.db.kysely, 987654, now)).kind).toBe('missing');
    // The scheduled one appears once its time has come.
    expect((await getPublishedArticle(t.db.kysely, future.id, now + 2 * HOUR)).kind).toBe('found');
  });

  it('answers gone for a deleted article', async () => {
    const s = await makeSection(t.db);
    const a = await publishedArticle(t.db, s.id);
    await deleteArticle(t.db.kysely, events, a.id);
    expect((await getPublishedArticle(t.db.kysely, a.id, Date.now())).kind).toBe('gone');
  });

  it('loads the whole article: body, tags in order, bylines, image, credits', async () => {
    const s = await makeSection(t.db);
    const p1 = await makePerson(t.db, 'Ayu Uji');
    const p2 = await makePerson(t.db, 'Made Uji');
    const a = await publishedArticle(t.db, s.id, {
      tagNames: ['Kekeringan', 'Air Bersih', 'kekeringan'],
      personIds: [p1.id, p2.id],
      sourceCredit: 'Antara',
      bylineInitials: 'Ayu/Warta',
      dateline: 'AMLAPURA',
    });
    const found = await getPublishedArticle(t.db.kysely, a.id, Date.now());
    if (found.kind !== 'found') throw new Error('expected found');
    const art = found.article;
    expect(art.headline).toBe(a.headline);
    expect(art.body).toEqual(a.body);
    expect(art.tags.map((x) => x.name)).toEqual(['Kekeringan', 'Air Bersih']);
    expect(art.tags[0]?.url).toBe('/tag/kekeringan');
    expect(art.bylines.map((x) => x.name)).toEqual(['Ayu Uji', 'Made Uji']);
    expect(art.sourceCredit).toBe('Antara');
    expect(art.dateline).toBe('AMLAPURA');
    expect(art.url).toBe(`/${s.slug}/${a.id}/${art.slug}`);
    expect(art.commentsOpen).toBe(true);
  });

  it('keeps the first publication time across unpublish and republish', async () => {
    const s = await makeSection(t.db);
    const first = Date.now() - 10 * HOUR;
    const a = await publishedArticle(t.db, s.id, {}, first);
    await unpublishArticle(t.db.kysely, events, a.id);
    await publishArticle(t.db.kysely, events, a.id, Date.now() - HOUR);
    const found = await getPublishedArticle(t.db.kysely, a.id, Date.now());
    if (found.kind !== 'found') throw new Error('expected found');
    expect(found.article.firstPublishedAt).toBe(first);
    expect(found.article.publishedAt).toBe(
      Date.now() - HOUR > found.article.publishedAt - 1000 ? found.article.publishedAt : 0,
    );
  });

  it('pages newest first with correct totals', async () => {
    const s = await makeSection(t.db);
    const now = Date.now();
    const ids: number[] = [];
    for (let i = 0; i < 7; i++)
      ids.push((await publishedArticle(t.db, s.id, {}, now - (i + 1) * HOUR)).id);
    const p1 = await listPublished(
      t.db.kysely,
      { sectionIds: [s.id] },
      { now, pageSize: 3, page: 1 },
    );
    const p3 = await listPublished(
      t.db.kysely,
      { sectionIds: [s.id] },
      { now, pageSize: 3, page: 3 },
    );
    expect(p1.items.map((a) => a.id)).toEqual(ids.slice(0, 3));
    expect(p3.items.map((a) => a.id)).toEqual(ids.slice(6));
    expect(p1.total).toBe(7);
    expect(p1.totalPages).toBe(3);
  });

  it('filters by tag, person and date range', async () => {
    const s = await makeSection(t.db);
    const p = await makePerson(t.db);
    const now = Date.now();
    const tagged = await publishedArticle(t.db, s.id, { tagNames: ['Subak Unik'] }, now - HOUR);
    const byPerson = await publishedArticle(t.db, s.id, { personIds: [p.id] }, now - 50 * HOUR);
    const tag = await t.db.kysely
      .selectFrom('tags')
      .select('id')
      .where('slug', '=', 'subak-unik')
      .executeTakeFirstOrThrow();
    const k = t.db.kysely;
    expect(
      (await listPublished(k, { tagId: tag.id }, { now, pageSize: 10 })).items.map((a) => a.id),
    ).toEqual([tagged.id]);
    expect(
      (await listPublished(k, { personId: p.id }, { now, pageSize: 10 })).items.map((a) => a.id),
    ).toEqual([byPerson.id]);
    const range = await listPublished(
      k,
      { sectionIds: [s.id], from: now - 51 * HOUR, to: now - 49 * HOUR },
      { now, pageSize: 10 },
    );
    expect(range.items.map((a) => a.id)).toEqual([byPerson.id]);
  });

  it('returns pins in order, dropping unpublished ones, and related never includes itself', async () => {
    const s = await makeSection(t.db);
    const a = await publishedArticle(t.db, s.id, { tagNames: ['Pelabuhan'] });
    const b = await publishedArticle(t.db, s.id, { tagNames: ['Pelabuhan'] });
    const c = await publishedArticle(t.db, s.id, { tagNames: ['Pelabuhan'] });
    const hidden = await createArticle(
      t.db.kysely,
      buildArticle(s.id, { tagNames: ['Pelabuhan'] }),
    );
    await setPins(t.db.kysely, a.id, [c.id, hidden, b.id, a.id]);
    const found = await getPublishedArticle(t.db.kysely, a.id, Date.now());
    if (found.kind !== 'found') throw new Error('expected found');
    expect(found.article.pinnedIds).toEqual([c.id, b.id]);
    const topic = await sameTopicIds(t.db.kysely, found.article, Date.now(), 10);
    expect(topic).not.toContain(a.id);
    expect(topic).not.toContain(hidden);
    expect(topic).toEqual(expect.arrayContaining([b.id, c.id]));
    const summaries = await summariesByIds(t.db.kysely, [c.id, hidden, b.id], Date.now());
    expect(summaries.map((x) => x.id)).toEqual([c.id, b.id]);
  });

  it('records edits', async () => {
    const s = await makeSection(t.db);
    const a = await publishedArticle(t.db, s.id, {}, Date.now() - 5 * HOUR);
    await touchArticle(t.db.kysely, events, a.id, { slug: 'Judul Baru Sekali' });
    const found = await getPublishedArticle(t.db.kysely, a.id, Date.now());
    if (found.kind !== 'found') throw new Error('expected found');
    expect(found.article.slug).toBe('judul-baru-sekali');
    expect(found.article.updatedAt).toBeGreaterThan(found.article.publishedAt);
  });

  it('nests sections one level and lists them in order', async () => {
    const parent = await makeSection(t.db, 'Olahraga');
    const child = await makeSection(t.db, 'Sepak Bola', parent.slug);
    const sections = await listSections(t.db.kysely);
    const p = sections.find((x) => x.id === parent.id);
    const c = sections.find((x) => x.id === child.id);
    expect(p?.children.map((x) => x.id)).toContain(child.id);
    expect(c?.parent?.id).toBe(parent.id);
    await expect(makeSection(t.db, 'Terlalu Dalam', child.slug)).rejects.toThrow(/one level/);
  });
});
