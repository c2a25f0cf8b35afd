import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/lib/errors.ts';

/**
 * Floods against the compiled server (`warta serve`, as in production) with
 * short timeouts from its configuration: slow clients are closed, oversized
 * requests refused with the catalog's message, and thousands of random URLs
 * leave nothing behind. Speed under a flood is measured in bench/flood.mjs.
 */
const ROOT = join(import.meta.dirname, '../..');
const HEADERS_TIMEOUT_MS = 600;
const REQUEST_TIMEOUT_MS = 1200;
/** How long a slow client may take to be closed before the test gives up (a guard, not a measure). */
const GIVE_UP_MS = 15_000;

interface Exchange {
  /** Everything the server sent. */
  response: string;
  /** Whether the server closed the connection before the test gave up. */
  closed: boolean;
}

/**
 * Opens a connection, writes `first`, then calls `drip` every `everyMs` until
 * the server closes the connection, or until the test gives up.
 */
function talk(
  port: number,
  first: string,
  drip?: { everyMs: number; send: (i: number) => string },
  giveUpMs = GIVE_UP_MS,
): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let timer: NodeJS.Timeout | undefined;
    const done = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ response, closed });
    };
    const giveUp = setTimeout(() => done(false), giveUpMs);
    socket.on('data', (d) => {
      response += d;
    });
    socket.on('error', () => {});
    socket.on('close', () => done(true));
    socket.write(first);
    let i = 0;
    if (drip)
      timer = setInterval(() => socket.writable && socket.write(drip.send(i++)), drip.everyMs);
  });
}

const status = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

describe('floods against warta serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warta-flood-'));
  let child: ChildProcess;
  let port = 0;
  let stdout = '';
  let stderr = '';

  /** The server's live heap after a full collection (see heap-probe.mjs). */
  async function liveHeap(): Promise<number> {
    const seen = stdout.length;
    child.kill('SIGUSR2');
    for (let i = 0; i < 200; i++) {
      const m = /HEAP (\d+)\n/.exec(stdout.slice(seen));
      if (m) return Number(m[1]);
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no heap report:\n${stderr}`);
  }

  /** GETs every URL, `concurrency` at a time; returns the responses' status, cache-control and x-cache. */
  async function burst(urls: string[], concurrency = 8) {
    const seen = new Map<string, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < urls.length) {
          const res = await fetch(`http://127.0.0.1:${port}${urls[next++]}`);
          await res.arrayBuffer();
          const key = `${res.status} ${res.headers.get('cache-control')} ${res.headers.get('x-cache')}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
      }),
    );
    return seen;
  }

  beforeAll(async () => {
    child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        join(import.meta.dirname, 'heap-probe.mjs'),
        join(ROOT, 'bin/warta.js'),
        'serve',
      ],
      {
        cwd: dir,
        env: {
          ...process.env,
          DATABASE_URL: `sqlite:${join(dir, 'warta.db')}`,
          MEDIA_DIR: join(dir, 'media'),
          SECRET_KEY: 'f'.repeat(64),
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
          REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
          PAGE_CACHE_MB: '1',
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
    const deadline = Date.now() + 60_000;
    for (;;) {
      const m = /Warta is running at http:\/\/[^:]+:(\d+)\//.exec(stdout);
      if (m) {
        port = Number(m[1]);
        break;
      }
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`the server did not start:\n${stdout}\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes slow clients: headers sent byte by byte, and a body trickled after them', async () => {
    // Slowloris: 20 connections each sending one more header byte every 100 ms, forever.
    const slowHeaders = Array.from({ length: 20 }, () =>
      talk(port, 'GET / HTTP/1.1\r\nHost: localhost\r\n', {
        everyMs: 100,
        send: (i) => (i % 20 === 19 ? '\r\n' : i % 20 === 0 ? `X-Slow-${i}: ` : 'a'),
      }),
    );
    // The same with complete headers and a body of 100,000 bytes sent a byte at a time.
    const slowBody = talk(
      port,
      'POST /berita/1/judul/komentar HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n',
      { everyMs: 100, send: () => 'a' },
    );
    for (const r of [...(await Promise.all(slowHeaders)), await slowBody]) {
      expect(r.closed, `still open: ${r.response}`).toBe(true);
      expect(status(r.response), r.response).toBe(408);
      expect(r.response).toContain(ERRORS.REQUEST_TIMEOUT.id);
    }
    // The server is none the worse.
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('refuses oversized headers with 431 and oversized bodies with 413, in Indonesian', async () => {
    // Each refusal is its own check (soft): one failing does not hide the others.
    const bigHeaders = await talk(
      port,
      `GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect.soft(status(bigHeaders.response), bigHeaders.response).toBe(431);
    expect.soft(bigHeaders.response).toContain(ERRORS.HEADERS_TOO_LARGE.id);

    // A stranger's form: 200 KiB declared, then the same sent chunked without a length.
    const form = `body=${'a'.repeat(200 * 1024)}`;
    const declared = await fetch(`http://127.0.0.1:${port}/berita/1/judul/komentar`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect.soft(declared.status).toBe(413);
    expect.soft(await declared.text()).toContain(ERRORS.TOO_LARGE.id);
    const chunks = Array.from({ length: 20 }, () => form.slice(0, 10 * 1024));
    const chunked = await talk(
      port,
      `POST /berita/1/judul/komentar HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n${chunks.map((c) => `${c.length.toString(16)}\r\n${c}\r\n`).join('')}0\r\n\r\n`,
    );
    expect.soft(status(chunked.response), chunked.response.slice(0, 200)).toBe(413);
    expect.soft(chunked.response).toContain(ERRORS.TOO_LARGE.id);

    // The article save takes 4 MiB from staff; a stranger announcing 3 MB is told
    // to log in at once, before the server waits for or holds any of it.
    const anonymous = await talk(
      port,
      'POST /newsroom/artikel/1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n{"headline":"',
      undefined,
      REQUEST_TIMEOUT_MS / 2,
    );
    expect.soft(status(anonymous.response), anonymous.response.slice(0, 200)).toBe(401);
  });

  it('a burst of random missing URLs, then of page copies, leaves the heap where it was', async () => {
    const random = (n: number, make: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => make(i));
    const missing = (i: number) =>
      `/${Math.random().toString(36).slice(2)}-${i}/${i}/${Math.random().toString(36).slice(2)}`;
    // Warm up: the first thousand requests still grow the heap by a megabyte or so
    // (optimised code, pools), then it stays flat; measure after them.
    await burst([...random(1000, missing), ...random(200, (i) => `/?page=${i + 1_000_000}`)]);
    const start = await liveHeap();

    const misses = await burst(random(1500, missing));
    expect([...misses], 'every one a 404 the cache never keeps').toEqual([
      ['404 no-store null', 1500],
    ]);
    const afterMisses = await liveHeap();
    // Nothing is kept per missing URL: 1,500 of them may leave less than 700 bytes each.
    expect(afterMisses - start, `heap ${start} → ${afterMisses}`).toBeLessThan(1024 * 1024);

    // `/?page=N` answers the home page for any N: each is a copy the page cache
    // keeps, within its budget (PAGE_CACHE_MB=1 here; the copies come to 5 MB).
    const copies = await burst(random(1000, (i) => `/?page=${i + 1}`));
    expect([...copies.keys()]).toEqual([expect.stringMatching(/^200 .* MISS$/)]);
    const afterCopies = await liveHeap();
    expect(afterCopies - afterMisses, `heap ${afterMisses} → ${afterCopies}`).toBeLessThan(
      2 * 1024 * 1024,
    );
  }, 120_000);
});
