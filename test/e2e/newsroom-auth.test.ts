import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { makeStaff, TEST_PASSWORD } from '../staff.ts';
import { type E2eServer, launchChromium, SCREENSHOT_DIR, startE2eServer } from './browser.ts';

describe('newsroom login in Chromium', () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let server: E2eServer;

  beforeAll(async () => {
    server = await startE2eServer('auth');
    app = server.app;
    base = server.base;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
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
