import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, makeSection, publishedArticle } from '../../../test/factories.ts';
import { DIALECTS, freshDb, type TestApp, testApp } from '../../../test/helpers.ts';
import { form } from '../../../test/newsroom-http.ts';
import { loginAs, makeStaff } from '../../../test/staff.ts';
import { loadConfig } from '../../config.ts';
import { createArticle } from '../../content/commands.ts';
import { EventBus } from '../../lib/events.ts';
import { LiveSettings } from './live-settings.ts';
import { editSection } from './sections.ts';
import { saveSiteSettings } from './settings.ts';

type Login = Awaited<ReturnType<typeof loginAs>>;

const BOUNDARY = '----site-admin-test';
function multipart(csrf: string, which: string, name: string, data: Buffer) {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="which"\r\n\r\n${which}\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

describe('site admin over HTTP (sqlite)', () => {
  let app: TestApp;
  let admin: Login;
  let adminEn: Login;

  const get = (url: string, who: Login | null = admin) =>
    app.server.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const post = (url: string, fields: Record<string, string | string[]>, who: Login = admin) =>
    app.server.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: who.csrf, ...fields }),
    });

  beforeAll(async () => {
    app = await testApp('sqlite', { pageCacheTtl: 60 });
    admin = await loginAs(app, 'admin');
    adminEn = await loginAs(app, 'admin', { lang: 'en' });
  });
  afterAll(() => app.dispose());

  it('creates, nests, renames (old address redirects), reorders and hides sections', async () => {
    const created = await post('/newsroom/rubrik', { name: 'Bali', slug: '', parent: '' });
    expect(created.statusCode).toBe(303);
    const bali = await app.db.kysely
      .selectFrom('sections')
      .selectAll()
      .where('slug', '=', 'bali')
      .executeTakeFirstOrThrow();
    const child = await post('/newsroom/rubrik', {
      name: 'Denpasar',
      slug: 'denpasar',
      parent: String(bali.id),
    });
    expect(child.statusCode).toBe(303);
    const story = await publishedArticle(app.db, bali.id, { headline: 'Banjir di Kuta' });
    // The home page is cached; a section change purges it.
    expect((await get('/', null)).body).toContain('href="/bali"');

    const renamed = await post(`/newsroom/rubrik/${bali.id}`, {
      name: 'Bali dan Nusa',
      slug: 'bali-nusa',
      parent: '',
    });
    expect(renamed.statusCode).toBe(303);
    const page = await get(renamed.headers.location as string);
    expect(page.body).toContain('Rubrik &quot;Bali dan Nusa&quot; disimpan.');
    expect(page.body).toContain('/bali kini dialihkan ke /bali-nusa');
    const home = await get('/', null);
    expect(home.body).toContain('href="/bali-nusa"');
    expect(home.body).toContain('Bali dan Nusa');
    // The old section page and feed, and the article under the old section, answer 301.
    expect((await get('/bali', null)).headers.location).toBe('/bali-nusa');
    expect((await get('/bali/feed', null)).headers.location).toBe('/bali-nusa/feed');
    const old = await get(`/bali/${story.id}/x`, null);
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toMatch(new RegExp(`^/bali-nusa/${story.id}/`));

    // Reorder: a second top-level section moves above the first.
    await post('/newsroom/rubrik', { name: 'Olahraga', slug: 'olahraga', parent: '' });
    const ol = await app.db.kysely
      .selectFrom('sections')
      .select('id')
      .where('slug', '=', 'olahraga')
      .executeTakeFirstOrThrow();
    expect((await post(`/newsroom/rubrik/${ol.id}/geser`, { arah: 'up' })).statusCode).toBe(303);
    const nav = (await get('/', null)).body;
    expect(nav.indexOf('href="/olahraga"')).toBeLessThan(nav.indexOf('href="/bali-nusa"'));

    // Hide: out of the menu, the page still answers.
    await post(`/newsroom/rubrik/${ol.id}`, {
      name: 'Olahraga',
      slug: 'olahraga',
      parent: '',
      hidden: '1',
    });
    expect((await get('/', null)).body).not.toContain('href="/olahraga"');
    expect((await get('/olahraga', null)).statusCode).toBe(200);
    expect((await get('/newsroom/rubrik')).body).toContain('tersembunyi');
  });

  it('refuses bad section input with the message under the field, the input kept, and a 4xx', async () => {
    const taken = await makeSection(app.db, 'Ekonomi');
    const cases: [Record<string, string>, number, string, string][] = [
      [{ name: '', slug: 'kosong' }, 400, 'Nama rubrik wajib diisi.', 'value="kosong"'],
      [
        { name: 'x'.repeat(61), slug: 'panjang' },
        400,
        'Nama rubrik terlalu panjang',
        'value="panjang"',
      ],
      [
        { name: 'Ekonomi Lagi', slug: taken.slug },
        409,
        'sudah dipakai rubrik lain',
        'value="Ekonomi Lagi"',
      ],
      [{ name: 'Cari', slug: 'cari' }, 400, 'Alamat rubrik hanya boleh', 'value="Cari"'],
      [
        { name: 'Aneh', slug: 'Huruf Besar!' },
        400,
        'Alamat rubrik hanya boleh',
        'value="Huruf Besar!"',
      ],
    ];
    for (const [fields, status, message, kept] of cases) {
      const res = await post('/newsroom/rubrik', { parent: '', ...fields });
      expect(res.statusCode, JSON.stringify(fields)).toBe(status);
      expect(res.body).toContain(message);
      expect(res.body).toContain(kept);
      expect(res.body).toContain('aria-invalid="true"');
    }
    // Two levels of nesting are refused.
    const top = await makeSection(app.db, 'Induk');
    const kid = await makeSection(app.db, 'Anak', top.slug);
    const deep = await post('/newsroom/rubrik', {
      name: 'Cucu',
      slug: 'cucu',
      parent: String(kid.id),
    });
    expect(deep.statusCode).toBe(400);
    expect(deep.body).toContain('hanya bisa bersarang satu tingkat');
    // In English for an English-speaking admin.
    const en = await post('/newsroom/rubrik', { name: '', slug: 'x', parent: '' }, adminEn);
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('The section needs a name.');
  });

  it('saves site settings: every page, feed and the newsroom shows them on the next request', async () => {
    const s = await makeSection(app.db, 'Kota');
    const a = await publishedArticle(app.db, s.id, { headline: 'Pasar malam dibuka' });
    const article = (await get(`/${s.slug}/${a.id}/x`, null)).headers.location as string;
    // Cached with the configured zone; saving the settings purges it.
    expect((await get(article, null)).body).toContain('WITA');
    const res = await post('/newsroom/situs', {
      siteName: 'Kabar Timur',
      siteTagline: 'Berita dari ujung timur',
      timeZone: 'WIT',
      language: 'id',
      'social.instagram': 'https://instagram.com/kabartimur',
      legalTitle: ['Pedoman Media Siber', ''],
      legalUrl: ['/kota/1/pedoman', ''],
    });
    expect(res.statusCode).toBe(303);
    const home = (await get('/', null)).body;
    expect(home).toContain('Kabar Timur');
    expect(home).toContain('Berita dari ujung timur');
    expect(home).toContain('href="https://instagram.com/kabartimur"');
    expect(home).toContain('href="/kota/1/pedoman"');
    expect(home).not.toContain('>Warta<');
    const page = (await get(article, null)).body;
    expect(page).toContain('WIT');
    expect(page).not.toContain('WITA');
    expect((await get('/feed', null)).body).toContain('<title>Kabar Timur</title>');
    expect((await get('/newsroom')).body).toContain('Kabar Timur');
    const audit = await app.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'settings.site')
      .execute();
    expect(audit.length).toBe(1);
  });

  it('refuses bad settings with the message under the field, the input kept, and 400', async () => {
    const base = { siteName: 'Warta', siteTagline: '', timeZone: 'WITA', language: 'id' };
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ siteName: '' }, 'Nama situs wajib diisi.', 'Pengaturan belum disimpan'],
      [{ siteName: 'N'.repeat(61) }, 'Nama situs terlalu panjang', 'value="NNNN'],
      [{ timeZone: 'UTC' }, 'Zona waktu harus WIB, WITA atau WIT.', 'value="Warta"'],
      [
        { 'social.x': 'javascript:alert(1)' },
        'harus dimulai dengan https://',
        'javascript:alert(1)',
      ],
      [
        { legalTitle: ['Privasi'], legalUrl: ['privasi'] },
        'harus dimulai dengan https://',
        'value="Privasi"',
      ],
      [
        { legalTitle: [''], legalUrl: ['/privasi'] },
        'Setiap tautan perlu judul',
        'value="/privasi"',
      ],
    ];
    for (const [fields, message, kept] of cases) {
      const res = await post('/newsroom/situs', { ...base, ...fields });
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain(kept);
    }
    const en = await post('/newsroom/situs', { ...base, timeZone: 'GMT' }, adminEn);
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('The time zone must be WIB, WITA or WIT.');
    // Nothing was saved by a refused form.
    const rows = await app.db.kysely.selectFrom('site_settings').select('key').execute();
    expect(rows.map((r) => r.key)).not.toContain('x');
  });

  it('takes a logo through the media checks; a non-image is refused with 415 and a message', async () => {
    const upload = (name: string, data: Buffer, who: Login = admin) =>
      app.server.inject({
        method: 'POST',
        url: '/newsroom/situs/gambar',
        headers: {
          cookie: who.cookie,
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        },
        payload: multipart(who.csrf, 'logo', name, data),
      });
    const fake = await upload('logo.png', Buffer.from('<svg onload="alert(1)"></svg>'));
    expect(fake.statusCode).toBe(415);
    expect(fake.body).toContain('Jenis berkas ini tidak diterima.');
    const fakeEn = await upload('logo.png', Buffer.from('%PDF-1.4'), adminEn);
    expect(fakeEn.body).toContain('This kind of file is not accepted.');
    const png = await sharp({
      create: {
        width: 400,
        height: 120,
        channels: 4,
        background: { r: 200, g: 0, b: 0, alpha: 1 },
      },
    })
      .png()
      .toBuffer();
    const ok = await upload('logo.png', png);
    expect(ok.statusCode).toBe(303);
    const home = (await get('/', null)).body;
    expect(home).toMatch(/<img class="brand-logo" src="\/media\/[^"]+\.webp"/);
    const removed = await post('/newsroom/situs/gambar/hapus', { which: 'logo' });
    expect(removed.statusCode).toBe(303);
    expect((await get('/', null)).body).not.toContain('brand-logo');
  });

  it('draws the favicon and app icons from an uploaded icon, and from the name again without one', async () => {
    const iconHref = async () =>
      /<link rel="icon" href="\/favicon\.ico\?v=([0-9a-f]+)"/.exec(
        (await get('/', null)).body,
      )?.[1];
    const before = await iconHref();
    expect(before).toBeDefined();
    const blue = await sharp({
      create: { width: 600, height: 600, channels: 3, background: { r: 0, g: 60, b: 200 } },
    })
      .png()
      .toBuffer();
    const res = await app.server.inject({
      method: 'POST',
      url: '/newsroom/situs/gambar',
      headers: {
        cookie: admin.cookie,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      },
      payload: multipart(admin.csrf, 'icon', 'ikon.png', blue),
    });
    expect(res.statusCode).toBe(303);

    // Drawn in the background after the next request notices the new icon.
    let after = before;
    for (let i = 0; i < 100 && after === before; i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await iconHref();
    }
    expect(after).not.toBe(before);
    const icon = await app.server.inject({ url: `/icon-512.png?v=${after}` });
    expect(icon.headers['cache-control']).toContain('immutable');
    const { data } = await sharp(icon.rawPayload).raw().toBuffer({ resolveWithObject: true });
    // The uploaded blue (through a lossy WebP variant), not the default red.
    const [r = 255, g = 0, b = 0] = data;
    expect(Math.abs(r - 0) + Math.abs(g - 60) + Math.abs(b - 200)).toBeLessThan(20);

    await post('/newsroom/situs/gambar/hapus', { which: 'icon' });
    let back = after;
    for (let i = 0; i < 100 && back !== before; i++) {
      await new Promise((r) => setTimeout(r, 50));
      back = await iconHref();
    }
    expect(back).toBe(before);
  });

  it('is for admins only', async () => {
    for (const role of ['kontributor', 'wartawan', 'redaktur'] as const) {
      const who = await loginAs(app, role);
      expect((await get('/newsroom/rubrik', who)).statusCode).toBe(403);
      expect((await get('/newsroom/situs', who)).statusCode).toBe(403);
      expect((await post('/newsroom/situs', { siteName: 'X' }, who)).statusCode).toBe(403);
    }
  });

  it('shows on the newsroom home what needs each person now, with counts and empty states', async () => {
    const writer = await loginAs(app, 'kontributor');
    const editor = await loginAs(app, 'redaktur');
    const s = await makeSection(app.db, 'Meja');
    // Nothing yet for the writer: the empty state in words.
    const empty = (await get('/newsroom', writer)).body;
    expect(empty).toContain('Tidak ada draf.');
    expect(empty).not.toContain('Menunggu di meja redaksi');
    const draft = await createArticle(
      app.db.kysely,
      buildArticle(s.id, { headline: 'Draf jembatan gantung', authorId: writer.user.id }),
    );
    const waiting = await createArticle(
      app.db.kysely,
      buildArticle(s.id, { headline: 'Kiriman pasar ikan', authorId: writer.user.id }),
    );
    await app.db.kysely
      .updateTable('articles')
      .set({ status: 'submitted', submitted_at: Date.now() })
      .where('id', '=', waiting)
      .execute();
    const mine = (await get('/newsroom', writer)).body;
    expect(mine).toContain(`href="/newsroom/artikel/${draft}"`);
    expect(mine).toContain('Draf saya <span class="sa-count">(1)</span>');
    const desk = (await get('/newsroom', editor)).body;
    expect(desk).toContain(`href="/newsroom/artikel/${waiting}"`);
    expect(desk).toContain('Komentar menunggu moderasi');
    expect(desk).toContain('Tidak ada artikel terjadwal.');
    expect(desk).not.toContain('Tugas latar yang gagal');
    await app.db.kysely
      .insertInto('jobs')
      .values({
        kind: 'webhook.deliver',
        payload: '{}',
        run_at: Date.now(),
        status: 'failed',
        attempts: 5,
        locked_until: null,
        last_error: 'connect ECONNREFUSED',
        created_at: Date.now(),
      })
      .execute();
    const adminHome = (await get('/newsroom')).body;
    expect(adminHome).toContain('webhook.deliver, 5 kali dicoba');
    expect(adminHome).toContain('connect ECONNREFUSED');
  });
});

