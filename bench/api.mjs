/**
 * Content API speed against the site's own cached HTML, in one run. The
 * compiled server (`node bin/warta.js serve`, NODE_ENV=production, page cache
 * in memory) serves the demo newspaper on SQLite pinned to core 0; wrk runs
 * on core 1 (32 connections, gzip, `--seconds` each, median of `--runs`).
 *
 *   1 the article's page, cached HTML (the reference)
 *   2 the same page rendered for each request (a `warta_` cookie bypasses the page cache)
 *   3 GET /api/v1/articles (20 newest, with a key)
 *   4 GET /api/v1/articles/:id for the same article (with a key)
 *   5 the same with If-None-Match (304)
 *
 * Prints req/s, p50, p99 and the ratio of each to the cached page.
 *
 * Usage: npm run bench:api [-- --runs 3 --seconds 10]
 * Needs wrk (apt install wrk); taskset pins when present.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { median, onCore, wrk as wrkRun } from './wrk.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
  },
});
const RUNS = Number(values.runs);
const SECONDS = Number(values.seconds);
const CONNS = Number(values.connections);
const PORT = 4411;
const BASE = `http://127.0.0.1:${PORT}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (spawnSync('wrk', ['-v']).error) {
  console.error('wrk is needed: apt-get install -y wrk');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'warta-bench-api-'));
const env = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: `sqlite:${join(work, 'warta.db')}`,
  MEDIA_DIR: join(work, 'media'),
  SECRET_KEY_FILE: join(work, 'secret.key'),
  HOST: '127.0.0.1',
  PORT: String(PORT),
  LOG_LEVEL: 'info',
  CACHE_URL: 'memory',
};
spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
console.log('Creating the demo newspaper…');
if (spawnSync(process.execPath, [join(root, 'bin/warta.js'), 'demo'], { env }).status !== 0) {
  throw new Error('demo failed');
}

// A key with a limit far above what wrk sends, made with the compiled code (as an admin would).
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const { loadConfig } = await import(dist('config.js'));
const { openDb } = await import(dist('db/connection.js'));
const { createApiKey } = await import(dist('api/keys.js'));
const config = loadConfig(env);
const db = await openDb(config.databaseUrl);
const { key } = await createApiKey(db.kysely, config.secretKey, {
  name: 'bench',
  ratePerMinute: 100_000_000,
  createdBy: null,
});
await db.close();

const log = openSync(join(work, 'warta.log'), 'a');
const [bin, ...args] = onCore(0, [process.execPath, join(root, 'bin/warta.js'), 'serve']);
const child = spawn(bin, args, { env, stdio: ['ignore', log, log] });
for (;;) {
  if (child.exitCode !== null) throw new Error(`warta exited; see ${join(work, 'warta.log')}`);
  try {
    const res = await fetch(`${BASE}/`);
    await res.arrayBuffer();
    if (res.status === 200) break;
  } catch {}
  await sleep(10);
}

const auth = { Authorization: `Bearer ${key}` };
const list = await (
  await fetch(`${BASE}/api/v1/articles?limit=1&fields=path`, { headers: auth })
).json();
const { id, path } = list.data[0];
const one = await fetch(`${BASE}/api/v1/articles/${id}`, { headers: auth });
const etag = one.headers.get('etag');
await one.arrayBuffer();
await (await fetch(`${BASE}${path}`)).arrayBuffer(); // fills the page cache

const cases = [
  ['cached article page (HTML, reference)', `${BASE}${path}`, {}],
  // A `warta_` cookie marks a personal request: the page cache steps aside and the page is rendered.
  ['the same page rendered (cache bypassed)', `${BASE}${path}`, { Cookie: 'warta_bench=1' }],
  ['GET /api/v1/articles', `${BASE}/api/v1/articles`, auth],
  [`GET /api/v1/articles/${id}`, `${BASE}/api/v1/articles/${id}`, auth],
  [
    `GET /api/v1/articles/${id} (304)`,
    `${BASE}/api/v1/articles/${id}`,
    { ...auth, 'If-None-Match': etag },
  ],
];
const rows = [];
try {
  for (const [label, url, headers] of cases) {
    const runs = [];
    for (let i = 0; i < RUNS; i++)
      runs.push(await wrkRun(url, { conns: CONNS, seconds: SECONDS, headers }));
    const row = {
      label,
      rps: median(runs.map((r) => r.rps)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      errors: runs.reduce((n, r) => n + r.errors, 0),
    };
    rows.push(row);
    console.log(
      `  ${label}: ${Math.round(row.rps)} req/s${row.errors ? `, ${row.errors} non-2xx/3xx` : ''}`,
    );
  }
} finally {
  child.kill('SIGTERM');
  while (child.exitCode === null && child.signalCode === null) await sleep(20);
  rmSync(work, { recursive: true, force: true });
}
const ref = rows[0];
console.log(
  `\nwrk on core 1, server on core 0, ${CONNS} connections, ${SECONDS} s × ${RUNS} (median)`,
);
for (const r of rows) {
  console.log(
    `${r.label.padEnd(44)} ${String(Math.round(r.rps)).padStart(7)} req/s  ×${(r.rps / ref.rps).toFixed(2)} of the cached page  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms${r.errors ? `  ${r.errors} errors` : ''}`,
  );
}
