/**
 * Flood benchmark: what floods cost an ordinary reader. The compiled server
 * (`node bin/warta.js serve`, production settings) serves the demo newspaper
 * on SQLite pinned to core 0; every load comes from separate processes pinned
 * to core 1. Phases, each with the same reader requesting an article page 20
 * times a second on a fresh connection (its p50/p99 against the quiet phase
 * of the same run) and the server's resident memory (VmRSS) before, at most
 * and after:
 *
 *   quiet      the reader alone
 *   slowloris  (at least 30 s) --slow connections (default 800) sending headers a byte at a
 *              time, reopened as soon as the server closes them
 *   oversized  16 clients sending 20 KB headers, 200 KB and 1 MB (chunked)
 *              bodies, and a stranger's 3 MB article save
 *   missing    --missing random URLs (default 10,000) that do not exist, from wrk
 *   after      the reader alone again
 *
 * Usage: npm run bench:flood [-- --db /path/to/warta.db --seconds 15 --slow 800 --missing 10000]
 * Without --db, the demo newspaper is created once in a temporary folder.
 * Needs wrk (apt install wrk); taskset is used when present.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'main' },
    db: { type: 'string' },
    seconds: { type: 'string', default: '15' },
    slow: { type: 'string', default: '800' },
    missing: { type: 'string', default: '10000' },
    port: { type: 'string', default: '4390' },
    url: { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
const SLOW_SECONDS = Math.max(SECONDS, 30);
const PORT = Number(values.port);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- Load roles: each runs in its own process, prints one JSON line, exits. ---

/** An ordinary reader: GET the article page 20 times a second, each on a new connection. */
async function reader() {
  const latencies = [];
  const statuses = {};
  const stopAt = Date.now() + SECONDS * 1000;
  while (Date.now() < stopAt) {
    const started = performance.now();
    const status = await new Promise((resolve) => {
      const req = request(values.url, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      });
      req.on('error', (err) => resolve(err.code ?? 'error'));
      req.end();
    });
    const ms = performance.now() - started;
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
    await sleep(Math.max(0, 50 - ms));
  }
  return { latencies, statuses };
}

