import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { createSection } from '../../src/content/section-commands.ts';
import {
  type FeedServer,
  fixture,
  serve,
  startFeedServer,
} from '../../src/ingest/wire/feed-server.test-kit.ts';
import { pollSource } from '../../src/ingest/wire/poller.ts';
import { insertSource } from '../../src/ingest/wire/store.ts';
import { buildSourceInput } from '../../src/ingest/wire/test-kit.ts';
import { photo } from '../images.ts';
import { makeStaff, TEST_PASSWORD } from '../staff.ts';
import { type E2eServer, launchChromium, SCREENSHOT_DIR, startE2eServer } from './browser.ts';

/**
 * The wire desk in a real Chromium: an agency item arrives while the desk is
 * open and appears without a reload; an editor takes it ("Ambil"), submits,
 * approves and publishes the draft; the reader's page carries the agency
 * credit, the dateline and the agency photo's credit.
 */
describe('the wire desk (Chromium)', () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let server: E2eServer;
  let feeds: FeedServer;

  beforeAll(async () => {
    feeds = await startFeedServer();
    const jpeg = await photo(1200, 675);
    feeds.route('/foto/banjir.jpg', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(jpeg);
    });
    server = await startE2eServer('wire', { pageCacheTtl: 0 }, async (started) => {
      await createSection(started.db.kysely, { slug: 'daerah', name: 'Daerah' });
    });
    app = server.app;
    base = server.base;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await feeds?.close();
  });

  async function login(page: Page, email: string, next: string) {
    await page.goto(`${base}/newsroom/masuk?next=${encodeURIComponent(next)}`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  }

  it('takes an arriving agency story to the public page with the agency credit', async () => {
    const editor = await makeStaff(app.db, 'redaktur', { name: 'Made Redaktur' });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await ctx.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await login(page, editor.email, '/newsroom/kawat');
    expect(new URL(page.url()).pathname).toBe('/newsroom/kawat');
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });

    // The item arrives while the desk is open.
    feeds.route(
      '/rss',
      serve(() => fixture('rss.xml', feeds.base), 'application/rss+xml'),
    );
    const sectionId = (
      await app.db.kysely.selectFrom('sections').select('id').executeTakeFirstOrThrow()
    ).id;
    const sourceId = await insertSource(
      app.db.kysely,
      buildSourceInput({
        name: 'Antara',
        url: `${feeds.base}/rss`,
        credit: 'Antara',
        photoCredit: 'Ant',
        sectionId,
        rules: { replace: [], strip: ['Baca juga', '(knu)'] },
      }),
      Date.now(),
    );
    await pollSource(app.db, sourceId);
    await page.evaluate(() =>
      (window as unknown as { wireDeskCheck: () => Promise<void> }).wireDeskCheck(),
    );
    const row = page.locator('li.wire-item', {
      hasText: 'Banjir rendam ratusan rumah di Bekasi Timur',
    });
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    expect(await page.locator('#wire-live').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'wire-desk.png'), fullPage: true });

    // Ambil → the editor with the draft.
    await Promise.all([page.waitForNavigation(), row.locator('button:has-text("Ambil")').click()]);
    expect(page.url()).toMatch(/\/newsroom\/artikel\/\d+\?kawat=1$/);
    expect(await page.textContent('.notice.ok')).toContain('Draf dibuat dari berita kantor berita');
    expect(await page.inputValue('#e-source')).toBe('Antara');
    expect(await page.inputValue('#e-dateline')).toBe('BEKASI');
    expect(await page.inputValue('#e-credit')).toBe('Ant');
    expect(await page.inputValue('#e-initials')).toBe('MR');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'wire-draft.png'), fullPage: true });
    const id = Number(new URL(page.url()).pathname.split('/').pop());

    for (const [button, notice] of [
      ['Ajukan ke redaktur', 'diajukan'],
      ['Setujui', 'disetujui'],
      ['Terbitkan sekarang', 'diterbitkan'],
    ] as const) {
      await Promise.all([
        page.waitForNavigation(),
        page.click(`form.nr-action button:has-text("${button}")`),
      ]);
      expect(await page.textContent('.notice.ok')).toContain(notice);
    }
    expect(pageErrors).toEqual([]);
    await ctx.close();

    // The reader's page.
    const a = await app.db.kysely
      .selectFrom('articles')
      .select(['slug', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(a.status).toBe('published');
    const reader = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
    const r = await reader.newPage();
    const res = await r.goto(`${base}/daerah/${id}/${a.slug}`);
    expect(res?.status()).toBe(200);
    const article = r.locator('article.article');
    const text = (await article.textContent()) ?? '';
    expect(await article.locator('.source-credit').textContent()).toContain('Antara');
    expect(text).toMatch(/BEKASI, WARTA\s*–/);
    expect(text).toContain('Banjir setinggi satu meter');
    expect(text).not.toContain('Baca juga: Hujan deras');
    expect(text).not.toContain('(knu/rd)');
    expect(await article.locator('figure figcaption').first().textContent()).toContain('Ant');
    expect(await article.locator('figure img').first().isVisible()).toBe(true);
    await r.screenshot({ path: join(SCREENSHOT_DIR, 'wire-published.png'), fullPage: true });
    await reader.close();
  }, 120_000);
});
