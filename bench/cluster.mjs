/**
 * One Warta process against two behind nginx, serving the same article page of
 * the demo newspaper on PostgreSQL (127.0.0.1:5432, a database of its own,
 * dropped afterwards) with the page cache in Redis (a redis-server of its own
 * on a free port), as docs/deploy.md runs several processes.
 *
 * The machine has two cores, so the setup is a compromise, stated here and in
 * the output rather than hidden:
 *   - process A is pinned to core 0; process B, nginx (one worker), Redis and
 *     wrk all share core 1. Two processes therefore never get two whole cores:
 *     B competes with the load generator and the proxy for core 1.
 *   - the nginx reference (the saved page, gzip_static) runs on core 1 beside
 *     wrk too, so it is lower than in `npm run bench`, where nginx has core 0.
 * Cache on, a hit is one Redis command and little else, and the load generator
 * is the bottleneck as much as Warta; cache off, rendering dominates and a
 * second process has the most to give.
 *
 *   1 nginx, the saved article page (reference)
 *   2 one process, direct                  3 one process behind nginx (upstream, keepalive)
 *   4 two processes behind nginx
 * each of 2–4 with the page cache on (PAGE_CACHE_TTL=600, Redis) and off (0).
 *
 * Usage: npm run bench:cluster [-- --runs 3 --seconds 10 --connections 32]
 * Needs wrk, nginx, redis-server and PostgreSQL; taskset pins when present.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import {
  benchArgs,
  build,
  ensureTools,
  measure as measureWith,
  startNginx,
  startWarta,
  stop,
  warta,
} from './servers.mjs';
import { hasTaskset, onCore } from './wrk.mjs';

const args = benchArgs({
  pg: {
    type: 'string',
    default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  },
});
const opts = { runs: args.runs, seconds: args.seconds, conns: args.conns, warmup: args.warmup };
const measure = (label, url) => measureWith(label, url, opts);
const PORT_A = 4431;
const PORT_B = 4432;
const PORT_PAIR = 4433;
const PORT_ONE = 4434;
const PORT_STATIC = 4435;
const REDIS_PORT = 4436;

ensureTools();

// --- PostgreSQL, Redis and the demo newspaper ----------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'warta-bench-cluster-'));
// nginx's worker runs as an unprivileged user: it must be able to read the saved page.
chmodSync(work, 0o755);
const dbName = `warta_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: args.pg });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const dbUrl = new URL(args.pg);
dbUrl.pathname = `/${dbName}`;

const [redisCmd, ...redisArgs] = onCore(1, [
  'redis-server',
  ...['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
]);
const redis = spawn(redisCmd, redisArgs, { stdio: 'ignore' });

const env = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: dbUrl.toString(),
  CACHE_URL: `redis://127.0.0.1:${REDIS_PORT}`,
  SECRET_KEY: 'bench-cluster-secret-of-at-least-thirty-two-chars',
  MEDIA_DIR: join(work, 'media'),
  HOST: '127.0.0.1',
  SITE_URL: `http://127.0.0.1:${PORT_PAIR}`,
  TRUST_PROXY: '127.0.0.1',
  LOG_LEVEL: 'warn',
};
const processes = [];
let nginx;

async function cleanup() {
  for (const p of processes.splice(0)) await stop(p);
  await nginx?.stop();
  redis.kill('SIGTERM');
  // Every connection to the database is gone with the processes.
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}

try {
  build();
  console.log('Creating the demo newspaper on PostgreSQL…');
  warta(['demo'], env);

  /** Starts one process on `core` with the page cache TTL given; returns its base URL. */
  const start = async (port, core, ttl) => {
    const { child } = await startWarta({
      env: { ...env, PORT: String(port), PAGE_CACHE_TTL: String(ttl) },
      core,
      log: join(work, `warta-${port}.log`),
    });
    processes.push(child);
    return `http://127.0.0.1:${port}`;
  };
  const stopAll = async () => {
    for (const p of processes.splice(0)) await stop(p);
  };

  // The article page, read once to save it for nginx and to know its address.
  const a = await start(PORT_A, 0, 0);
  const home = await (await fetch(`${a}/`)).text();
  const articlePath = /href="(\/[a-z0-9-]+\/\d+\/[a-z0-9-]+)"/.exec(home)?.[1];
  if (!articlePath) throw new Error('no article link on the home page');
  const articleHtml = await (
    await fetch(`${a}${articlePath}`, { headers: { 'accept-encoding': 'identity' } })
  ).text();
  await stopAll();

  const docroot = join(work, 'www');
  mkdirSync(docroot);
  writeFileSync(join(docroot, 'article.html'), articleHtml);
  writeFileSync(join(docroot, 'article.html.gz'), gzipSync(articleHtml, { level: 9 }));
  const proxy = (port, upstream) => `  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_buffer_size 16k;
      proxy_buffers 16 16k;
    }
  }`;
  nginx = await startNginx({
    dir: join(work, 'nginx'),
    core: 1,
    port: PORT_STATIC,
    http: `  upstream pair { server 127.0.0.1:${PORT_A}; server 127.0.0.1:${PORT_B}; keepalive 64; }
  upstream one { server 127.0.0.1:${PORT_A}; keepalive 64; }
${proxy(PORT_PAIR, 'pair')}
${proxy(PORT_ONE, 'one')}
  server {
    listen 127.0.0.1:${PORT_STATIC};
    root ${docroot};
    location / { default_type text/html; gzip_static on; }
  }`,
  });

  console.log(
    `\nArticle ${articlePath}; ${args.runs} runs × ${args.seconds} s, ${args.conns} connections, gzip; ${
      hasTaskset ? 'A on core 0; B, nginx, Redis and wrk on core 1' : 'no taskset: nothing pinned'
    }`,
  );
  const rows = [
    await measure(
      '1 nginx, saved article page (reference)',
      `http://127.0.0.1:${PORT_STATIC}/article.html`,
    ),
  ];
  const warm = async (url) => {
    for (let i = 0; i < 4; i++) await (await fetch(url)).arrayBuffer();
  };
  for (const [cache, ttl] of [
    ['cache on', 600],
    ['cache off', 0],
  ]) {
    const one = await start(PORT_A, 0, ttl);
    await warm(`${one}${articlePath}`);
    rows.push(await measure(`2 one process, direct, ${cache}`, `${one}${articlePath}`));
    rows.push(
      await measure(
        `3 one process behind nginx, ${cache}`,
        `http://127.0.0.1:${PORT_ONE}${articlePath}`,
      ),
    );
    await start(PORT_B, 1, ttl);
    await warm(`http://127.0.0.1:${PORT_PAIR}${articlePath}`);
    rows.push(
      await measure(
        `4 two processes behind nginx, ${cache}`,
        `http://127.0.0.1:${PORT_PAIR}${articlePath}`,
      ),
    );
    await stopAll();
  }

  const ref = rows[0].rps;
  console.log(`\nNode ${process.version}, medians of ${args.runs}:`);
  console.log('| | req/s | × nginx | p50 ms | p99 ms | non-2xx/3xx |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.label} | ${Math.round(r.rps)} | ${(r.rps / ref).toFixed(3)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} |`,
    );
} finally {
  await cleanup();
}
