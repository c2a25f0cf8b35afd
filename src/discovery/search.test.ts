import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import { paragraph } from '../content/blocks.ts';
import { createArticle } from '../content/commands.ts';
import { deleteArticle, touchArticle, unpublishArticle } from '../content/publication.ts';
import { EventBus } from '../lib/events.ts';
import { reindexSearch, sweepChanges, syncSearchIndex, wireSearchIndexing } from './indexing.ts';
import {
  buildSnippet,
  cleanQuery,
  parseQuery,
  searchArticles,
  searchIndexFor,
  suggestHeadlines,
} from './search.ts';
import { DEFAULT_RANKING, type SearchDoc, trigramSimilarity } from './search-index.ts';
import { WALK_TUNING } from './search-sqlite.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 5, 0, 0);

function doc(id: number, sectionId: number, over: Partial<SearchDoc> = {}): SearchDoc {
  return {
    id,
    sectionId,
    publishedAt: NOW - DAY,
    version: 1,
    headline: `Kabar desa nomor ${id}`,
    deck: '',
    body: 'Warga berkumpul di balai desa membahas jadwal kerja bakti.',
    ...over,
  };
}

/** Our own invented corpus; ids are created as real articles so foreign keys hold. */
const CORPUS: Omit<SearchDoc, 'id' | 'sectionId' | 'version'>[] = [
  {
    headline: 'Penggunaan senjata api oleh aparat dibatasi',
    deck: 'Aturan baru berlaku bulan depan.',
    body: 'Kepolisian daerah menyiapkan pelatihan bagi anggota yang menggunakan senjata.',
    publishedAt: NOW - 3 * DAY,
  },
  {
    headline: 'Air bersih mengalir lagi ke Desa Sukamaju',
    deck: 'Pipa yang bocor sudah diganti.',
    body: 'Perusahaan daerah memperbaiki pipa. Warga kembali menikmati air bersih setiap pagi.',
    publishedAt: NOW - 2 * DAY,
  },
  {
    headline: 'Pasar malam ramai pengunjung',
    deck: 'Pedagang senang.',
    body: 'Di sela pasar malam, warga juga membicarakan air bersih dan pipa yang bocor di Sukamaju.',
    publishedAt: NOW - 1 * DAY,
  },
  {
    headline: 'Menteri Valtersen Stoltenberg berkunjung ke Mataram',
    deck: 'Kunjungan dua hari membahas pelabuhan.',
    body: 'Stoltenberg bertemu gubernur dan nelayan di pelabuhan Lembar.',
    publishedAt: NOW - 10 * DAY,
  },
  {
    headline: 'Kasus COVID-19 turun pada 2024',
    deck: '',
    body: 'Dinas kesehatan mencatat 1.500 kasus sepanjang 2024, turun dari tahun sebelumnya.',
    publishedAt: NOW - 400 * DAY,
  },
];

