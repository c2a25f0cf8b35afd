import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { paragraph } from '../content/blocks.ts';
import { SUGGEST_RATE_LIMIT } from './routes.ts';

const DAY = 86_400_000;

describe.each(DIALECTS)('search over HTTP on %s', (dialect) => {
  let app: TestApp;
  let airId: number;
  let sectionSlug: string;
  let otherSlug: string;

  beforeAll(async () => {
    app = await testApp(dialect);
    const db = app.db;
    const section = await makeSection(db, 'Daerah');
    const child = await makeSection(db, 'Sumbawa', section.slug);
    const other = await makeSection(db, 'Olahraga');
    sectionSlug = section.slug;
    otherSlug = other.slug;
    const events = app.events;
    airId = (
      await publishedArticle(
        db,
        child.id,
        {
          headline: 'Air bersih kembali mengalir di Desa Labuhan',
          deck: 'Perbaikan pipa selesai.',
          body: [
            paragraph('Selama dua minggu warga membeli air dari truk tangki.'),
            paragraph('Kini pipa yang pecah sudah diganti dan air bersih mengalir lagi.'),
          ],
        },
        Date.now() - 2 * DAY,
        events,
      )
    ).id;
    for (let i = 0; i < 14; i++) {
      await publishedArticle(
        db,
        other.id,
        {
          headline: `Turnamen voli antardesa hari ke-${i + 1}`,
          body: [paragraph('Penonton memadati lapangan. Panitia menyediakan air minum gratis.')],
        },
        Date.now() - (i + 3) * DAY,
        events,
      );
    }
  });
  afterAll(async () => {
    await app?.dispose();
  });

  const get = (url: string) => app.server.inject({ method: 'GET', url });
  const cari = (params: Record<string, string>) => get(`/cari?${new URLSearchParams(params)}`);

  it('shows results with count, query, highlighted snippet and filters form', async () => {
    const res = await cari({ q: 'air bersih' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Air bersih kembali mengalir di Desa Labuhan');
    expect(res.body).toContain('berita ditemukan untuk');
    expect(res.body).toContain('value="air bersih"');
    expect(res.body).toContain('<mark>air</mark> <mark>bersih</mark>');
    expect(res.body).toContain('name="bagian"');
    expect(res.body).toContain('name="dari"');
    expect(res.body).toMatch(/<script src="\/static\/search-suggest\.[0-9a-f]{10}\.js" defer/);
    expect(res.body).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('filters by section (children included) and date range', async () => {
    const inParent = await cari({ q: 'air bersih', bagian: sectionSlug });
    expect(inParent.body).toContain(`/${airId}/`);
    // Partial matches count too ("air" alone is in every voli story), so ask for words they lack.
    const inOther = await cari({ q: 'pipa bersih', bagian: otherSlug });
    expect(inOther.body).toContain('Tidak ada hasil untuk');
    expect(inOther.body).toContain('Coba hapus filter');
    const old = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10);
    const older = new Date(Date.now() - 20 * DAY).toISOString().slice(0, 10);
    const none = await cari({ q: 'air bersih', dari: old, sampai: older });
    expect(none.body).toContain('Tidak ada hasil untuk');
    const bad = await cari({ q: 'air bersih', dari: '2024-13-45', sampai: 'kemarin' });
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Tanggal yang tidak valid diabaikan');
    expect(bad.body).toContain(`/${airId}/`);
  });

  it('pages through results; a page past the end is an empty state', async () => {
    const p1 = await cari({ q: 'air' });
    expect(p1.body).toContain('15 berita ditemukan');
    expect(p1.body).toContain('page=2');
    const p2 = await cari({ q: 'air', page: '2' });
    expect(p2.statusCode).toBe(200);
    for (const page of ['99', '100000', '999999999999', '1000000000000000000000000']) {
      const res = await cari({ q: 'air', page });
      expect(res.statusCode, page).toBe(200);
      expect(res.body).toContain('melewati akhir hasil');
    }
    expect((await cari({ q: 'air', page: 'abc' })).statusCode).toBe(400);
  });

  it('answers every kind of bad input with results or a clear empty state', async () => {
    const cases: [string, RegExp][] = [
      ['', /Ketik kata kunci/],
      ['   ', /Ketik kata kunci/],
      ['yang dan di', /terlalu umum/],
      ['a'.repeat(10_000), /Tidak ada hasil/],
      [`air ${'bersih '.repeat(1500)}`, /berita ditemukan/],
      ['"*NEAR(', /Tidak ada hasil/],
      ['air* OR "bersih', /berita ditemukan/],
      ['NEAR(air bersih) -pipa :x (y) AND OR NOT', /berita ditemukan|Tidak ada hasil/],
      ["' OR 1=1 --", /Tidak ada hasil/],
      ['air; DROP TABLE articles; --', /Tidak ada hasil|berita ditemukan/],
      ['🙂💧🔥', /Ketik kata kunci/],
      ['💧 air bersih', /berita ditemukan/],
      ['مياه 北京 ꦧꦺꦤ꧀ꦝꦸꦁ', /Tidak ada hasil/],
      ['\u200b\u0000', /Ketik kata kunci/],
    ];
    for (const [q, expected] of cases) {
      const res = await cari({ q });
      expect(res.statusCode, q.slice(0, 30)).toBe(200);
      expect(res.body, q.slice(0, 30)).toMatch(expected);
      expect(res.body).not.toMatch(/fts5|syntax error|tsquery/i);
    }
    const repeated = await get('/cari?q=air&q=bersih');
    expect(repeated.statusCode).toBe(200);
    const tooLong = await get(`/cari?q=${'a'.repeat(13_000)}`);
    expect(tooLong.statusCode).toBe(414);
  });

  it('typo-corrects names when little is found', async () => {
    const res = await cari({ q: 'Labuahn' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`/${airId}/`);
    expect(res.body).toContain('Termasuk hasil untuk');
  });

  it('suggests up to 8 headlines as JSON', async () => {
    const res = await get(`/cari/saran?q=${encodeURIComponent('air ber')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const { items } = res.json() as { items: { headline: string; url: string }[] };
    expect(items).toEqual([
      {
        headline: 'Air bersih kembali mengalir di Desa Labuhan',
        url: expect.stringContaining(`/${airId}/`),
      },
    ]);
    const many = (await get('/cari/saran?q=turn')).json() as { items: unknown[] };
    expect(many.items).toHaveLength(8);
    for (const q of ['', 'a', '"*(', "' OR 1=1", '🙂', 'x'.repeat(5000)]) {
      const r = await get(`/cari/saran?q=${encodeURIComponent(q)}`);
      expect(r.statusCode, q.slice(0, 20)).toBe(200);
    }
    expect((await get('/cari/saran')).json()).toEqual({ items: [] });
  });

  it('serves the suggestions script small and cacheable', async () => {
    const page = await cari({ q: 'air' });
    const src = /src="(\/static\/search-suggest\.[0-9a-f]+\.js)"/.exec(page.body)?.[1];
    const js = await get(src as string);
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.body).toContain('combobox');
  });
});

describe('search suggestions are rate limited', () => {
  let app: TestApp;
  const saved = { ...SUGGEST_RATE_LIMIT };

  beforeAll(async () => {
    SUGGEST_RATE_LIMIT.max = 3;
    SUGGEST_RATE_LIMIT.timeWindow = 1000;
    app = await testApp('sqlite');
  });
  afterAll(async () => {
    Object.assign(SUGGEST_RATE_LIMIT, saved);
    await app.dispose();
  });

  it('answers 429 with a message when hammered, then recovers', async () => {
    const ask = (ip: string) =>
      app.server.inject({
        method: 'GET',
        url: '/cari/saran?q=air',
        headers: { 'x-forwarded-for': ip },
      });
    for (let i = 0; i < 3; i++) expect((await ask('203.0.113.7')).statusCode).toBe(200);
    const limited = await ask('203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Terlalu banyak permintaan');
    // Another reader is not affected.
    expect((await ask('203.0.113.8')).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const again = await ask('203.0.113.7');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ items: [] });
  });
});
