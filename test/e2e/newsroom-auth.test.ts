import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { loginThroughForm } from '../newsroom-http.ts';
import { loginAs, makeStaff, TEST_PASSWORD } from '../staff.ts';
import { type E2eServer, launchChromium, SCREENSHOT_DIR, startE2eServer } from './browser.ts';

describe('newsroom login in Chromium', () => {
  let app: App;
  let base: string;
  let browser: Browser;
  let server: E2eServer;

  beforeAll(async () => {
    // Chromium connects from 127.0.0.1; in-process "strangers" come through it as a proxy.
    server = await startE2eServer('auth', { trustProxy: '127.0.0.1' });
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
  }, 120_000);

  it('lets a staff member locked out by strangers log in through the form; an admin clears the lock', async () => {
    const user = await makeStaff(app.db, 'redaktur', { name: 'Wayan Diserang' });
    // Five strangers, five addresses, five wrong passwords (a proof of work once asked for).
    for (let i = 0; i < 5; i++) {
      const ip = `203.0.113.${200 + i}`;
      const first = await loginThroughForm(app, user.email, `tebakan-asing-${i}`, { ip });
      const asked = first.status === 429 && first.body.includes('memverifikasi');
      const guess = asked
        ? await loginThroughForm(app, user.email, `tebakan-asing-${i}`, { ip, proof: true })
        : first;
      expect(guess.status).toBe(401);
    }

    // The owner, in an ordinary browser from an address with no failures: the widget
    // solves the proof of work by itself and the right password logs in.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/newsroom/masuk`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.waitForSelector('form[data-proof-state]');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${base}/newsroom`);
    expect(await page.textContent('main')).toContain('Selamat datang, Wayan Diserang.');
    const device = (await context.cookies()).find((c) => c.name === 'warta_device');
    expect(device?.httpOnly).toBe(true);
    expect(device?.sameSite).toBe('Lax');
    await context.close();

    // The admin sees the account under "Kunci masuk" and clears it.
    const admin = await loginAs(app, 'admin', { name: 'Admin Kunci' });
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await adminContext.addCookies([
      { name: 'warta_session', value: admin.token, url: `${base}/newsroom` },
    ]);
    const staff = await adminContext.newPage();
    await staff.goto(`${base}/newsroom/staf`);
    const locks = staff.locator('#kunci-masuk');
    await expect.poll(() => locks.locator('h2').textContent()).toBe('Kunci masuk');
    const row = locks.locator('tr', { hasText: 'Wayan Diserang' });
    expect(await row.locator('td').nth(1).textContent()).toBe('Kata sandi');
    expect(await row.locator('td').nth(2).textContent()).toBe('5 Dalam tekanan');
    await locks.screenshot({ path: join(SCREENSHOT_DIR, 'newsroom-login-locks.png') });
    await row.getByRole('button', { name: 'Buka kunci' }).click();
    await staff.waitForURL(/\/newsroom\/staf\?ok=unlocked/);
    expect(await staff.getByRole('status').first().textContent()).toBe(
      'Batas masuk Wayan Diserang sudah dihapus.',
    );
    expect(await locks.locator('tr', { hasText: 'Wayan Diserang' }).count()).toBe(0);
    // Cleared: even a stranger's address is an ordinary address again.
    const after = await loginThroughForm(app, user.email, TEST_PASSWORD, { ip: '203.0.113.200' });
    expect(after.status).toBe(303);
    await adminContext.close();
  }, 120_000);
});
