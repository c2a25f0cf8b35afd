import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import { makeStaff } from '../../test/staff.ts';
import { paragraph } from '../content/blocks.ts';
import { createArticle } from '../content/commands.ts';
import { AppError } from '../lib/errors.ts';
import { EventBus } from '../lib/events.ts';
import {
  mediaUsage,
  parseMediaSearch,
  pickerItem,
  requireAltText,
  searchMedia,
} from './library-queries.ts';
import { wireMediaPublication } from './publication.ts';

const DAY = 86_400_000;
/** 2024-05-10 00:00 WITA (UTC+8). */
const MAY_10 = Date.UTC(2024, 4, 9, 16);

describe.each(DIALECTS)('media library queries (%s)', (dialect) => {
  let t: TestDb;
  let sectionId: number;
  const ids: Record<string, number> = {};

  async function row(key: string, caption: string, credit: string, alt: string, createdAt: number) {
    const r = await t.db.kysely
      .insertInto('media')
      .values({
        storage_key: `k-${key}`,
        mime: 'image/jpeg',
        width: 1600,
        height: 900,
        bytes: 1000,
        variants: JSON.stringify({
          webp: [320, 640, 960],
          avif: [320, 640, 960],
          jpeg: [320, 640, 960],
        }),
        caption,
        credit,
        alt,
        focal_x: 0.5,
        focal_y: 0.5,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[key] = r.id;
  }

  beforeAll(async () => {
    t = await freshDb(dialect);
    sectionId = (await makeSection(t.db)).id;
    await row(
      'banjir',
      'Banjir merendam Jalan Gatot Subroto',
      'Made Wira/Warta',
      'Jalan tergenang',
      MAY_10 + 3_600_000,
    );
    await row('ogoh', 'Pawai ogoh-ogoh di Denpasar', 'Ant', '', MAY_10 + DAY + 60_000);
    await row('pasar', 'Pedagang di Pasar Badung', 'Ketut/Warta', '  ', MAY_10 - 60_000);
    await row('persen', 'Diskon 50% di pasar_malam', 'Warta', 'Spanduk diskon', MAY_10 + 2 * DAY);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('searches caption and credit, every word, ignoring case, newest first', async () => {
    const keys = async (q: string) =>
      (await searchMedia(t.db, { q })).items.map((i) => i.storageKey.slice(2));
    expect(await keys('')).toEqual(['persen', 'ogoh', 'banjir', 'pasar']);
    expect(await keys('BANJIR')).toEqual(['banjir']);
    expect(await keys('warta')).toEqual(['persen', 'banjir', 'pasar']);
    expect(await keys('warta pasar')).toEqual(['persen', 'pasar']);
    expect(await keys('ant')).toEqual(['ogoh']);
    // % and _ are literal characters, not wildcards.
    expect(await keys('50%')).toEqual(['persen']);
    expect(await keys('pasar_')).toEqual(['persen']);
    expect(await keys('%')).toEqual(['persen']);
    expect(await keys('tidak-ada')).toEqual([]);
  });

  it('filters by upload date in the site zone, both days included, and pages', async () => {
    const may10 = parseMediaSearch({ dari: '2024-05-10', sampai: '2024-05-10' }, 'WITA');
    const page = await searchMedia(t.db, may10);
    expect(page.items.map((i) => i.storageKey)).toEqual(['k-banjir']);
    const fromMay11 = parseMediaSearch({ dari: '2024-05-11' }, 'WITA');
    expect((await searchMedia(t.db, fromMay11)).total).toBe(2);
    const p2 = await searchMedia(t.db, { page: 2, pageSize: 3 });
    expect([p2.total, p2.page, p2.items.map((i) => i.storageKey)]).toEqual([4, 2, ['k-pasar']]);
  });

  it('refuses impossible dates, reversed ranges and overlong queries', () => {
    const bad = [
      { dari: '2024-02-30' },
      { dari: '10/05/2024' },
      { sampai: '2024-13-01' },
      { dari: '2024-05-11', sampai: '2024-05-10' },
      { q: 'x'.repeat(201) },
      { q: ['a', 'b'] },
    ];
    for (const raw of bad) {
      expect(() => parseMediaSearch(raw, 'WITA')).toThrow(AppError);
    }
    expect(parseMediaSearch({}, 'WITA')).toEqual({ q: '', dari: '', sampai: '' });
  });

  it('finds the articles using an image as featured photo or in the body', async () => {
    const banjir = ids.banjir ?? 0;
    const featured = await createArticle(t.db.kysely, {
      headline: 'Banjir di kota',
      sectionId,
      body: [paragraph('Air naik.')],
      featured: { mediaId: banjir },
    });
    const inBody = await createArticle(t.db.kysely, {
      headline: 'Foto di tengah',
      sectionId,
      body: [
        paragraph('Awal.'),
        { type: 'image', mediaId: banjir, caption: 'x' },
        paragraph('Akhir.'),
      ],
    });
    // Media ids that only share digits, and the id as text in a caption, do not count.
    const other = await createArticle(t.db.kysely, {
      headline: 'Bukan foto ini',
      sectionId,
      body: [{ type: 'image', mediaId: banjir * 10 + 1 }, paragraph(`"mediaId":${banjir},`)],
    });
    const uses = await mediaUsage(t.db, banjir);
    expect(uses.map((u) => [u.articleId, u.featured, u.inBody]).sort()).toEqual(
      [
        [featured, true, false],
        [inBody, false, true],
      ].sort(),
    );
    expect(uses.find((u) => u.articleId === inBody)).toMatchObject({
      headline: 'Foto di tengah',
      status: 'draft',
    });
    await t.db.kysely
      .updateTable('articles')
      .set({ deleted_at: Date.now() })
      .where('id', '=', featured)
      .execute();
    expect((await mediaUsage(t.db, banjir)).map((u) => u.articleId)).toEqual([inBody]);
    expect(await mediaUsage(t.db.kysely, ids.ogoh ?? 0)).toEqual([]);
    void other;
  });

  it('lists the images that still lack alt text (blank, spaces or unknown)', async () => {
    const { banjir = 0, ogoh = 0, pasar = 0, persen = 0 } = ids;
    expect(await requireAltText(t.db, [banjir, ogoh, pasar, persen, 999_999, ogoh])).toEqual([
      ogoh,
      pasar,
      999_999,
    ]);
    expect(await requireAltText(t.db.kysely, [])).toEqual([]);
    expect(await requireAltText(t.db, [banjir, persen])).toEqual([]);
  });

  it('gives the picker its JSON shape', async () => {
    const item = (await searchMedia(t.db, { q: 'banjir' })).items[0];
    if (!item) throw new Error('missing');
    expect(pickerItem(item)).toEqual({
      id: ids.banjir,
      thumbUrl: '/media/k-banjir/320.webp',
      previewUrl: '/media/k-banjir/960.jpg',
      srcset:
        '/media/k-banjir/320.webp 320w, /media/k-banjir/640.webp 640w, /media/k-banjir/960.webp 960w',
      caption: 'Banjir merendam Jalan Gatot Subroto',
      credit: 'Made Wira/Warta',
      alt: 'Jalan tergenang',
      width: 1600,
      height: 900,
      createdAt: MAY_10 + 3_600_000,
    });
  });

  it('shows a kontributor their own uploads and the photos a published article shows, marked by the publish event', async () => {
    const user = await makeStaff(t.db, 'kontributor');
    await t.db.kysely
      .updateTable('media')
      .set({ uploaded_by: user.id })
      .where('id', '=', ids.pasar ?? 0)
      .execute();
    const visible = async () =>
      (await searchMedia(t.db, { visibleTo: user.id })).items.map((i) => i.storageKey.slice(2));
    expect(await visible()).toEqual(['pasar']);
    const events = new EventBus((err) => {
      throw err;
    });
    wireMediaPublication(events, t.db);
    const at = Date.now() - 60_000;
    await publishedArticle(
      t.db,
      sectionId,
      {
        featured: { mediaId: ids.ogoh ?? 0 },
        body: [paragraph('Awal.'), { type: 'image', mediaId: ids.persen ?? 0 }],
      },
      at,
      events,
    );
    expect(await visible()).toEqual(['persen', 'ogoh', 'pasar']);
    const marked = await t.db.kysely
      .selectFrom('media')
      .select('published_at')
      .where('id', '=', ids.ogoh ?? 0)
      .executeTakeFirstOrThrow();
    expect(Number(marked.published_at)).toBe(at);
    expect((await searchMedia(t.db, {})).total).toBe(4);
  });
});
