import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage, makePerson, makeSection, publishedArticle } from '../../test/factories.ts';
import { type TestApp, testApp } from '../../test/helpers.ts';
import { paragraph } from '../content/blocks.ts';
import { createArticle } from '../content/commands.ts';
import { deleteArticle, touchArticle } from '../content/publication.ts';
import { localDateParts } from '../lib/time.ts';

const HOUR = 3_600_000;

describe('public site over HTTP', () => {
  let app: TestApp;
  let section: { id: number; slug: string; name: string };
  let child: { id: number; slug: string; name: string };
  let person: { id: number; slug: string; name: string };
  let main: { id: number; headline: string };
  let mainUrl: string;
  let publishedAt: number;

  beforeAll(async () => {
    app = await testApp('sqlite');
    const db = app.db;
    section = await makeSection(db, 'Daerah');
    child = await makeSection(db, 'Bali', section.slug);
    person = await makePerson(db, 'Ni Luh Uji');
    const mediaId = await makeImage(db, app.mediaDir);
    publishedAt = Date.now() - 2 * HOUR;
    for (let i = 0; i < 5; i++) {
      await publishedArticle(db, child.id, { tagNames: ['Subak'] }, publishedAt - (i + 1) * HOUR);
    }
    main = await publishedArticle(
      db,
      child.id,
      {
        headline: 'Subak di Tabanan mulai membagi air secara bergilir',
        personIds: [person.id],
        tagNames: ['Subak', 'Kekeringan'],
        sourceCredit: 'Antara',
        bylineInitials: 'Uji/Warta',
        dateline: 'TABANAN',
        body: [
          paragraph('Petani di Tabanan menyepakati jadwal baru pembagian air.'),
          paragraph('Kelian subak menyebut debit sungai turun sejak awal bulan.'),
          { type: 'quote', text: 'Kami harus adil membagi air.', cite: 'Kelian Subak' },
          paragraph('Dinas pertanian menyiapkan pompa cadangan.'),
          paragraph('Warga berharap hujan turun pekan depan.'),
          paragraph('Pemerintah desa mencatat kebutuhan air setiap banjar.'),
          paragraph('Rapat berikutnya digelar di balai subak.'),
          paragraph('Petani diminta menunda penanaman padi.'),
        ],
        featured: {
          mediaId,
          caption: 'Petani memeriksa saluran air',
          credit: 'Warta/Uji',
          archive: true,
          alt: 'Saluran air subak',
        },
      },
      publishedAt,
    );
    const row = await app.db.kysely
      .selectFrom('articles')
      .select('slug')
      .where('id', '=', main.id)
      .executeTakeFirstOrThrow();
    mainUrl = `/${child.slug}/${main.id}/${row.slug}`;
  });
  afterAll(async () => {
    await app?.dispose();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.server.inject({ method: 'GET', url, headers });

  it('renders the home page with the latest stories and section blocks', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(main.headline);
    expect(res.body).toContain('<html lang="id"');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('renders the article page with every element of a news page', async () => {
    const res = await get(mainUrl);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1');
    expect(html).toContain(main.headline);
    expect(html).toMatch(/TABANAN, WARTA\s*–/);
    expect(html).toContain('Arsip');
    expect(html).toContain('Warta/Uji');
    expect(html).toContain('Antara');
    expect(html).toContain('(Uji/Warta)');
    expect(html).toContain('Baca juga');
    expect(html).toContain('Ni Luh Uji');
    expect(html).toContain('wa.me');
    expect(html).toContain('Tinggalkan Balasan');
    const parts = localDateParts(publishedAt, 'WITA');
    const date = `${String(parts.day).padStart(2, '0')}/${String(parts.month).padStart(2, '0')}/${parts.year}`;
    expect(html).toContain(date);
    expect(html).toContain('WITA');
    expect(html).toMatch(
      /<img[^>]+width="\d+"[^>]+height="\d+"|<img[^>]+height="\d+"[^>]+width="\d+"/,
    );
    expect(html).toContain('type="image/webp"');
    expect(html).toContain(`<link rel="canonical" href="http://warta.test${mainUrl}"`);
  });

  it('redirects an old slug or a wrong section to the canonical URL (301)', async () => {
    const wrongSlug = await get(`/${child.slug}/${main.id}/judul-lama`);
    expect(wrongSlug.statusCode).toBe(301);
    expect(wrongSlug.headers.location).toBe(mainUrl);
    const noSlug = await get(`/${child.slug}/${main.id}`);
    expect(noSlug.statusCode).toBe(301);
    const wrongSection = await get(`/${section.slug}/${main.id}/x`);
    expect(wrongSection.headers.location).toBe(mainUrl);

    const a = await publishedArticle(app.db, section.id, { headline: 'Judul awal' });
    await touchArticle(app.db.kysely, app.events, a.id, { slug: 'judul-yang-diperbaiki' });
    const old = await get(`/${section.slug}/${a.id}/judul-awal`);
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(`/${section.slug}/${a.id}/judul-yang-diperbaiki`);
  });

  it('answers 404 for unpublished and 410 for deleted articles', async () => {
    const draft = await createArticle(app.db.kysely, {
      headline: 'Draf rahasia',
      sectionId: section.id,
      body: [paragraph('Belum terbit.')],
    });
    const res = await get(`/${section.slug}/${draft}/draf-rahasia`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Belum terbit');
    const gone = await publishedArticle(app.db, section.id);
    await deleteArticle(app.db.kysely, app.events, gone.id);
    const res410 = await get(`/${section.slug}/${gone.id}/x`);
    expect(res410.statusCode).toBe(410);
    expect(res410.body).toContain('dihapus');
  });

  it('lists sections (with children), tags, authors and archives', async () => {
    const parent = await get(`/${section.slug}`);
    expect(parent.statusCode).toBe(200);
    expect(parent.body).toContain(main.headline);
    expect((await get(`/${child.slug}`)).statusCode).toBe(200);
    const tag = await get('/tag/kekeringan');
    expect(tag.statusCode).toBe(200);
    expect(tag.body).toContain(main.headline);
    const author = await get(`/penulis/${person.slug}`);
    expect(author.statusCode).toBe(200);
    expect(author.body).toContain(main.headline);
    const p = localDateParts(publishedAt, 'WITA');
    const mm = String(p.month).padStart(2, '0');
    const dd = String(p.day).padStart(2, '0');
    const day = await get(`/arsip/${p.year}/${mm}/${dd}`);
    expect(day.statusCode).toBe(200);
    expect(day.body).toContain(main.headline);
    expect((await get(`/arsip/${p.year}/${mm}`)).statusCode).toBe(200);
    expect((await get(`/arsip/${p.year}`)).statusCode).toBe(200);
  });

  it('paginates lists and rejects malformed page numbers with 400', async () => {
    const page2 = await get(`/${child.slug}?page=1`);
    expect(page2.statusCode).toBe(200);
    for (const bad of ['-1', 'abc', '99999999999', '0', '1.5', '']) {
      if (bad === '') continue;
      const res = await get(`/${child.slug}?page=${encodeURIComponent(bad)}`);
      expect(res.statusCode, `page=${bad}`).toBe(400);
      expect(res.body).toContain('Nomor halaman tidak valid');
    }
    expect((await get('/?page=abc')).statusCode).toBe(200); // the home page has no pages
    expect((await get(`/${child.slug}?page=500`)).statusCode).toBe(404);
    expect((await get(`/${child.slug}?page=1&page=2`)).statusCode).toBe(400);
  });

  it('answers unknown paths, sections, tags and authors with a 404 page in Indonesian', async () => {
    for (const url of [
      '/tidak-ada',
      '/tag/tidak-ada',
      '/penulis/tidak-ada',
      '/a/b/c/d/e',
      `/${child.slug}/abc/x`,
      `/${child.slug}/99999999/x`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('tidak ditemukan');
      expect(res.body, url).toContain('action="/cari"');
    }
  });

  it('rejects impossible archive dates with 400', async () => {
    for (const url of [
      '/arsip/2022/13',
      '/arsip/2022/02/31',
      '/arsip/abcd',
      '/arsip/2022/1',
      '/arsip/1900/01',
    ]) {
      expect((await get(url)).statusCode, url).toBe(400);
    }
  });

  it('answers overlong URLs with 414 and never a 500', async () => {
    const res = await get(`/${'a'.repeat(5000)}`);
    expect(res.statusCode).toBe(414);
    const longParam = await get(`/tag/${'b'.repeat(400)}`);
    expect([404, 414]).toContain(longParam.statusCode);
  });

  it('refuses path traversal on media and static files', async () => {
    for (const url of [
      '/media/../../../../etc/passwd',
      '/media/..%2f..%2f..%2fetc%2fpasswd',
      '/media/%2e%2e/%2e%2e/etc/passwd',
      '/static/../package.json',
      '/static/..%2fpackage.json',
    ]) {
      const res = await get(url);
      expect([400, 403, 404], url).toContain(res.statusCode);
      expect(res.body).not.toContain('root:');
      expect(res.body).not.toContain('"name": "warta"');
    }
  });

  it('serves image variants and hashed assets with long cache lifetimes', async () => {
    const html = (await get(mainUrl)).body;
    const img = html.match(/src="(\/media\/[^"]+\.jpg)"/)?.[1];
    expect(img).toBeDefined();
    const res = await get(img as string);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    const css = html.match(/href="(\/static\/warta\.[0-9a-f]+\.css)"/)?.[1];
    const cssRes = await get(css as string);
    expect(cssRes.statusCode).toBe(200);
    expect(cssRes.headers['cache-control']).toContain('immutable');
  });

  it('compresses pages for clients that accept gzip', async () => {
    const res = await app.server.inject({
      method: 'GET',
      url: mainUrl,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toContain(main.headline);
  });

  it('searches headlines and bodies and shows an empty state', async () => {
    const hit = await get(`/cari?q=${encodeURIComponent('subak tabanan')}`);
    expect(hit.statusCode).toBe(200);
    expect(hit.body).toContain(main.headline);
    for (const q of ['', '"*NEAR(', 'a'.repeat(10_000), "' OR 1=1 --"]) {
      const res = await get(`/cari?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q.slice(0, 20)).toBe(200);
    }
  });
});

describe('public site in English', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp('sqlite', { language: 'en', timeZone: 'WIB' });
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('speaks English on the 404 page and the home page', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('could not be found');
    const bad = await app.server.inject({ method: 'GET', url: '/?page=x' });
    expect(bad.statusCode).toBe(200);
  });
});

describe('public site on PostgreSQL', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp('postgres');
  });
  afterAll(async () => {
    await app?.dispose();
  });

  it('serves the home, section and article pages', async () => {
    const s = await makeSection(app.db, 'Ekonomi');
    const a = await publishedArticle(app.db, s.id, {
      headline: 'Harga beras turun di pasar Badung',
    });
    expect((await app.server.inject({ url: '/' })).body).toContain(a.headline);
    expect((await app.server.inject({ url: `/${s.slug}` })).body).toContain(a.headline);
    const res = await app.server.inject({
      url: `/${s.slug}/${a.id}/harga-beras-turun-di-pasar-badung`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(a.headline);
  });
});
