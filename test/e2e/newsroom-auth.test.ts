import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { makeStaff, TEST_PASSWORD } from '../staff.ts';
import { launchChromium, SCREENSHOT_DIR } from './browser.ts';

describe('newsroom login in Chromium', () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warta-e2e-auth-'));
    const config = loadConfig(
      {},
      {
        databaseUrl: `sqlite:${join(dir, 'warta.db')}`,
        mediaDir: join(dir, 'media'),
        logLevel: 'silent',
        secretKey: 'e2e-secret-key-of-at-least-thirty-two-characters',
      },
    );
    app = await buildApp(config);
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in through the form, sees the newsroom home, and logs out', async () => {
    const user = await makeStaff(app.db, 'redaktur', { name: 'Ni Luh Redaktur' });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(base)) foreign.push(req.url());
    });

    await page.goto(`${base}/newsroom`);
    expect(page.url()).toBe(`${base}/newsroom/masuk?next=%2Fnewsroom`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'newsroom-login.png') });
    const axeLogin = await new AxeBuilder({ page }).analyze();
    expect(
      axeLogin.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);

    // A wrong password first: the message is shown and nothing else happens.
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Email atau kata sandi salah.');

    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${base}/newsroom`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Beranda redaksi');
    expect(await page.textContent('main')).toContain('Selamat datang, Ni Luh Redaktur.');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'warta_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    expect(session?.path).toBe('/newsroom');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'newsroom-home.png') });
    const axeHome = await new AxeBuilder({ page }).analyze();
    expect(
      axeHome.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(`${base}/newsroom/masuk?keluar=1`);
    expect(await page.getByRole('status').textContent()).toBe('Anda telah keluar.');
    await page.goto(`${base}/newsroom`);
    expect(page.url()).toContain('/newsroom/masuk');
    expect(foreign).toEqual([]);
    await context.close();
  });
});
