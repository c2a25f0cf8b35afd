import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { createArticle } from '../../src/content/commands.ts';
import { ERRORS } from '../../src/lib/errors.ts';
import { buildArticle, makeSection } from '../factories.ts';
import { photo, xmpPacket } from '../images.ts';
import { loginAs } from '../staff.ts';
import { type E2eServer, launchChromium, SCREENSHOT_DIR, startE2eServer } from './browser.ts';

/**
 * A short check of the media library in Chromium: no-JS upload form, focal
 * click, picker JSON; a stringer's several-file upload with progress at phone
 * width, the same without JavaScript, deleting and replacing a photo.
 */
describe('media library in Chromium', () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let dir: string;
  let server: E2eServer;

  beforeAll(async () => {
    server = await startE2eServer('media');
    app = server.app;
    base = server.base;
    dir = server.dir;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads through the form, prefills from XMP, sets the focal point by clicking', async () => {
    const { token } = await loginAs(app, 'wartawan');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'warta_session', value: token, url: `${base}/newsroom` }]);
    const page = await context.newPage();
    const file = join(dir, 'pantai.jpg');
    writeFileSync(
      file,
      await sharp(await photo(1600, 1200))
        .withXmp(
          xmpPacket({ description: 'Nelayan menarik jaring di Kedonganan', credit: 'Warta' }),
        )
        .jpeg()
        .toBuffer(),
    );

    await page.goto(`${base}/newsroom/media`);
    await page.getByLabel('Berkas foto').setInputFiles(file);
    await page.getByLabel('Teks alternatif (alt)').fill('Nelayan dan jaring di pantai');
    await Promise.all([
      page.waitForURL(/\/newsroom\/media\/\d+\?isi=meta$/),
      page.getByRole('button', { name: 'Unggah' }).click(),
    ]);
    await expect
      .poll(() => page.getByLabel('Keterangan', { exact: true }).inputValue())
      .toBe('Nelayan menarik jaring di Kedonganan');

    // Click near the top-left quarter of the photo: focal point about (0.25, 0.25).
    const target = page.locator('input[type="image"][name="fokus"]');
    const box = await target.boundingBox();
    if (!box) throw new Error('no focal picker');
    await Promise.all([
      page.waitForURL(/\?fokus=1$/),
      target.click({ position: { x: box.width / 4, y: box.height / 4 } }),
    ]);
    const id = Number(/\/media\/(\d+)/.exec(page.url())?.[1]);
    const row = await app.db.kysely
      .selectFrom('media')
      .select(['focal_x', 'focal_y', 'crops'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.focal_x).toBeCloseTo(0.25, 1);
    expect(row.focal_y).toBeCloseTo(0.25, 1);
    expect(JSON.parse(row.crops).v).toBe(2);
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'newsroom-media-item.png'),
      fullPage: true,
    });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );

    // The picker JSON, as the editor fetches it with the session cookie.
    const picker = await page.evaluate(async () => {
      const res = await fetch('/newsroom/media?format=json&q=kedonganan', {
        headers: { accept: 'application/json' },
      });
      return res.json();
    });
    expect(picker).toEqual([
      expect.objectContaining({ id, alt: 'Nelayan dan jaring di pantai', credit: 'Warta' }),
    ]);

    await page.goto(`${base}/newsroom/media`);
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'newsroom-media-library.png'),
      fullPage: true,
    });
    await context.close();
  }, 120_000);

  it('uploads several photos with a progress bar each, per-file refusals, also without JavaScript', async () => {
    const good = async (name: string, w: number) => {
      const f = join(dir, name);
      writeFileSync(f, await photo(w, Math.round((w * 3) / 4), 'jpeg'));
      return f;
    };
    const sawah = await good('sawah.jpg', 1000);
    const pasar = await good('pasar.jpg', 800);
    const fake = join(dir, 'surat.jpg');
    writeFileSync(fake, Buffer.from('%PDF-1.7\n1 0 obj\n'));

    // A stringer on a phone, JavaScript on: one request per file, each with its bar.
    const { token } = await loginAs(app, 'kontributor');
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await phone.addCookies([{ name: 'warta_session', value: token, url: `${base}/newsroom` }]);
    const page = await phone.newPage();
    await page.goto(`${base}/newsroom/media`);
    await page.getByLabel('Berkas foto').setInputFiles([sawah, fake, pasar]);
    await page.getByLabel('Kredit', { exact: true }).fill('Kadek Stringer/Warta');
    await page.getByRole('button', { name: 'Unggah' }).click();
    await page.locator('#media-upload-progress[data-finished="3"]').waitFor();
    const rows = page.locator('#media-upload-progress li');
    await expect.poll(() => rows.count()).toBe(3);
    for (const i of [0, 2]) {
      const row = rows.nth(i);
      expect(await row.locator('progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(100);
      expect(await row.locator('.upload-pct').textContent()).toBe('100%');
      expect(await row.getByRole('link', { name: 'Selesai: buka foto' }).count()).toBe(1);
    }
    expect(await rows.nth(1).getAttribute('data-state')).toBe('error');
    expect(await rows.nth(1).locator('.upload-msg').textContent()).toBe(
      ERRORS.MEDIA_UNSUPPORTED_TYPE.id,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'newsroom-media-upload-progress-390.png'),
      fullPage: true,
    });
    const mine = await app.db.kysely
      .selectFrom('media')
      .select(['original_name', 'credit'])
      .where('original_name', 'in', ['sawah.jpg', 'pasar.jpg'])
      .orderBy('original_name')
      .execute();
    expect(mine).toEqual([
      { original_name: 'pasar.jpg', credit: 'Kadek Stringer/Warta' },
      { original_name: 'sawah.jpg', credit: 'Kadek Stringer/Warta' },
    ]);
    await phone.close();

    // No JavaScript: the plain form posts every file; the answer lists each one.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const staff = await loginAs(app, 'wartawan');
    await plain.addCookies([
      { name: 'warta_session', value: staff.token, url: `${base}/newsroom` },
    ]);
    const form = await plain.newPage();
    await form.goto(`${base}/newsroom/media`);
    await form.getByLabel('Berkas foto').setInputFiles([pasar, fake]);
    await Promise.all([
      form.waitForURL(`${base}/newsroom/media`),
      form.getByRole('button', { name: 'Unggah' }).click(),
    ]);
    await expect.poll(() => form.getByText('1 foto sudah diunggah.').count()).toBe(1);
    const refused = form.locator('.media-outcomes li[data-state="error"]');
    expect(await refused.textContent()).toBe(`surat.jpg ${ERRORS.MEDIA_UNSUPPORTED_TYPE.id}`);
    await form.screenshot({
      path: join(SCREENSHOT_DIR, 'newsroom-media-upload-nojs.png'),
      fullPage: true,
    });
    await plain.close();
  }, 120_000);

  it('deletes an unused photo after confirmation, refuses one in use naming the article, replaces it in place', async () => {
    const { token } = await loginAs(app, 'redaktur');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'warta_session', value: token, url: `${base}/newsroom` }]);
    const page = await context.newPage();
    const ids = (
      await app.db.kysely.selectFrom('media').select('id').orderBy('id', 'desc').limit(2).execute()
    ).map((r) => r.id);
    const [unused, used] = ids as [number, number];
    const section = await makeSection(app.db, 'Budaya');
    await createArticle(
      app.db.kysely,
      buildArticle(section.id, {
        headline: 'Tari kecak di Uluwatu',
        featured: { mediaId: used },
      }),
    );

    await page.goto(`${base}/newsroom/media/${unused}`);
    const confirm = page.getByLabel(/Ya, hapus foto ini/);
    await page.getByRole('button', { name: 'Hapus foto' }).click();
    // The box is required: nothing is sent until it is ticked.
    expect(page.url()).toBe(`${base}/newsroom/media/${unused}`);
    await confirm.check();
    await Promise.all([
      page.waitForURL(/\/newsroom\/media\?dihapus=1$/),
      page.getByRole('button', { name: 'Hapus foto' }).click(),
    ]);
    await expect.poll(() => page.getByText('Foto sudah dihapus dari pustaka.').count()).toBe(1);

    await page.goto(`${base}/newsroom/media/${used}`);
    await page.getByLabel(/Ya, hapus foto ini/).check();
    await page.getByRole('button', { name: 'Hapus foto' }).click();
    await expect
      .poll(() => page.locator('.notice').allTextContents())
      .toContainEqual(
        expect.stringContaining('masih dipakai di 1 artikel: «Tari kecak di Uluwatu»'),
      );

    const before = await page.locator('input[type="image"][name="fokus"]').getAttribute('src');
    const replacement = join(dir, 'ganti.png');
    writeFileSync(replacement, await photo(600, 600, 'png'));
    await page.getByLabel('Berkas pengganti').setInputFiles(replacement);
    await Promise.all([
      page.waitForURL(new RegExp(`/newsroom/media/${used}\\?diganti=1$`)),
      page.getByRole('button', { name: 'Ganti foto' }).click(),
    ]);
    const after = await page.locator('input[type="image"][name="fokus"]').getAttribute('src');
    expect(after).not.toBe(before);
    expect(await page.getByText('600 × 600 piksel').count()).toBe(1);
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'newsroom-media-item-replaced.png'),
      fullPage: true,
    });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
      [],
    );
    await context.close();
  }, 120_000);
});
