import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { type E2eServer, launchChromium, SCREENSHOT_DIR, startE2eServer } from './browser.ts';

describe('reading the demo newspaper in Chromium', () => {
  let base: string;
  let browser: Browser;
  let server: E2eServer;

  beforeAll(async () => {
    server = await startE2eServer('reading', {}, (app, config) =>
      seedDemo(app.db, app.events, config.mediaDir).then(() => {}),
    );
    base = server.base;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('goes from home to an article that shows every element, with no third-party request', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(base) && !req.url().startsWith('data:')) foreign.push(req.url());
    });
    await page.goto(`${base}/`);
    expect(await page.title()).toContain('Warta');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'home-desktop.png'), fullPage: false });

    // Follow the lead story's link, as a reader would.
    const lead = page.locator('main a[href*="/"]:has(h2), main h2 a, main h3 a').first();
    await lead.click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/[a-z0-9-]+\/\d+\/[a-z0-9-]+$/);

    const visible = async (selector: string) => {
      const loc = page.locator(selector).first();
      expect(await loc.isVisible(), selector).toBe(true);
    };
    await visible('article.article h1');
    await visible('article.article figure img');
    await visible('article.article figcaption');
    await visible('article.article figcaption .credit');
    await visible('.dateline');
    await visible('aside.baca-juga a');
    await visible('.share a[href^="https://wa.me/"]');
    await visible('form.comment-form textarea');
    const text = await page.locator('article.article').textContent();
    expect(text).toMatch(/[A-Z ]+, WARTA\s*–/);
    expect(text).toMatch(
      /(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \(\d{2}\/\d{2}\/\d{4}\) \d{2}\.\d{2} WITA/,
    );
    expect(text).toMatch(/\([A-Za-z]+\/Warta\)/);

    const img = page.locator('article.article figure img').first();
    expect(await img.getAttribute('width')).toMatch(/^\d+$/);
    expect(await img.getAttribute('height')).toMatch(/^\d+$/);
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.screenshot({ path: join(SCREENSHOT_DIR, 'article-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'article-phone.png'), fullPage: true });
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('has no serious accessibility violation on home, section, tag and 404 pages', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'home-phone.png'), fullPage: true });
    const sectionHref = await page
      .locator('nav a[href^="/"]:not([href="/"])')
      .first()
      .getAttribute('href');
    for (const path of ['/', sectionHref ?? '/', '/halaman-yang-tidak-ada', '/cari?q=air']) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status()).toBe(path.startsWith('/halaman') ? 404 : 200);
      const axe = await new AxeBuilder({ page }).analyze();
      const serious = axe.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(serious.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
    }
    await context.close();
  });

  it('keeps the article page within budget: ≤ 30 KB gzipped HTML, ≤ 15 KB gzipped JS', async () => {
    const home = await (await fetch(`${base}/`)).text();
    const href = home.match(/href="(\/[a-z0-9-]+\/\d+\/[a-z0-9-]+)"/)?.[1];
    expect(href).toBeDefined();
    const html = await (await fetch(`${base}${href}`)).text();
    const htmlGz = gzipSync(html).length;
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string);
    let jsGz = 0;
    for (const src of scripts)
      jsGz += gzipSync(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())).length;
    expect(htmlGz).toBeLessThanOrEqual(30 * 1024);
    expect(jsGz).toBeLessThanOrEqual(15 * 1024);
  });
});
