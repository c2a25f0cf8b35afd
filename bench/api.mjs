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
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchArgs, demoSite, ensureTools, measure, root, startWarta, stop } from './servers.mjs';

const args = benchArgs();
const RUNS = args.runs;
const SECONDS = args.seconds;
const CONNS = args.conns;
const PORT = 4411;
const BASE = `http://127.0.0.1:${PORT}`;

ensureTools({ nginx: false });

const { work, env } = demoSite('api', PORT);

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

const { child } = await startWarta({ env, core: 0, log: join(work, 'warta.log') });

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
  for (const [label, url, headers] of cases)
    rows.push(
      await measure(label, url, {
        runs: RUNS,
        seconds: SECONDS,
        conns: CONNS,
        warmup: args.warmup,
        headers,
      }),
    );
} finally {
  await stop(child);
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