/** Keeps `--slow` connections open, each sending one header byte a second; reopens closed ones. */
async function slowloris() {
  const stopAt = Date.now() + SECONDS * 1000;
  let opened = 0;
  let closedByServer = 0;
  const statuses = {};
  const sockets = new Set();
  const open = () => {
    if (Date.now() >= stopAt) return;
    opened++;
    const s = connect(PORT, '127.0.0.1');
    let answer = '';
    sockets.add(s);
    s.on('error', () => {});
    s.on('data', (d) => {
      answer += d;
    });
    s.on('close', () => {
      sockets.delete(s);
      clearInterval(s.drip);
      if (Date.now() < stopAt) {
        closedByServer++;
        const status = /^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? 'none';
        statuses[status] = (statuses[status] ?? 0) + 1;
        open();
      }
    });
    s.write('GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
    s.drip = setInterval(() => s.writable && s.write('a'), 1000);
  };
  for (let i = 0; i < Number(values.slow); i++) {
    open();
    if (i % 50 === 49) await sleep(10);
  }
  await sleep(Math.max(0, stopAt - Date.now()));
  for (const s of sockets) {
    clearInterval(s.drip);
    s.destroy();
  }
  return { opened, closedByServer, statuses };
}

/** Sends one raw request and resolves with the status the server answered (or how it failed). */
function raw(head, body = []) {
  return new Promise((resolve) => {
    const s = connect(PORT, '127.0.0.1');
    let answer = '';
    s.on('error', () => {});
    s.on('data', (d) => {
      answer += d;
      if (answer.includes('\r\n')) s.destroy();
    });
    s.on('close', () => resolve(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? 'closed'));
    s.write(head);
    for (const chunk of body) if (s.writable) s.write(chunk);
  });
}

/** 16 clients sending oversized headers and bodies in turn for the phase. */
async function oversized() {
  const stopAt = Date.now() + SECONDS * 1000;
  const form = `body=${'a'.repeat(200 * 1024)}`;
  const chunk = 'a'.repeat(64 * 1024);
  const chunked = Array.from({ length: 16 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
  const kinds = [
    () => raw(`GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    () =>
      raw(
        `POST /berita/1/judul/komentar HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${form.length}\r\n\r\n`,
        [form],
      ),
    () =>
      raw(
        'POST /berita/1/judul/komentar HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n',
        [...chunked, '0\r\n\r\n'],
      ),
    () =>
      raw(
        'POST /newsroom/artikel/1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\n\r\n',
        ['{"headline":"', 'a'.repeat(1024 * 1024)],
      ),
  ];
  const statuses = {};
  let sent = 0;
  await Promise.all(
    Array.from({ length: 16 }, async (_, worker) => {
      for (let i = worker; Date.now() < stopAt; i++) {
        const status = await kinds[i % kinds.length]();
        statuses[status] = (statuses[status] ?? 0) + 1;
        sent++;
      }
    }),
  );
  return { sent, statuses };
}

if (values.role !== 'main') {
  const roles = { reader, slowloris, oversized };
  const result = await roles[values.role]();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

// --- The benchmark itself. ---

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const onCore = (core, command) =>
  hasTaskset ? ['taskset', '-c', String(core), ...command] : command;
if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is needed for the missing-URL phase: apt install wrk');
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'warta-flood-'));
const dbPath = values.db ?? join(work, 'warta.db');
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${dbPath}`,
  MEDIA_DIR: join(dirname(dbPath), 'media'),
  SECRET_KEY_FILE: join(dirname(dbPath), 'secret.key'),
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  PORT: String(PORT),
};

spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (!values.db) {
  console.log('Creating the demo newspaper once…');
  const r = spawnSync(process.execPath, [join(root, 'bin/warta.js'), 'demo'], {
    env,
    stdio: 'ignore',
  });
  if (r.status !== 0) throw new Error('demo failed');
}

const [bin, ...args] = onCore(0, [process.execPath, join(root, 'bin/warta.js'), 'serve']);
const server = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
server.stdout.on('data', (d) => {
  out += d;
});
while (!out.includes('Warta is running')) {
  if (server.exitCode !== null) throw new Error(`the server exited:\n${out}`);
  await sleep(50);
}
const base = `http://127.0.0.1:${PORT}`;
const home = await (await fetch(`${base}/`)).text();
const article = /href="(\/[a-z0-9-]+\/\d+\/[a-z0-9-]+)"/.exec(home)?.[1];
if (!article) throw new Error('no article link on the home page');

const rssKb = () =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0);

/** Runs a role of this script on core 1 and resolves with its JSON line. */
function role(name, extra = []) {
  const [cmd, ...rest] = onCore(1, [
    process.execPath,
    fileURLToPath(import.meta.url),
    '--role',
    name,
    '--port',
    String(PORT),
    ...extra,
  ]);
  const child = spawn(cmd, rest, { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  child.stdout.on('data', (d) => {
    text += d;
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(text)) : reject(new Error(`${name} exited ${code}`)),
    ),
  );
}

/** wrk on core 1 requesting --missing random URLs that do not exist, then stopping. */
function missingFlood() {
  const script = join(work, 'missing.lua');
  writeFileSync(
    script,
    `math.randomseed(os.time())
local answered = 0
local limit = ${Number(values.missing)}
local function word() return string.format("%x%x", math.random(0, 2^30), math.random(0, 2^30)) end
request = function()
  local kind = math.random(1, 3)
  if kind == 1 then return wrk.format("GET", "/" .. word()) end
  if kind == 2 then return wrk.format("GET", "/" .. word() .. "/" .. math.random(100000, 999999) .. "/" .. word()) end
  return wrk.format("GET", "/" .. word() .. "/" .. word() .. "/" .. word() .. "/" .. word())
end
response = function(status)
  answered = answered + 1
  -- wrk itself would wait out -d: tell the bench, which interrupts it (its summary follows).
  if answered == limit then io.write("LIMIT\\n"); io.flush(); wrk.thread:stop() end
end
done = function(summary)
  io.write(string.format("\\nANSWERED %d NON2XX %d SECONDS %.1f\\n", summary.requests, summary.errors.status, summary.duration / 1e6))
end
`,
  );
  const [cmd, ...rest] = onCore(1, ['wrk', '-t1', '-c16', '-d600s', '-s', script, base]);
  const child = spawn(cmd, rest, { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  child.stdout.on('data', (d) => {
    text += d;
    if (text.includes('LIMIT\n') && !child.interrupted) child.interrupted = child.kill('SIGINT');
  });
  return new Promise((resolve) =>
    child.once('exit', () => {
      const m = /ANSWERED (\d+) NON2XX (\d+) SECONDS ([\d.]+)/.exec(text);
      resolve(m ? { answered: Number(m[1]), notFound: Number(m[2]), seconds: Number(m[3]) } : text);
    }),
  );
}

/** The reader for `seconds`, or, with `until`, in 5-second stretches until that promise settles. */
async function read(seconds, until) {
  const url = `${base}${article}`;
  if (!until) return role('reader', ['--url', url, '--seconds', String(seconds)]);
  let done = false;
  until.then(() => {
    done = true;
  });
  const all = { latencies: [], statuses: {} };
  while (!done) {
    const part = await role('reader', ['--url', url, '--seconds', '5']);
    all.latencies.push(...part.latencies);
    for (const [s, n] of Object.entries(part.statuses))
      all.statuses[s] = (all.statuses[s] ?? 0) + n;
  }
  return all;
}

/** One phase: the reader alongside `load` (if any), with the server's RSS sampled throughout. */
async function phase(name, load, { readUntilLoadEnds = false, seconds = SECONDS } = {}) {
  const before = rssKb();
  let max = before;
  const sampler = setInterval(() => {
    max = Math.max(max, rssKb());
  }, 200);
  const started = Date.now();
  const loading = load ? load() : undefined;
  const [loadOut, reads] = await Promise.all([
    loading,
    read(seconds, readUntilLoadEnds ? loading : undefined),
  ]);
  clearInterval(sampler);
  const sorted = [...reads.latencies].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.floor((sorted.length - 1) * p)] ?? 0;
  console.log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return {
    name,
    p50: pct(0.5),
    p99: pct(0.99),
    reads: sorted.length,
    readerStatuses: reads.statuses,
    rss: { before, max: Math.max(max, rssKb()), after: rssKb() },
    load: loadOut,
  };
}

console.log(
  `\nFlood phases against the demo newspaper (article ${article}), Node ${process.version}${hasTaskset ? ', server on core 0, load on core 1' : ''}:`,
);
const results = [];
try {
  results.push(await phase('quiet'));
  results.push(
    // Long enough for the server's header timeout (20 s) to close the first ones.
    await phase(
      'slowloris',
      () => role('slowloris', ['--seconds', String(SLOW_SECONDS), '--slow', values.slow]),
      { seconds: SLOW_SECONDS },
    ),
  );
  results.push(await phase('oversized', () => role('oversized', ['--seconds', String(SECONDS)])));
  results.push(await phase('missing', missingFlood, { readUntilLoadEnds: true }));
  results.push(await phase('after'));
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
  if (!values.db) rmSync(work, { recursive: true, force: true });
}

const quiet = results[0];
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
console.log(
  `\n${'phase'.padEnd(10)} ${'reader p50'.padStart(11)} ${'× quiet'.padStart(8)} ${'p99'.padStart(9)} ${'× quiet'.padStart(8)} ${'reads'.padStart(6)}  ${'RSS before → max → after'.padEnd(26)} load`,
);
for (const r of results) {
  const fails = Object.entries(r.readerStatuses).filter(([s]) => s !== '200');
  console.log(
    `${r.name.padEnd(10)} ${`${r.p50.toFixed(1)} ms`.padStart(11)} ${(r.p50 / quiet.p50).toFixed(2).padStart(8)} ${`${r.p99.toFixed(1)} ms`.padStart(9)} ${(r.p99 / quiet.p99).toFixed(2).padStart(8)} ${String(r.reads).padStart(6)}  ${`${mb(r.rss.before)} → ${mb(r.rss.max)} → ${mb(r.rss.after)}`.padEnd(26)} ${r.load ? JSON.stringify(r.load) : '-'}${fails.length ? `  reader failures: ${JSON.stringify(Object.fromEntries(fails))}` : ''}`,
  );
}
