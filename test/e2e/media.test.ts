import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { photo, xmpPacket } from '../images.ts';
import { loginAs } from '../staff.ts';
import { type E2eServer, launchChromium, SCREENSHOT_DIR, startE2eServer } from './browser.ts';

/** A short check of the media library in Chromium: no-JS upload form, focal click, picker JSON. */
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
});