describe.each(DIALECTS)('site settings store (%s)', (dialect) => {
  it('overrides the configured defaults, and records a renamed section’s old address', async () => {
    const t = await freshDb(dialect);
    try {
      const config = loadConfig(
        {},
        { databaseUrl: t.url, siteName: 'Warta', secretKey: 'k'.repeat(32) },
      );
      const live = new LiveSettings(config, t.db);
      await live.refresh();
      expect(live.config.siteName).toBe('Warta');
      const events = new EventBus();
      let heard = '';
      events.on('settings.changed', ({ scope }) => {
        heard = scope;
      });
      const actor = { id: (await makeStaff(t.db, 'admin')).id, role: 'admin' as const };
      await saveSiteSettings(t.db, events, actor, { siteName: 'Suara Dompu', timeZone: 'WIB' });
      await live.refresh();
      expect(heard).toBe('site');
      expect(live.config.siteName).toBe('Suara Dompu');
      expect(live.config.timeZone).toBe('WIB');
      expect(live.config.language).toBe(config.language);
      await expect(
        saveSiteSettings(t.db, events, { id: actor.id, role: 'redaktur' }, { siteName: 'X' }),
      ).rejects.toThrow('FORBIDDEN');

      const s = await makeSection(t.db, 'Dompu');
      const out = await editSection(t.db, events, actor, s.id, {
        name: 'Dompu Raya',
        slug: 'dompu-raya',
        parentId: null,
        hidden: false,
      });
      expect(out).toEqual({ oldSlug: s.slug, slug: 'dompu-raya' });
      const legacy = await t.db.kysely
        .selectFrom('legacy_paths')
        .select(['path', 'target_kind'])
        .where('target_id', '=', s.id)
        .orderBy('path')
        .execute();
      expect(legacy).toEqual([
        { path: `/${s.slug}`, target_kind: 'section' },
        { path: `/${s.slug}/feed`, target_kind: 'section-feed' },
      ]);
    } finally {
      await t.dispose();
    }
  });
});
