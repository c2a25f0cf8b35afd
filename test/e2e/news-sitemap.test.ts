import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../factories.ts';
import { loginAs } from '../staff.ts';
import { type E2eServer, launchChromium, SCREENSHOT_DIR, startE2eServer } from './browser.ts';

/**
 * An editor keeps an advertorial section and one press release out of the
 * Google News sitemap from the newsroom, on a desktop and on a 390 px phone;
 * the sitemap Google reads changes accordingly.
 */
describe('the Google News sitemap page in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startE2eServer('news-sitemap', {}, async (app) => {
      const news = await makeSection(app.db, 'Daerah');
      const ads = await makeSection(app.db, 'Advertorial');
      ids.news = (
        await publishedArticle(app.db, news.id, { headline: 'Jembatan Tukad Bangkung diperbaiki' })
      ).id;
      ids.release = (
        await publishedArticle(app.db, news.id, { headline: 'Rilis pers: hotel baru di Nusa Dua' })
      ).id;
      ids.ad = (
        await publishedArticle(app.db, ads.id, { headline: 'Promo akhir tahun pusat belanja' })
      ).id;
    });
    browser = await launchChromium();
    const editor = await loginAs(server.app, 'redaktur');
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const [name, value] = editor.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.base }]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const newsSitemap = async () =>
    (await (await context.request.get(`${server.base}/sitemap-news.xml`)).text()).match(
      /<loc>[^<]+<\/loc>/g,
    ) ?? [];

  it('excludes a section and an article, and the news sitemap follows', async () => {
    expect(await newsSitemap()).toHaveLength(3);
    const page = await context.newPage();
    await page.goto(`${server.base}/newsroom`);
    // Reached from the newsroom navigation.
    await page.getByRole('link', { name: 'Sitemap berita' }).click();
    await page.waitForURL(/\/newsroom\/sitemap-berita$/);
    await page.getByLabel('Advertorial').check();
    await page.getByRole('button', { name: 'Simpan rubrik' }).click();
    await page.waitForURL(/ok=saved/);
    await expect(page.locator('.notice.ok').textContent()).resolves.toContain('disimpan');
    const row = (id: number | undefined) => page.locator(`tr[data-article="${id}"]`);
    await expect(row(ids.ad).locator('.news-state').textContent()).resolves.toBe(
      'Tidak (rubrik dikeluarkan)',
    );
    await row(ids.release).getByRole('button', { name: 'Keluarkan' }).click();
    await page.waitForURL(/ok=excluded/);
    await expect(row(ids.release).locator('.news-state').textContent()).resolves.toBe(
      'Tidak (artikel dikeluarkan)',
    );
    await expect(row(ids.release).getByRole('button').textContent()).resolves.toBe('Masukkan lagi');
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'news-sitemap-desktop.png'),
      fullPage: true,
    });
    const locs = await newsSitemap();
    expect(locs).toHaveLength(1);
    expect(locs[0]).toContain(`/${ids.news}/`);

    // A wrong entry in the "exclude another article" field: a clear message, the input kept.
    await page.getByLabel('Artikel', { exact: true }).fill('bukan artikel');
    await page.getByRole('button', { name: 'Keluarkan' }).last().click();
    await expect(page.locator('.field-error').textContent()).resolves.toContain(
      'Tulis nomor artikel',
    );
    await expect(page.getByLabel('Artikel', { exact: true }).inputValue()).resolves.toBe(
      'bukan artikel',
    );
    await page.close();
  });

  it('fits a 390 px phone', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.base}/newsroom/sitemap-berita`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Sitemap Google News',
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'news-sitemap-390.png'), fullPage: true });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
