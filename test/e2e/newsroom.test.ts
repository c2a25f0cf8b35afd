import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { createSection } from '../../src/content/section-commands.ts';
import { publishedArticle } from '../factories.ts';
import { loginAs, makeStaff, TEST_PASSWORD } from '../staff.ts';
import { type E2eServer, launchChromium, SCREENSHOT_DIR, startE2eServer } from './browser.ts';

/**
 * The newsroom in a real Chromium: a contributor writes an article with the
 * TipTap editor and a library photo and submits it; an editor approves and
 * publishes it from the desk; the public page shows every field.
 */
describe('writing and publishing in the newsroom (Chromium)', () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let server: E2eServer;
  let sectionId: number;

  beforeAll(async () => {
    server = await startE2eServer('newsroom', { pageCacheTtl: 0 }, async (started) => {
      sectionId = await createSection(started.db.kysely, { slug: 'daerah', name: 'Daerah' });
    });
    app = server.app;
    base = server.base;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function login(page: Page, email: string, next: string) {
    await page.goto(`${base}/newsroom/masuk?next=${encodeURIComponent(next)}`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  }

  it('goes from a contributor’s draft to the public page', async () => {
    // The stringer shoots and uploads the photo through MEDIA's route (issue 15).
    const { user: writer, ...photographer } = await loginAs(app, 'kontributor', {
      name: 'Kadek Kontributor',
    });
    const jpeg = await sharp({
      create: { width: 1600, height: 900, channels: 3, background: { r: 70, g: 140, b: 60 } },
    })
      .jpeg()
      .toBuffer();
    const upload = new FormData();
    upload.append('caption', 'Petani memanen padi di Subak Jatiluwih');
    upload.append('credit', 'Warta/Wayan Foto');
    upload.append('alt', 'Petani memanen padi di sawah berundak');
    upload.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'panen.jpg');
    const up = await fetch(`${base}/newsroom/media`, {
      method: 'POST',
      headers: {
        cookie: photographer.cookie,
        'x-csrf-token': photographer.csrf,
        accept: 'application/json',
      },
      body: upload,
    });
    expect(up.status).toBe(201);

    const editorUser = await makeStaff(app.db, 'redaktur', { name: 'Rina Redaktur' });

    // --- The contributor writes.
    const wctx = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
    const w = await wctx.newPage();
    const pageErrors: string[] = [];
    w.on('pageerror', (e) => pageErrors.push(String(e)));
    await login(w, writer.email, '/newsroom/artikel/baru');
    expect(new URL(w.url()).pathname).toBe('/newsroom/artikel/baru');
    await w.fill('#n-headline', 'Subak Jatiluwih panen raya lebih awal');
    await Promise.all([w.waitForNavigation(), w.click('form.card button[type="submit"]')]);
    expect(w.url()).toMatch(/\/newsroom\/artikel\/\d+$/);
    const id = Number(w.url().split('/').pop());

    await w.fill('#e-deck', 'Cuaca cerah membuat petani memanen dua pekan lebih cepat.');
    await w.fill('#e-dateline', 'Tabanan');
    await w.fill('#e-initials', 'Kdk/Warta');
    await w.fill('#e-bylines', 'Kadek Kontributor');
    await w.fill('#e-tags', 'Pertanian, Subak');

    const prose = w.locator('.nr-prose');
    await prose.click();
    await w.keyboard.type('Ratusan petani turun ke sawah sejak pagi untuk memanen padi.');
    await w.keyboard.press('Enter');
    await w.click('.nr-toolbar button[aria-label="Subjudul"]');
    await w.keyboard.type('Harga gabah stabil');
    await w.keyboard.press('Enter');
    await w.click('.nr-toolbar button[aria-label="Kutipan"]');
    await w.keyboard.type('Panen tahun ini lebih baik dari tahun lalu.');
    await expect.poll(() => w.locator('.nr-prose h2').textContent()).toBe('Harga gabah stabil');
    expect(await w.locator('.nr-prose blockquote').textContent()).toContain('Panen tahun ini');

    // A photo inside the body, from the library, with its own caption.
    await w.keyboard.press('Enter');
    await w.keyboard.press('Enter');
    await w.click('.nr-toolbar button[aria-label="Foto"]');
    await w.locator('dialog.nr-picker .nr-picker-item').first().click();
    const bodyPhoto = w.locator('.nr-prose figure.nr-node-image');
    await expect.poll(() => bodyPhoto.count()).toBe(1);
    await bodyPhoto.locator('input').first().fill('Gabah dijemur di halaman rumah warga');

    // The featured photo from the library, with caption and credit.
    await w.click('#nr-featured-choose');
    await w.locator('dialog.nr-picker .nr-picker-item').first().click();
    await expect.poll(() => w.inputValue('#e-credit')).toBe('Warta/Wayan Foto');
    await w.fill('#e-caption', 'Petani memanen padi di Subak Jatiluwih, Tabanan');
    await expect.poll(() => w.locator('#nr-featured-preview img').count()).toBe(1);

    await w.click('#nr-save');
    await expect
      .poll(() => w.textContent('#nr-save-status'), { timeout: 10_000 })
      .toContain('Tersimpan');
    await w.evaluate(() => window.scrollTo(0, 0));
    await w.screenshot({ path: join(SCREENSHOT_DIR, 'newsroom-editor.png'), fullPage: true });

    // Autosave also ran (or the save did): the local copy is gone once saved.
    expect(await w.evaluate((k) => localStorage.getItem(k), `warta:artikel:${id}`)).toBeNull();

    await Promise.all([
      w.waitForNavigation(),
      w.click('form.nr-action button:has-text("Ajukan ke redaktur")'),
    ]);
    expect(await w.textContent('.notice.ok')).toContain('diajukan');
    expect(pageErrors).toEqual([]);
    await wctx.close();

    // --- The editor approves and publishes from the desk.
    const ectx = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const e = await ectx.newPage();
    await login(e, editorUser.email, '/newsroom/meja');
    expect(new URL(e.url()).pathname).toBe('/newsroom/meja');
    const row = e.locator('table.nr-desk tr', { hasText: 'Subak Jatiluwih panen raya' });
    expect(await row.textContent()).toContain('Kadek Kontributor');
    await e.screenshot({ path: join(SCREENSHOT_DIR, 'newsroom-desk.png'), fullPage: true });
    await Promise.all([e.waitForNavigation(), row.locator('button:has-text("Setujui")').click()]);
    expect(await e.textContent('.notice.ok')).toContain('disetujui');
    await Promise.all([
      e.waitForNavigation(),
      e
        .locator('table.nr-desk tr', { hasText: 'Subak Jatiluwih panen raya' })
        .locator('button:has-text("Terbitkan")')
        .click(),
    ]);
    expect(await e.textContent('.notice.ok')).toContain('diterbitkan');

    // --- The reader's page shows every field.
    const a = await app.db.kysely
      .selectFrom('articles')
      .select(['slug', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(a.status).toBe('published');
    const reader = await browser.newContext();
    const r = await reader.newPage();
    const res = await r.goto(`${base}/daerah/${id}/${a.slug}`);
    expect(res?.status()).toBe(200);
    const article = r.locator('article.article');
    expect(await article.locator('h1').textContent()).toBe('Subak Jatiluwih panen raya lebih awal');
    expect(await article.locator('.deck').textContent()).toContain('Cuaca cerah membuat petani');
    const text = (await article.textContent()) ?? '';
    expect(text).toMatch(/TABANAN, WARTA\s*–/);
    expect(text).toContain('Ratusan petani turun ke sawah');
    expect(await article.locator('.article-body h2').textContent()).toBe('Harga gabah stabil');
    expect(await article.locator('.article-body blockquote').textContent()).toContain(
      'Panen tahun ini lebih baik',
    );
    const caption = (await article.locator('figure figcaption').first().textContent()) ?? '';
    expect(caption).toContain('Petani memanen padi di Subak Jatiluwih, Tabanan');
    expect(caption).toContain('Warta/Wayan Foto');
    expect(text).toContain('Kdk/Warta');
    expect(await article.locator('figure img').first().isVisible()).toBe(true);
    const inBody = article.locator('.article-body figure');
    expect(await inBody.locator('figcaption').textContent()).toContain(
      'Gabah dijemur di halaman rumah warga',
    );
    expect(await inBody.locator('img').isVisible()).toBe(true);
    await reader.close();
    await ectx.close();
  }, 120_000);
  it('withdraws, places a Baca juga, unpublishes with a reason and republishes (issue 15)', async () => {
    const linked = await publishedArticle(app.db, sectionId, {
      headline: 'Bendungan Sidan mulai diisi air',
    });
    // Signed in by session cookie (the login form has its own tests).
    const writer = await loginAs(app, 'kontributor', { name: 'Luh Penulis' });
    const editorUser = await loginAs(app, 'redaktur', { name: 'Gede Redaktur' });
    const session = (token: string) => [{ name: 'warta_session', value: token, url: base }];
    const locks = (id: number) =>
      app.db.kysely
        .selectFrom('article_locks')
        .select('user_id')
        .where('article_id', '=', id)
        .execute();

    // --- The writer submits (the lock goes with it), withdraws, submits again.
    const wctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await wctx.addCookies(session(writer.token));
    const w = await wctx.newPage();
    const errors: string[] = [];
    w.on('pageerror', (e) => errors.push(String(e)));
    await w.goto(`${base}/newsroom/artikel/baru`);
    await w.fill('#n-headline', 'Air irigasi kembali mengalir ke subak');
    await Promise.all([w.waitForNavigation(), w.click('form.card button[type="submit"]')]);
    const id = Number(w.url().split('/').pop());
    await w.locator('.nr-prose').click();
    for (const text of ['Petani lega.', 'Debit air naik.', 'Tanam dimulai pekan depan.']) {
      await w.keyboard.type(text);
      await w.keyboard.press('Enter');
    }
    expect(await locks(id)).toEqual([{ user_id: writer.user.id }]);
    await Promise.all([
      w.waitForNavigation(),
      w.click('form.nr-action button:has-text("Ajukan ke redaktur")'),
    ]);
    expect(await locks(id)).toEqual([]);
    await Promise.all([
      w.waitForNavigation(),
      w.click('form.nr-action button:has-text("Tarik kembali pengajuan")'),
    ]);
    expect(await w.textContent('.notice.ok')).toContain('Pengajuan ditarik');
    await Promise.all([
      w.waitForNavigation(),
      w.click('form.nr-action button:has-text("Ajukan ke redaktur")'),
    ]);
    expect(errors).toEqual([]);

    // --- The editor opens it (the writer can no longer withdraw) and places a Baca juga.
    const ectx = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
    await ectx.addCookies(session(editorUser.token));
    const e = await ectx.newPage();
    e.on('pageerror', (err) => errors.push(String(err)));
    await e.goto(`${base}/newsroom/artikel/${id}`);
    await w.reload();
    expect(await w.locator('button:has-text("Tarik kembali pengajuan")').count()).toBe(0);
    await wctx.close();
    await e.locator('.nr-prose p', { hasText: 'Debit air naik.' }).click();
    await e.keyboard.press('End');
    await e.click('.nr-toolbar button[aria-label="Sisipkan \\"Baca juga\\" di sini"]');
    await e.fill('dialog.nr-read-also input[type="search"]', 'Bendungan Sidan');
    await e.click('dialog.nr-read-also button:has-text("Bendungan Sidan mulai diisi air")');
    const placed = e.locator('.nr-prose aside.nr-node-related');
    await expect
      .poll(() => placed.textContent())
      .toBe('Baca juga: Bendungan Sidan mulai diisi air');
    await e.click('#nr-save');
    await expect
      .poll(() => e.textContent('#nr-save-status'), { timeout: 10_000 })
      .toContain('Tersimpan');
    for (const label of ['Setujui', 'Terbitkan sekarang']) {
      await Promise.all([
        e.waitForNavigation(),
        e.click(`form.nr-action button:has-text("${label}")`),
      ]);
    }
    const row = () =>
      app.db.kysely
        .selectFrom('articles')
        .select(['slug', 'status', 'published_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const first = await row();
    expect(first.status).toBe('published');

    // --- Readers see the link where the editor put it.
    const rctx = await browser.newContext();
    const r = await rctx.newPage();
    await r.goto(`${base}/daerah/${id}/${first.slug}`);
    const body = r.locator('.article-body');
    expect(await body.locator('aside.baca-juga').count()).toBe(1);
    expect(await body.locator('aside.baca-juga a').getAttribute('href')).toContain(
      `/${linked.id}/`,
    );
    expect(
      await body.evaluate((el) =>
        [...el.children].map((c) => c.textContent?.trim().slice(0, 14)).join('|'),
      ),
    ).toContain('Debit air naik|Baca juga: Ben');
    await rctx.close();

    // --- Unpublishing asks first and needs a reason, which the history keeps.
    const asked: string[] = [];
    e.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await e.fill('#a-reason', 'Data debit air belum dikonfirmasi.');
    await Promise.all([
      e.waitForNavigation(),
      e.click('form.nr-action button:has-text("Tarik dari situs")'),
    ]);
    expect(asked[0]).toContain('Tarik artikel ini dari situs?');
    expect((await row()).status).toBe('unpublished');
    await e.screenshot({ path: join(SCREENSHOT_DIR, 'newsroom-republish.png'), fullPage: true });
    // Republished: the original time stays.
    await Promise.all([
      e.waitForNavigation(),
      e.click('form.nr-action button:has-text("Terbitkan sekarang")'),
    ]);
    expect(await row()).toMatchObject({ status: 'published', published_at: first.published_at });
    await e.goto(`${base}/newsroom/artikel/${id}/riwayat`);
    expect(await e.textContent('.nr-steps')).toContain(
      'Alasan: Data debit air belum dikonfirmasi.',
    );
    expect(await e.textContent('.nr-steps')).toContain('Pengajuan ditarik kembali');
    await e.setViewportSize({ width: 390, height: 844 });
    await e.screenshot({
      path: join(SCREENSHOT_DIR, 'newsroom-history-steps.png'),
      fullPage: true,
    });
    expect(errors).toEqual([]);
    await ectx.close();
  }, 120_000);

  it('loses nothing when the connection drops or the session expires', async () => {
    const writer = await makeStaff(app.db, 'kontributor', { name: 'Komang Lapangan' });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const w = await ctx.newPage();
    await login(w, writer.email, '/newsroom/artikel/baru');
    await w.fill('#n-headline', 'Jembatan gantung diperbaiki');
    await Promise.all([w.waitForNavigation(), w.click('form.card button[type="submit"]')]);
    const id = Number(w.url().split('/').pop());
    const body = async () =>
      (
        await app.db.kysely
          .selectFrom('articles')
          .select('body')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).body;

    await w.locator('.nr-prose').click();
    await w.keyboard.type('Warga menyeberang dengan hati-hati.');
    await expect
      .poll(() => w.textContent('#nr-save-status'), { timeout: 15_000 })
      .toContain('Tersimpan otomatis');
    expect(await body()).toContain('Warga menyeberang');

    // The connection drops: the text stays, the banner says so, it is sent once back online.
    await ctx.setOffline(true);
    await w.keyboard.type(' Tali baja diganti.');
    await expect
      .poll(() => w.textContent('#nr-banner'), { timeout: 15_000 })
      .toContain('Koneksi terputus');
    await ctx.setOffline(false);
    await expect.poll(body, { timeout: 20_000 }).toContain('Tali baja diganti.');

    // The session expires while typing.
    await ctx.clearCookies({ name: 'warta_session' });
    await w.keyboard.type(' Kalimat yang belum tersimpan.');
    await expect
      .poll(() => w.textContent('#nr-banner'), { timeout: 15_000 })
      .toContain('Sesi Anda berakhir');
    expect(await body()).not.toContain('belum tersimpan');

    // Log in again through the banner's link: back in the editor, the copy is offered.
    await Promise.all([w.waitForNavigation(), w.click('#nr-banner a:has-text("Masuk lagi")')]);
    await w.fill('input[name="email"]', writer.email);
    await w.fill('input[name="password"]', TEST_PASSWORD);
    await Promise.all([w.waitForNavigation(), w.click('form button[type="submit"]')]);
    expect(new URL(w.url()).pathname).toBe(`/newsroom/artikel/${id}`);
    await expect
      .poll(() => w.textContent('#nr-banner'))
      .toContain('Ada salinan yang belum tersimpan');
    await w.click('#nr-banner button:has-text("Pulihkan salinan Anda")');
    expect(await w.textContent('.nr-prose')).toContain('Kalimat yang belum tersimpan.');
    await expect.poll(body, { timeout: 20_000 }).toContain('Kalimat yang belum tersimpan.');
    await ctx.close();
  }, 120_000);
});