describe.each(DIALECTS)('search index on %s', (dialect) => {
  let t: TestDb;
  let sectionId: number;
  let childId: number;
  let otherId: number;
  const ids: number[] = [];

  beforeAll(async () => {
    t = await freshDb(dialect);
    const parent = await makeSection(t.db, 'Daerah');
    sectionId = parent.id;
    childId = (await makeSection(t.db, 'Lombok', parent.slug)).id;
    otherId = (await makeSection(t.db, 'Olahraga')).id;
    const index = searchIndexFor(t.db);
    for (const [i, c] of CORPUS.entries()) {
      const a = await publishedArticle(
        t.db,
        i === 3 ? childId : sectionId,
        { headline: c.headline, deck: c.deck, body: [paragraph(c.body)] },
        c.publishedAt,
      );
      ids.push(a.id);
      await index.upsert({ ...c, id: a.id, sectionId: i === 3 ? childId : sectionId, version: 1 });
    }
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const search = (q: string, extra: Partial<Parameters<typeof searchArticles>[2]> = {}) =>
    searchArticles(t.db, q, { now: NOW, page: 1, pageSize: 10, ...extra });

  it('matches Indonesian word forms through the stemmer', async () => {
    const r = await search('penggunaan senjata');
    expect(r.page.items.map((i) => i.id)).toEqual([ids[0]]);
    const r2 = await search('menggunakan senjata');
    expect(r2.page.items.map((i) => i.id)).toEqual([ids[0]]);
  });

  it('ranks a headline match above a body match, and highlights the snippet', async () => {
    const r = await search('air bersih');
    expect(r.page.items.map((i) => i.id)).toEqual([ids[1], ids[2]]);
    const marked = r.page.items[1]?.snippet.filter((p) => p.mark).map((p) => p.text);
    expect(marked).toEqual(['air', 'bersih']);
  });

  it('keeps names and numbers whole', async () => {
    expect((await search('covid-19')).page.items.map((i) => i.id)).toEqual([ids[4]]);
    expect((await search('COVID19')).page.items.map((i) => i.id)).toEqual([ids[4]]);
    expect((await search('1.500')).page.items.map((i) => i.id)).toEqual([ids[4]]);
    expect((await search('2024')).page.total).toBe(1);
  });

  it('filters by section (with children) and date range', async () => {
    const inParent = await search('pelabuhan', { sectionIds: [sectionId, childId] });
    expect(inParent.page.total).toBe(1);
    expect((await search('pelabuhan', { sectionIds: [otherId] })).page.total).toBe(0);
    const recent = await search('bocor', { from: NOW - 1.5 * DAY, to: NOW });
    expect(recent.page.items.map((i) => i.id)).toEqual([ids[2]]);
  });

  it('falls back to trigram-corrected names when little is found', async () => {
    expect(trigramSimilarity('stoltenbreg', 'stoltenberg')).toBeGreaterThan(0.3);
    const r = await search('Stoltenbreg');
    expect(r.corrected).toBe('stoltenberg');
    expect(r.page.items.map((i) => i.id)).toEqual([ids[3]]);
  });

  it('lets recency decide between equal matches, tunable', async () => {
    const index = searchIndexFor(t.db);
    const old = await publishedArticle(t.db, otherId, {}, NOW - 300 * DAY);
    const fresh = await publishedArticle(t.db, otherId, {}, NOW - DAY);
    const text = { headline: 'Lomba layang-layang Ganesara', deck: '', body: 'Lomba ramai.' };
    await index.upsert(doc(old.id, otherId, { ...text, publishedAt: NOW - 300 * DAY }));
    await index.upsert(doc(fresh.id, otherId, { ...text, publishedAt: NOW - DAY }));
    const q = parseQuery('ganesara');
    const f = { now: NOW };
    const ranked = await index.search(q, f, { limit: 5, offset: 0 });
    expect(ranked.hits.map((h) => h.id)).toEqual([fresh.id, old.id]);
    const [a, b] = ranked.hits;
    expect((a?.score ?? 0) / (b?.score ?? 1)).toBeGreaterThan(1.3);
    const flat = await index.search(
      q,
      f,
      { limit: 5, offset: 0 },
      {
        ...DEFAULT_RANKING,
        recencyWeight: 0,
      },
    );
    expect(flat.hits[0]?.score).toBeCloseTo(flat.hits[1]?.score ?? 0, 6);
    await index.remove(old.id);
    await index.remove(fresh.id);
    expect((await index.search(q, f, { limit: 5, offset: 0 })).total).toBe(0);
  });

  it('never lets reader input break the query', async () => {
    const nasty = [
      '"',
      '"*NEAR(',
      'air* OR bersih',
      'NEAR(air bersih, 2)',
      '-air :bersih',
      '(air) AND (NOT bersih)',
      "'; DROP TABLE articles; --",
      "' OR 1=1 --",
      'headline:air',
      '{body}: air',
      '^air',
      'air & bersih | !pipa <-> x:*',
      '🙂🔥 air 💧',
      'مرحبا 北京 ꦲꦗꦮ air',
      'a'.repeat(10_000),
      `${'air '.repeat(3000)}bersih`,
      '\u0000\u200b\ufeff',
    ];
    for (const q of nasty) {
      const r = await search(q);
      expect(['ok', 'empty', 'stopwords']).toContain(r.state);
    }
    expect((await search('air* OR bersih')).page.items.length).toBeGreaterThan(0);
    expect((await search('yang dan di')).state).toBe('stopwords');
    expect((await search('   ')).state).toBe('empty');
    expect((await search('air bersih', { page: 500 })).page.items).toEqual([]);
  });

  it('suggests headlines by word prefix', async () => {
    const s = await suggestHeadlines(t.db, 'air ber', NOW);
    expect(s.map((x) => x.headline)).toEqual(['Air bersih mengalir lagi ke Desa Sukamaju']);
    expect(await suggestHeadlines(t.db, 'Stolt', NOW)).toHaveLength(1);
    expect(await suggestHeadlines(t.db, '"*(', NOW)).toEqual([]);
    expect(await suggestHeadlines(t.db, 'x', NOW)).toEqual([]);
  });
});

describe.each(DIALECTS)('search index follows content events on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(dialect);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('indexes on publish and edit, forgets on unpublish and delete, hides scheduled ones', async () => {
    const events = new EventBus((err) => {
      throw err;
    });
    wireSearchIndexing(events, t.db);
    const s = await makeSection(t.db, 'Kota');
    const now = Date.now();
    const a = await publishedArticle(
      t.db,
      s.id,
      { headline: 'Jembatan Kalimurni diresmikan', body: [paragraph('Jembatan baru.')] },
      now - 3_600_000,
      events,
    );
    const q = () => searchArticles(t.db, 'kalimurni', { now: Date.now(), page: 1, pageSize: 5 });
    expect((await q()).page.total).toBe(1);
    await touchArticle(t.db.kysely, events, a.id, { headline: 'Jembatan Kalimurni ditutup' });
    expect((await q()).page.items[0]?.headline).toBe('Jembatan Kalimurni ditutup');
    await unpublishArticle(t.db.kysely, events, a.id);
    expect((await q()).page.total).toBe(0);
    const b = await publishedArticle(
      t.db,
      s.id,
      { headline: 'Kalimurni lagi' },
      now - 1000,
      events,
    );
    expect((await q()).page.total).toBe(1);
    await deleteArticle(t.db.kysely, events, b.id);
    expect((await q()).page.total).toBe(0);
    await publishedArticle(t.db, s.id, { headline: 'Kalimurni nanti' }, now + 86_400_000, events);
    expect((await q()).page.total).toBe(0);
    const later = await searchArticles(t.db, 'kalimurni', {
      now: now + 2 * 86_400_000,
      page: 1,
      pageSize: 5,
    });
    expect(later.page.total).toBe(1);
  });

  it('reindex and the sweep catch articles published without events', async () => {
    const s = await makeSection(t.db, 'Desa');
    const id = await createArticle(t.db.kysely, {
      headline: 'Sumur Gendrowati kering',
      deck: '',
      sectionId: s.id,
      body: [paragraph('Warga antre.')],
    });
    await publishedArticle(t.db, s.id, { headline: 'Sumur Gendrowati diperdalam' });
    const q = () => searchArticles(t.db, 'gendrowati', { now: Date.now(), page: 1, pageSize: 5 });
    expect((await q()).page.total).toBe(0);
    await syncSearchIndex(t.db);
    expect((await q()).page.total).toBe(1);
    const seen: number[] = [];
    const n = await reindexSearch(t.db, (done) => seen.push(done));
    expect(n).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(n);
    expect((await q()).page.total).toBe(1);
    expect(id).toBeGreaterThan(0);
  });

  it('sweeps only what changed since its watermarks', async () => {
    const s = await makeSection(t.db, 'Pantai');
    const q = (w: string) => searchArticles(t.db, w, { now: Date.now(), page: 1, pageSize: 5 });
    await sweepChanges(t.db);
    // New without events: an id above the watermark, even with an old updated_at.
    const old = await publishedArticle(
      t.db,
      s.id,
      { headline: 'Abrasi Pantai Watukarung' },
      Date.now() - 400 * DAY,
    );
    await t.db.kysely
      .updateTable('articles')
      .set({ updated_at: Date.now() - 400 * DAY })
      .where('id', '=', old.id)
      .execute();
    expect((await q('watukarung')).page.total).toBe(0);
    expect(await sweepChanges(t.db)).toBe(1);
    expect((await q('watukarung')).page.total).toBe(1);
    // Edited and unpublished without events: updated_at after the watermark.
    await t.db.kysely
      .updateTable('articles')
      .set((eb) => ({
        headline: 'Abrasi Pantai Watukarung meluas',
        version: eb('version', '+', 1),
        updated_at: Date.now(),
      }))
      .where('id', '=', old.id)
      .execute();
    expect(await sweepChanges(t.db)).toBe(1);
    expect((await q('meluas')).page.total).toBe(1);
    await t.db.kysely
      .updateTable('articles')
      .set({ status: 'unpublished', updated_at: Date.now() })
      .where('id', '=', old.id)
      .execute();
    expect(await sweepChanges(t.db)).toBe(1);
    expect((await q('watukarung')).page.total).toBe(0);
    expect(await sweepChanges(t.db)).toBe(0);
  });
});

