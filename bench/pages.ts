/**
 * Page-serving benchmark. Starts Warta on a fresh SQLite database (and the
 * machine's PostgreSQL) with the demo newspaper, then measures requests per
 * second and latency for the home, section and article pages over loopback.
 *
 * Reference, measured in the same run: the same server answering a route that
 * sends the article page's bytes from memory (no database, no rendering). The
 * ratio says how close real pages come to that ceiling.
 *
 * Usage: npm run bench [-- --requests 2000 --concurrency 16]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { type App, buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import type { Db, Dialect } from '../src/db/connection.ts';
import { openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { EventBus } from '../src/lib/events.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    stories: { type: 'string', default: '24' },
  },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Result {
  name: string;
  rps: number;
  p50: number;
  p95: number;
}

/** Sends `REQUESTS` GETs with `CONCURRENCY` in flight from a worker thread; bounded, stops by itself. */
async function measure(name: string, url: string): Promise<Result> {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { url, requests: REQUESTS, concurrency: CONCURRENCY },
  });
  const { latencies, seconds, failed } = await new Promise<{
    latencies: number[];
    seconds: number;
    failed: number;
  }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (failed > 0) throw new Error(`${name}: ${failed} requests did not answer 200`);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.floor((latencies.length - 1) * p)] ?? 0;
  return { name, rps: latencies.length / seconds, p50: pct(0.5), p95: pct(0.95) };
}

/** Starts an app on the shared database and returns its base URL. */
async function start(config: Config, db: Db, setup?: (app: App) => void) {
  const app = await buildApp(config, { db });
  setup?.(app);
  await app.server.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.server.address();
  return { app, base: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` };
}

async function run(dialect: Dialect): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'warta-bench-'));
  const schema = `bench_${process.pid}`;
  const databaseUrl = dialect === 'sqlite' ? `sqlite:${join(dir, 'bench.db')}` : PG_URL;
  const db = await openDb(databaseUrl, dialect === 'postgres' ? { schema } : {});
  const config = loadConfig(
    {},
    { databaseUrl, mediaDir: join(dir, 'media'), logLevel: 'silent', host: '127.0.0.1', port: 0 },
  );
  await migrateToLatest(db);
  process.stdout.write(`[${dialect}] seeding ${values.stories} demo stories…\n`);
  await seedDemo(db, new EventBus(), config.mediaDir, { limit: Number(values.stories) });
  // The reference route: same server, same plugins (compression, headers), bytes from memory.
  let articleHtml = '';
  const plain = await start({ ...config, pageCacheTtl: 0 }, db, (app) =>
    app.server.get('/__bench/static-article', (_req, reply) =>
      reply.type('text/html; charset=utf-8').send(articleHtml),
    ),
  );
  const cached = await start({ ...config, pageCacheTtl: 60 }, db);
  try {
    const home = await (await fetch(`${plain.base}/`)).text();
    const articlePath = home.match(/href="(\/[a-z0-9-]+\/\d+\/[a-z0-9-]+)"/)?.[1];
    if (!articlePath) throw new Error('no article link on the home page');
    const sectionPath = `/${articlePath.split('/')[1]}`;
    articleHtml = await (await fetch(`${plain.base}${articlePath}`)).text();
    const out: Result[] = [];
    out.push(
      await measure(
        `${dialect} reference: article bytes from memory`,
        `${plain.base}/__bench/static-article`,
      ),
    );
    for (const [label, path] of [
      ['article page', articlePath],
      ['home page', '/'],
      ['section page', sectionPath],
    ] as const) {
      out.push(await measure(`${dialect} ${label}, rendered`, `${plain.base}${path}`));
      out.push(await measure(`${dialect} ${label}, page cache`, `${cached.base}${path}`));
    }
    return out;
  } finally {
    if (dialect === 'postgres')
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db.kysely);
    await plain.app.close();
    await cached.app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: Result[] = [];
for (const dialect of ['sqlite', 'postgres'] as const) results.push(...(await run(dialect)));
const ref = (d: string) => results.find((r) => r.name.startsWith(`${d} reference`))?.rps ?? 1;
console.log(`\n${REQUESTS} requests per case, ${CONCURRENCY} concurrent, gzip\n`);
console.log(
  'case'.padEnd(48),
  'req/s'.padStart(8),
  'p50 ms'.padStart(8),
  'p95 ms'.padStart(8),
  'vs ref'.padStart(8),
);
for (const r of results) {
  console.log(
    r.name.padEnd(48),
    r.rps.toFixed(0).padStart(8),
    r.p50.toFixed(1).padStart(8),
    r.p95.toFixed(1).padStart(8),
    (r.rps / ref(r.name.split(' ')[0] ?? '')).toFixed(2).padStart(8),
  );
}
