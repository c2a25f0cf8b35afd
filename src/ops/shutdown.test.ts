import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/runtime/kill-server.ts';
import { loadConfig } from '../config.ts';
import { openDb } from '../db/connection.ts';
import { createEndpoint, dispatchEvent } from '../webhooks/webhooks.ts';

/**
 * SIGTERM on the compiled `warta serve` and `warta worker` (dist/ is built
 * once by the test setup): the request in flight and the job in progress
 * finish, new connections are refused, a second SIGTERM changes nothing, and
 * the process exits 0; a shutdown that cannot finish ends at its deadline.
 */

const BIN = join(import.meta.dirname, '../../bin/warta.js');
const SECRET = 'shutdown-test-secret-of-at-least-32-characters';

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let dir: string;
const running: ChildProcess[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'warta-shutdown-'));
});
afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function envFor(name: string, port: number, extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: `sqlite:${join(dir, `${name}.db`)}`,
    MEDIA_DIR: join(dir, `${name}-media`),
    HOST: '127.0.0.1',
    PORT: String(port),
    SECRET_KEY: SECRET,
    SITE_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

async function start(command: string, env: Record<string, string>, ready: string): Promise<Proc> {
  let out = '';
  const child = spawn(process.execPath, [BIN, command], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  await waitFor(
    () => out.includes(ready),
    60_000,
    () => `did not start:\n${out}`,
  );
  return { child, output: () => out, exited };
}

async function waitFor(test: () => boolean, ms: number, why: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(why());
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Whether a new connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

/**
 * A password-reset request whose body is still being sent: the first half
 * now, the rest when the test says. Resolves with the status of the answer,
 * read as far as its Content-Length (the connection is keep-alive).
 */
async function slowForgotPassword(port: number) {
  const base = `http://127.0.0.1:${port}`;
  const page = await fetch(`${base}/newsroom/lupa-sandi`);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const body = new URLSearchParams({ _csrf: csrf, email: 'tidak.ada@contoh.id' }).toString();
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  let received = '';
  const answer = new Promise<string>((resolve, reject) => {
    socket.on('data', (d) => {
      received += d;
      const [head = '', rest] = received.split('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? Number.NaN);
      if (rest !== undefined && Buffer.byteLength(rest) >= length) resolve(head);
    });
    socket.once('error', reject);
    socket.once('close', () => resolve(received.split('\r\n\r\n')[0] ?? ''));
  });
  const half = Math.floor(body.length / 2);
  socket.write(
    `POST /newsroom/lupa-sandi HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n` +
      body.slice(0, half),
  );
  return {
    finish: () => socket.write(body.slice(half)),
    answer,
    close: () => socket.destroy(),
  };
}

// Each test starts a compiled server: generous timeouts for a cold start on two busy cores.
describe('graceful shutdown of the compiled processes', () => {
  it('serve: the request in flight completes with 200, new connections are refused, exit 0', async () => {
    const port = await freePort();
    const p = await start('serve', envFor('serve', port), 'Warta is running');
    const slow = await slowForgotPassword(port);
    try {
      // The server has the headers and waits for the body.
      await new Promise((r) => setTimeout(r, 200));
      p.child.kill('SIGTERM');
      await waitFor(() => p.output().includes('SIGTERM: finishing'), 5000, p.output);
      // A second SIGTERM during the shutdown does not cut it short.
      p.child.kill('SIGTERM');
      await waitFor(() => p.output().includes('SIGTERM again'), 5000, p.output);
      const deadline = Date.now() + 5000;
      while (!(await refused(port))) {
        if (Date.now() > deadline) throw new Error('still accepting connections');
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(p.child.exitCode).toBeNull();
      slow.finish();
      const head = await slow.answer;
      expect(head, p.output()).toMatch(/^HTTP\/1\.1 200 /);
      const started = Date.now();
      expect(await p.exited, p.output()).toBe(0);
      // Not held open by the finished keep-alive connection until the deadline.
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      slow.close();
    }
  }, 90_000);

  it('serve: a shutdown that cannot finish exits at SHUTDOWN_TIMEOUT_MS', async () => {
    const port = await freePort();
    const env = envFor('deadline', port, { SHUTDOWN_TIMEOUT_MS: '1000' });
    const p = await start('serve', env, 'Warta is running');
    const slow = await slowForgotPassword(port);
    try {
      await new Promise((r) => setTimeout(r, 200));
      const sent = Date.now();
      p.child.kill('SIGTERM');
      // The body never comes: the deadline ends it.
      expect(await p.exited, p.output()).toBe(1);
      expect(Date.now() - sent).toBeGreaterThanOrEqual(900);
      expect(Date.now() - sent).toBeLessThan(8000);
      expect(p.output()).toContain('did not finish within 1000 ms');
    } finally {
      slow.close();
    }
  }, 90_000);

  it('worker: the job in progress (a slow webhook delivery) finishes before exit 0', async () => {
    // The webhook's receiver answers when the test lets it.
    let arrived: IncomingMessage | undefined;
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    const receiver: Server = createServer((req, res) => {
      arrived = req;
      req.resume();
      void released.then(() => res.end('ok'));
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const address = receiver.address();
    const receiverPort = typeof address === 'object' && address ? address.port : 0;
    const env = envFor('worker', await freePort());
    const p = await start('worker', env, 'Warta worker is running');
    const db = await openDb(env.DATABASE_URL);
    try {
      const config = loadConfig(env);
      await createEndpoint(db, config, {
        url: `http://127.0.0.1:${receiverPort}/terima`,
        events: ['article.unpublished'],
        allowPrivate: true,
        createdBy: null,
      });
      expect(await dispatchEvent(db, config, 'article.unpublished', { articleId: 1 })).toBe(1);
      // The worker claims it at its next poll (every 5 s) and waits on the receiver.
      await waitFor(
        () => arrived !== undefined,
        15_000,
        () => `not delivered:\n${p.output()}`,
      );
      p.child.kill('SIGTERM');
      await waitFor(() => p.output().includes('SIGTERM: finishing'), 5000, p.output);
      await new Promise((r) => setTimeout(r, 300));
      expect(p.child.exitCode).toBeNull();
      release();
      expect(await p.exited, p.output()).toBe(0);
      const delivery = await db.kysely
        .selectFrom('webhook_deliveries')
        .select(['status', 'response_status'])
        .executeTakeFirstOrThrow();
      expect(delivery).toEqual({ status: 'delivered', response_status: 200 });
      const job = await db.kysely
        .selectFrom('jobs')
        .select('status')
        .where('kind', '=', 'webhook.deliver')
        .executeTakeFirstOrThrow();
      expect(job.status).toBe('done');
    } finally {
      release();
      await db.close();
      await new Promise((r) => receiver.close(r));
    }
  }, 90_000);
});