describe('same results on both backends', () => {
  it('orders the same top results for the same data', async () => {
    const orders: number[][][] = [];
    for (const dialect of DIALECTS) {
      const t = await freshDb(dialect);
      try {
        const s = await makeSection(t.db, 'Sama');
        const index = searchIndexFor(t.db);
        const texts = [
          ['Banjir rendam sawah di Bantaran', 'Petani rugi.', 'Air sungai meluap.', 5],
          ['Petani Bantaran tanam ulang', '', 'Setelah banjir, petani menanam padi lagi.', 2],
          ['Harga beras naik', 'Banjir jadi penyebab.', 'Pasokan dari sawah terganggu.', 1],
          ['Sekolah libur', '', 'Banjir membuat sekolah libur. Banjir surut esok.', 30],
          ['Banjir bandang di hulu', '', 'Tim SAR bersiaga.', 90],
        ] as const;
        const local: number[] = [];
        for (const [headline, deck, body, days] of texts) {
          const a = await publishedArticle(t.db, s.id, {}, NOW - days * DAY);
          local.push(a.id);
          await index.upsert(
            doc(a.id, s.id, { headline, deck, body, publishedAt: NOW - days * DAY }),
          );
        }
        const rank = async (q: string) =>
          (await index.search(parseQuery(q), { now: NOW }, { limit: 5, offset: 0 })).hits.map((h) =>
            local.indexOf(h.id),
          );
        orders.push([await rank('banjir'), await rank('petani'), await rank('sawah banjir')]);
      } finally {
        await t.dispose();
      }
    }
    expect(orders[0]).toEqual(orders[1]);
    expect(orders[0]?.[0]?.slice(0, 3)).toEqual([0, 4, 2]);
  });
});

