import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSection } from '../../src/content/section-commands.ts';
import { publishedArticle } from '../factories.ts';
import { loginAs } from '../staff.ts';
import { type E2eServer, launchChromium, SCREENSHOT_DIR, startE2eServer } from './browser.ts';

/**
 * The site's identity in a real Chromium (issue 15): an admin renames a
 * section and the site in the newsroom, and the public home page (page cache
 * on) shows both on the next request; the old section address redirects.
 * The admin screens and the newsroom home fit a 390 px phone.
 */
describe('sections and site settings (Chromium)', () => {
  let server: E2eServer;
  let browser: Browser;
  let desktop: BrowserContext;
  let phone: BrowserContext;

  beforeAll(async () => {
    server = await startE2eServer('site-admin', { pageCacheTtl: 60 }, async (app) => {
      const id = await createSection(app.db.kysely, { slug: 'daerah', name: 'Daerah' });
      await publishedArticle(app.db, id, { headline: 'Sawah berundak Jatiluwih panen raya' });
    });
    browser = await launchChromium();
    const admin = await loginAs(server.app, 'admin', { name: 'Ayu Admin' });
    const cookie = {
      name: 'warta_session',
      value: admin.token,
      url: `${server.base}/newsroom`,
    };
    desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    await desktop.addCookies([cookie]);
    await phone.addCookies([cookie]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOT_DIR, `site-admin-${name}.png`), fullPage: true });

  it('renames a section and the site; the public home page shows both', async () => {
    const page = await desktop.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The home page is cached with the configured name first.
    await page.goto(`${server.base}/`);
    expect(await page.textContent('.brand')).toContain('Warta');

    await page.goto(`${server.base}/newsroom/rubrik`);
    const card = page.locator('li.sa-section', { hasText: 'Daerah' });
    await card.locator('input[name="name"]').fill('Daerah Bali');
    await card.locator('input[name="slug"]').fill('bali');
    await Promise.all([
      page.waitForURL(/ok=saved/),
      card.locator('button[type="submit"]').first().click(),
    ]);
    expect(await page.textContent('.notice.ok')).toContain('Rubrik "Daerah Bali" disimpan.');
    expect(await page.textContent('.notice.ok')).toContain('/daerah kini dialihkan ke /bali');
    await shot(page, 'sections-desktop');

    await page.goto(`${server.base}/newsroom/situs`);
    await page.fill('#f-siteName', 'Kabar Bali');
    await page.fill('#f-siteTagline', 'Berita dari Pulau Dewata');
    await page.fill('#f-social-instagram', 'https://instagram.com/kabarbali');
    await page.fill('#f-legal-0-title', 'Pedoman Media Siber');
    await page.fill('#f-legal-0-url', '/bali/1/pedoman');
    await Promise.all([
      page.waitForURL(/ok=saved/),
      page.click('form[action="/newsroom/situs"] button[type="submit"]'),
    ]);
    expect(await page.textContent('.notice.ok')).toContain('Pengaturan situs disimpan.');
    expect(await page.textContent('.nr-brand')).toContain('Kabar Bali');
    await shot(page, 'settings-desktop');

    // The public home page, on the next request.
    await page.goto(`${server.base}/`);
    expect(await page.textContent('.brand')).toContain('Kabar Bali');
    expect(await page.textContent('.tagline')).toBe('Berita dari Pulau Dewata');
    expect(await page.title()).toContain('Kabar Bali');
    const nav = page.locator('.nav-top a', { hasText: 'Daerah Bali' });
    expect(await nav.getAttribute('href')).toBe('/bali');
    expect(await page.locator('.footer-legal a').getAttribute('href')).toBe('/bali/1/pedoman');
    expect(await page.locator('.footer-social a').textContent()).toBe('Instagram');
    await shot(page, 'public-home');

    // The old section address lands on the renamed section.
    await page.goto(`${server.base}/daerah`);
    expect(new URL(page.url()).pathname).toBe('/bali');
    expect(await page.textContent('h1')).toContain('Daerah Bali');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('fits the admin screens and the newsroom home on a 390 px phone', async () => {
    const page = await phone.newPage();
    for (const [path, name] of [
      ['/newsroom', 'home-phone'],
      ['/newsroom/rubrik', 'sections-phone'],
      ['/newsroom/situs', 'settings-phone'],
    ] as const) {
      await page.goto(`${server.base}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
      await shot(page, name);
    }
    // The home says in words what waits, and links each list.
    await page.goto(`${server.base}/newsroom`);
    expect(await page.textContent('#draf-saya')).toContain('Tidak ada draf.');
    expect(await page.textContent('#tugas-gagal')).toContain('Tidak ada tugas yang gagal.');
    await page.close();
  }, 60_000);
});
