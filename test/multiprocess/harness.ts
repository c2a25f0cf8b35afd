import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { type Db, openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { PG_URL } from '../helpers.ts';
import { freePort, ServerProcess } from '../runtime/kill-server.ts';

/**
 * Two compiled Warta processes (`node bin/warta.js serve`) serving one site:
 * a fresh PostgreSQL database of their own, one Redis, one media folder and
 * one SECRET_KEY, as docs/deploy.md describes a site of several processes.
 * dist/ is built once by test/global-setup.ts before any test file runs, so
 * the two starts never race to build it.
 *
 * Storage that a later test wants elsewhere (media on S3: `MEDIA_STORAGE=s3`
 * and the S3_* variables) goes in through `env`, given to both processes.
 */

/** The machine's Redis; each test file takes its own database number (see `redisDb`). */
export const REDIS_BASE = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const SECRET_KEY = 'multiprocess-test-secret-of-at-least-32-characters';

export interface ClusterOptions {
  /**
   * Redis database number for CACHE_URL on the machine's Redis: nothing else
   * in the suite uses 10–15 (the other Redis tests use database 0 or a
   * private redis-server). Flushed before the processes start, so a page
   * cached by an earlier run of another database never answers.
   */
  redisDb?: number;
  /** A whole CACHE_URL instead (a private redis-server, or `memory`). */
  cacheUrl?: string;
  /** Extra environment for both processes (e.g. JOB_LEASE_MS, MEDIA_STORAGE and S3_*). */
  env?: Record<string, string>;
  /** Extra environment for one process only. */
  envA?: Record<string, string>;
  envB?: Record<string, string>;
  /** Fills the migrated database before the processes start (staff, sections, articles, settings). */
  seed?: (db: Db, mediaDir: string) => Promise<void>;
}

/** One of the two processes. */
export class Node {
  readonly base: string;
  constructor(
    readonly name: 'A' | 'B',
    readonly port: number,
    readonly server: ServerProcess,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  /** A request to this process; redirects are answers, not followed. */
  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.base}${path}`, { redirect: 'manual', ...init });
  }

  /** GET, returning status, headers and text. */
  async get(path: string, headers: Record<string, string> = {}) {
    const res = await this.fetch(path, { headers });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }
}

export interface Cluster {
  a: Node;
  b: Node;
  /** The test's own connection to the shared database (for seeding and checks). */
  db: Db;
  /** DATABASE_URL of the processes. */
  databaseUrl: string;
  cacheUrl: string;
  /** The media folder both processes share. */
  mediaDir: string;
  /** Stops both processes and removes the database, the Redis database's keys and the folder. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 20 ms until it is true; throws naming `what` after `ms`. */
export async function until(
  check: () => Promise<boolean> | boolean,
  what: string,
  ms = 10_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** A URL of the test PostgreSQL naming another database. */
function databaseUrlFor(name: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Empties one Redis database (only ever one this suite owns). */
async function flushRedis(cacheUrl: string): Promise<void> {
  if (!cacheUrl.startsWith('redis')) return;
  const redis = new Redis(cacheUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

/**
 * Drops the cluster's database once the server has let go of every
 * connection to it (a killed process's, and our own pool's, end a moment
 * later); forced only as a last resort, since forcing kills a connection of
 * ours that is still closing and its client then throws where no one listens.
 */
async function dropDatabase(admin: Db, name: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    try {
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)}`.execute(admin.kysely);
      return;
    } catch (err) {
      // 55006: the database is being accessed by other users.
      if ((err as { code?: string }).code !== '55006') throw err;
      await sleep(100);
    }
  }
  await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.kysely);
}

/** Waits until the process answers /readyz with 200 (database, cache and storage work). */
export async function waitReady(node: Node, ms = 15_000): Promise<void> {
  let last = '';
  await until(
    async () => {
      try {
        const res = await node.get('/readyz');
        last = `${res.status} ${res.text}`;
        return res.status === 200;
      } catch (err) {
        last = String(err);
        return false;
      }
    },
    `${node.name} to be ready (last: ${last})\n${node.server.output}`,
    ms,
  );
}

/**
 * Creates and migrates a fresh database, seeds it, and starts A and B on it.
 * Always call `stop()` (in afterAll), also after a failed start.
 */
export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const name = `warta_mp_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await openDb(PG_URL);
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.kysely);
  const databaseUrl = databaseUrlFor(name);
  const cacheUrl = opts.cacheUrl ?? `${REDIS_BASE}/${opts.redisDb ?? 10}`;
  const dir = mkdtempSync(join(tmpdir(), 'warta-mp-'));
  const mediaDir = join(dir, 'media');
  const servers: ServerProcess[] = [];
  let db: Db | undefined;
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const s of servers) {
      // A process that died by itself fails its test elsewhere; its last words say why.
      if (s.starts > 0 && !s.alive && s.kills === 0)
        console.error(`a Warta process died by itself:\n${s.output}`);
      await s.kill();
    }
    await db?.close();
    await dropDatabase(admin, name);
    await admin.close();
    if (!opts.cacheUrl) await flushRedis(cacheUrl).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    db = await openDb(databaseUrl);
    // Migrated here, once, before either process starts (they find nothing to do).
    await migrateToLatest(db);
    await opts.seed?.(db, mediaDir);
    if (!opts.cacheUrl) await flushRedis(cacheUrl);
    const nodes: Node[] = [];
    for (const [label, extra] of [
      ['A', opts.envA],
      ['B', opts.envB],
    ] as const) {
      const port = await freePort();
      const server = new ServerProcess(dir, {
        DATABASE_URL: databaseUrl,
        CACHE_URL: cacheUrl,
        SECRET_KEY,
        MEDIA_DIR: mediaDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        // The public address of the site behind its load balancer: the same for both.
        SITE_URL: 'http://warta-mp.test',
        // The test is the proxy: it names the reader's address in X-Forwarded-For.
        TRUST_PROXY: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ...opts.env,
        ...extra,
      });
      servers.push(server);
      nodes.push(new Node(label, port, server));
    }
    await Promise.all(servers.map((s) => s.start()));
    await Promise.all(nodes.map((n) => waitReady(n)));
    const [a, b] = nodes as [Node, Node];
    return { a, b, db, databaseUrl, cacheUrl, mediaDir, stop };
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
}