describe('SQLite: walking matches newest first', () => {
  it('returns exactly what the ranked query returns', async () => {
    const t = await freshDb('sqlite');
    try {
      const s = await makeSection(t.db, 'Jalan');
      const index = searchIndexFor(t.db);
      const words = ['banjir', 'sawah', 'petani', 'sungai', 'Bantaran'];
      for (let i = 0; i < 60; i++) {
        const pick = (j: number) => words[(i * j + j) % words.length] as string;
        const a = await publishedArticle(t.db, s.id, {}, NOW - (i % 17) * DAY - i);
        await index.upsert(
          doc(a.id, s.id, {
            headline: `${pick(3)} ${i % 4 === 0 ? 'banjir' : 'kemarau'} hari ${i}`,
            deck: i % 3 === 0 ? `${pick(5)} dan banjir` : '',
            body: `${pick(7)} ${pick(2)} di desa. ${i % 2 ? 'Banjir lagi.' : ''}`,
            publishedAt: NOW - (i % 17) * DAY - i,
          }),
        );
      }
      const run = async (q: string, offset: number, filters = {}) => {
        const parsed = parseQuery(q);
        const f = { now: NOW, ...filters };
        WALK_TUNING.above = Number.POSITIVE_INFINITY;
        const ranked = await index.search(parsed, f, { limit: 5, offset });
        WALK_TUNING.above = -1;
        const walked = await index.search(parsed, f, { limit: 5, offset });
        return [ranked, walked].map((r) => ({ ids: r.hits.map((h) => h.id), total: r.total }));
      };
      for (const q of ['banjir', 'sawah banjir', 'petani sungai banjir', 'bantaran']) {
        for (const offset of [0, 5]) {
          const [ranked, walked] = await run(q, offset);
          expect(walked).toEqual(ranked);
        }
        const [r2, w2] = await run(q, 0, {
          from: NOW - 10 * DAY,
          to: NOW - DAY,
          sectionIds: [s.id],
        });
        expect(w2).toEqual(r2);
      }
    } finally {
      WALK_TUNING.above = 2000;
      await t.dispose();
    }
  });
});

describe('query cleaning and snippets', () => {
  it('truncates long queries at a word boundary and drops control characters', () => {
    const q = cleanQuery(`${'kata '.repeat(100)}akhir`);
    expect(q.length).toBeLessThanOrEqual(200);
    expect(q.endsWith('kata')).toBe(true);
    expect(cleanQuery(['air', 'x'])).toBe('air');
    expect(cleanQuery({ a: 1 })).toBe('');
    expect(cleanQuery('air\u0000bersih')).toBe('air bersih');
  });

  it('builds a short excerpt around the first match', () => {
    const text = `${'Kalimat pembuka yang panjang sekali. '.repeat(10)}Pipa air bersih bocor di ujung desa. ${'Penutup. '.repeat(30)}`;
    const parts = buildSnippet(text, new Set(parseQuery('pipa bocor').terms)) ?? [];
    const joined = parts.map((p) => p.text).join('');
    expect(joined.length).toBeLessThan(240);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Pipa', 'bocor']);
    expect(joined.startsWith('… ')).toBe(true);
    expect(buildSnippet('Tidak ada.', new Set(['pipa']))).toBeNull();
  });
});
