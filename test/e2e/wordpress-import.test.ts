import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWordpress } from '../../src/ingest/wordpress/import.ts';
import { makeUploads, WP_FIXTURES } from '../fixtures/wordpress/make-uploads.ts';
import { loginAs } from '../staff.ts';
import { type E2eServer, launchChromium, SCREENSHOT_DIR, startE2eServer } from './browser.ts';

/**
 * A WordPress article after `warta import wordpress`, as a reader and an
 * admin see it: the old permalink lands on the article, the captioned photo
 * and the threaded comments show, HTML in a comment is text, held and
 * trashed comments stay hidden, an imported table is a real table; the sticky
 * post leads the home page; the newsroom lists the import and its report.
 */
describe('an imported WordPress article in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let uploads: string;

  beforeAll(async () => {
    uploads = await makeUploads();
    server = await startE2eServer('wordpress', {}, async (app, config) => {
      await importWordpress(app.db, app.events, config, join(WP_FIXTURES, 'wxr-6x.xml'), {
        uploadsDir: uploads,
      });
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('follows the old permalink to the article with its photo, caption and comment threads', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    // An old link to a comment: the 301 keeps the fragment, the comment keeps its old anchor.
    const res = await page.goto(`${server.base}/2026/03/rob-merendam-kampung-nelayan/#comment-101`);
    expect(res?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toMatch(/^\/kuta\/\d+\/rob-merendam-kampung-nelayan$/);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Rob Merendam Kampung Nelayan 🌊 di Sanur',
    );
    const figures = page.locator('figure figcaption');
    await expect(figures.allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        expect.stringContaining('Air laut masuk ke halaman rumah warga'),
        expect.stringContaining('Genangan air laut di jalan kampung nelayan Sanur'),
      ]),
    );
    // Every photo really loaded (a variant the media pipeline wrote).
    const loaded = await page
      .locator('article img')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0));
    expect(loaded.length).toBeGreaterThan(1);
    expect(loaded.every(Boolean)).toBe(true);
    await expect(
      page.locator('li.comment:has(> #comment-101) > .comment-meta .comment-author').textContent(),
    ).resolves.toBe('Ni Luh Ayu Sekar');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await expect(page.locator('.dateline').first().textContent()).resolves.toMatch(/^DENPASAR,/);
    const comments = page.locator('li.comment');
    const names = await comments.evaluateAll((lis) =>
      lis.map((li) => {
        let depth = 0;
        for (let p = li.parentElement; p; p = p.parentElement) if (p.tagName === 'LI') depth++;
        return `${depth}:${li.querySelector('.comment-author')?.textContent?.trim() ?? ''}`;
      }),
    );
    expect(names).toEqual([
      '0:Komang Ari',
      '1:Ni Luh Ayu Sekar',
      '2:Komang Ari',
      '0:Wayan Tirta',
      '0:Gede Bayu',
    ]);
    const html = await page.content();
    expect(html).not.toContain('Komentar ini masih menunggu moderasi');
    expect(html).not.toContain('sudah dibuang');
    expect(html).not.toContain('<script>alert(1)</script>');
    await expect(
      page.getByText('Ini penting: daftar posko (https://bpbd.example/posko)'),
    ).toBeTruthy();
    // The imported table is a real table on the page, in its scrollable wrapper.
    await expect(
      page.locator('.article-body .html-block table td').allTextContents(),
    ).resolves.toEqual(['Pasang tertinggi', '2,6 m', 'Surut', '0,4 m']);
    expect(await page.locator('article iframe').count()).toBe(0);
    await page
      .locator('.article-body .html-block:has(table)')
      .screenshot({ path: join(SCREENSHOT_DIR, 'wordpress-import-table.png') });
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'wordpress-import-article.png'),
      fullPage: true,
    });
    await page.close();
  });

  it('leads the home page with the WordPress sticky post', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    expect((await page.goto(`${server.base}/`))?.status()).toBe(200);
    await expect(page.locator('article.lead .lead-title').textContent()).resolves.toBe(
      'Rob Merendam Kampung Nelayan 🌊 di Sanur',
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'wordpress-import-home.png') });
    await page.close();
  });

  it('lists the import with its report on the newsroom page', async () => {
    const admin = await loginAs(server.app, 'admin');
    const context = await browser.newContext();
    const [name, value] = admin.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.base }]);
    const page = await context.newPage();
    const res = await page.goto(`${server.base}/newsroom/impor`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h2').first().textContent()).resolves.toMatch(
      /kabarpesisir\.example/,
    );
    // The imported table and iframe link open in the editor as non-editable html blocks.
    const row = await server.app.db.kysely
      .selectFrom('articles')
      .select('id')
      .where('external_id', '=', 'wp:kabarpesisir.example:10')
      .executeTakeFirstOrThrow();
    const editor = await context.newPage();
    expect((await editor.goto(`${server.base}/newsroom/artikel/${row.id}`))?.status()).toBe(200);
    const atoms = editor.locator('.nr-prose .nr-node-html');
    await atoms.first().waitFor();
    await expect(atoms.allTextContents()).resolves.toEqual([
      'Blok HTML (impor) · table Pasang tertinggi 2,6 m Surut 0,4 m',
      'Blok HTML (impor) · iframe https://peta.example.net/embed/rob-sanur',
    ]);
    expect(await atoms.first().getAttribute('contenteditable')).toBe('false');
    await atoms
      .first()
      .screenshot({ path: join(SCREENSHOT_DIR, 'wordpress-import-editor-html.png') });
    await editor.close();
    await page.locator('details summary').first().click();
    await expect(page.getByText('Komentar induk #99 tidak ada di ekspor').count()).resolves.toBe(1);
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'wordpress-import-admin.png'),
      fullPage: true,
    });
    await context.close();
  });
});
