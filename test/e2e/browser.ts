import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type App, buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';

/** Where browser tests write their screenshots (see README). */
export const SCREENSHOT_DIR = join(import.meta.dirname, '../../test-results/screenshots');

/**
 * Debian's Chromium, headless, with the flags this closed network needs
 * (no background networking, no component updates). Never a downloaded browser.
 */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A real Warta server on a fresh SQLite file, listening on a free loopback port. */
export interface E2eServer {
  app: App;
  base: string;
  dir: string;
  config: Config;
  stop(): Promise<void>;
}

/**
 * Starts Warta for a browser test: fresh database and media folder under a
 * temp directory, optional setup (e.g. demo content) before it listens.
 */
export async function startE2eServer(
  name: string,
  overrides: Partial<Config> = {},
  beforeListen?: (app: App, config: Config) => Promise<void>,
): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), `warta-e2e-${name}-`));
  const config = loadConfig(
    {},
    {
      databaseUrl: `sqlite:${join(dir, 'warta.db')}`,
      mediaDir: join(dir, 'media'),
      logLevel: 'silent',
      secretKey: 'e2e-secret-key-of-at-least-thirty-two-characters',
      ...overrides,
    },
  );
  const app = await buildApp(config);
  await beforeListen?.(app, config);
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    app,
    base,
    dir,
    config,
    async stop() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
