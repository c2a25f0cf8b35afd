import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The runtime check of docs/decisions/001-sqlite-driver.md: `warta start` on an
 * empty data folder creates the demo, serves it under concurrent load, and
 * exits cleanly, while the garbage collector is forced five times a second. Run with
 * `WARTA_TEST_NODE=/path/to/node` to use another Node binary (CI runs it on
 * Node 24.21.0, the last release that aborts with better-sqlite3 12).
 */
const NODE = process.env.WARTA_TEST_NODE || process.execPath;
const ROOT = join(import.meta.dirname, '../..');
const PORT = 4700 + (process.pid % 200);
const BASE = `http://127.0.0.1:${PORT}`;
const WORDS = ['air', 'banjir', 'sekolah', 'pasar', 'gempa', 'bupati', 'petani', 'pantai', 'jalan'];

describe(`warta start under forced garbage collection (${NODE})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'warta-gc-'));
  let child: ChildProcess | undefined;
  let stderr = '';
  let stdout = '';
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the demo, serves pages under load and shuts down without an abort', async () => {
    child = spawn(
      NODE,
      [
        '--expose-gc',
        '--import',
        join(import.meta.dirname, 'force-gc.mjs'),
        join(ROOT, 'bin/warta.js'),
        'start',
      ],
      {
        cwd: dir,
        env: {
          ...process.env,
          DATABASE_URL: `sqlite:${join(dir, 'warta.db')}`,
          MEDIA_DIR: join(dir, 'media'),
          PORT: String(PORT),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (d) => {
      stdout += d;
    });
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    exit = new Promise((resolve) =>
      child?.once('exit', (code, signal) => resolve({ code, signal })),
    );

    // Demo creation, then "Warta is running".
    const deadline = Date.now() + 280_000;
    while (!stdout.includes('Warta is running')) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (Date.now() > deadline)
        throw new Error(`no start within the deadline:\n${stdout}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(stderr, 'no native abort').not.toMatch(/Assertion failed|Aborted|SIGABRT/);
    expect(child.exitCode, `exited early:\n${stderr}`).toBeNull();
    expect(stdout).toMatch(/demo newspaper has 49 articles/);

    // The pages a reader walks: home, every article and section linked from it, search.
    const home = await (await fetch(`${BASE}/`)).text();
    const links = [
      ...new Set(
        [...home.matchAll(/href="(\/[a-z0-9-]+(?:\/\d+\/[a-z0-9-]+)?\/?)"/g)].map((m) => m[1]),
      ),
    ];
    const urls = ['/', '/cari?q=air+bersih', '/feed', '/sitemap.xml', ...links];
    expect(links.filter((l) => /\/\d+\//.test(l ?? '')).length).toBeGreaterThan(10);

    const statuses = new Map<number, number>();
    let served = 0;
    const stopAt = Date.now() + 10_000;
    await Promise.all(
      Array.from({ length: 16 }, async (_, worker) => {
        for (let i = worker; Date.now() < stopAt; i++) {
          // Every other request is a new search, which the page cache cannot answer:
          // it runs SQLite statements while the collector destroys earlier ones.
          const url =
            i % 2 ? (urls[i % urls.length] as string) : `/cari?q=${WORDS[i % WORDS.length]}+${i}`;
          const res = await fetch(`${BASE}${url}`);
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          served++;
        }
      }),
    );
    expect([...statuses.keys()], JSON.stringify([...statuses])).toEqual([200]);
    expect(served).toBeGreaterThan(100);
    expect(child.exitCode, `died under load:\n${stderr}`).toBeNull();

    child.kill('SIGTERM');
    const { code, signal } = await exit;
    expect(stderr, 'no native abort').not.toMatch(/Assertion failed|Aborted|SIGABRT/);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  }, 400_000);
});
