/**
 * What the page benchmarks share besides wrk (./wrk.mjs): their arguments,
 * the tools (installed when missing), the compiled Warta server and nginx
 * started pinned to a core with a configuration of their own, and a
 * measurement as the median of several wrk runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median, onCore, wrk } from './wrk.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `--runs`, `--seconds`, `--connections` and `--warmup` (defaults 3, 10, 32
 * and 10 s), plus any `extra` options.
 */
export function benchArgs(extra = {}) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      warmup: { type: 'string', default: '10' },
      ...extra,
    },
  });
  return {
    ...values,
    runs: Number(values.runs),
    seconds: Number(values.seconds),
    conns: Number(values.connections),
    warmup: Number(values.warmup),
  };
}

const has = (cmd, args = ['-v']) => !spawnSync(cmd, args).error;

/** Installs wrk and nginx with apt when missing (and apt-get is usable); exits if it cannot. */
export function ensureTools({ nginx = true } = {}) {
  const missing = [];
  if (!has('wrk')) missing.push('wrk');
  if (nginx && !has('nginx', ['-v']) && !has('/usr/sbin/nginx', ['-v']))
    missing.push('nginx-light');
  if (missing.length === 0) return;
  console.log(`Installing ${missing.join(', ')} with apt…`);
  const r = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.status !== 0) {
    console.error(
      `Could not install ${missing.join(', ')}: apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
}

/** Compiles dist/ once, before any server starts (two starts must not race to build it). */
export function build() {
  spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
}

/**
 * A fresh folder with the demo newspaper on SQLite, built with the compiled
 * code, and the settings a production server on `port` runs with (page cache
 * in memory, logs at info). The folder is readable by others: nginx's worker
 * runs as an unprivileged user and may serve files saved in it.
 */
export function demoSite(name, port) {
  const work = mkdtempSync(join(tmpdir(), `warta-bench-${name}-`));
  chmodSync(work, 0o755);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: `sqlite:${join(work, 'warta.db')}`,
    MEDIA_DIR: join(work, 'media'),
    SECRET_KEY_FILE: join(work, 'secret.key'),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    CACHE_URL: 'memory',
  };
  build();
  console.log('Creating the demo newspaper…');
  warta(['demo'], env);
  return { work, env };
}

/** Runs a `warta` command (demo, user add, …) to completion; throws with its output on failure. */
export function warta(args, env, input) {
  const r = spawnSync(process.execPath, [join(root, 'bin/warta.js'), ...args], { env, input });
  if (r.status !== 0) throw new Error(`warta ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
  return r;
}

/**
 * Starts `warta serve` on `core` with `env` (PORT in it), its output appended
 * to `log`; resolves with the process and the ms from spawn to the first 200.
 */
export async function startWarta({ env, core = 0, log }) {
  const out = openSync(log, 'a');
  const started = performance.now();
  // Node's flags and malloc settings as bin/warta.js and docs/deploy.md's unit pass them.
  const [bin, ...args] = onCore(core, [
    process.execPath,
    '--max-semi-space-size=4',
    '--heap-growing-percent=30',
    '--no-maglev',
    join(root, 'bin/warta.js'),
    'serve',
  ]);
  const child = spawn(bin, args, {
    env: {
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '131072',
      MALLOC_TRIM_THRESHOLD_: '1048576',
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  let tries = 0;
  let last = '';
  for (; ; tries++) {
    if (child.exitCode !== null) throw new Error(`warta exited; see ${log}`);
    try {
      const res = await fetch(`http://127.0.0.1:${env.PORT}/`);
      await res.arrayBuffer();
      if (res.status === 200) break;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = String(err.cause?.code ?? err.message);
    }
    await sleep(5);
  }
  const startMs = performance.now() - started;
  // A slow start is reported with what the waiting saw, to tell a busy machine from a fault.
  if (startMs > 3000) {
    console.log(
      `  (a slow start: ${Math.round(startMs)} ms, ${tries} tries, last: ${last}; log ${log})`,
    );
  }
  return { child, startMs };
}

/** SIGTERM (Warta and redis finish what they do), then waits for the exit. */
export async function stop(child) {
  child.kill('SIGTERM');
  while (child.exitCode === null && child.signalCode === null) await sleep(20);
}

export const NGINX = has('nginx', ['-v']) ? 'nginx' : '/usr/sbin/nginx';

/**
 * Starts nginx on `core` with a configuration of its own under `dir`
 * (one worker, no access log, every temporary path inside `dir`); `http` is
 * the inside of its http block (servers, upstreams). Resolves once `port` answers.
 */
export async function startNginx({ dir, core = 0, port, http }) {
  mkdirSync(dir, { recursive: true });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${http}
}
`,
  );
  const [cmd, ...args] = onCore(core, [NGINX, '-c', conf, '-p', dir]);
  const child = spawn(cmd, args, { stdio: 'inherit' });
  for (let i = 0; ; i++) {
    try {
      await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer();
      break;
    } catch (err) {
      if (child.exitCode !== null || i > 200) throw new Error(`nginx did not start: ${err}`);
      await sleep(10);
    }
  }
  return {
    async stop() {
      child.kill('SIGQUIT');
      if (child.exitCode === null) await new Promise((r) => child.on('close', r));
    },
  };
}

/** Bytes of one response body as wrk receives it (gzip asked for, not decoded). */
export function responseBytes(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip', ...headers } }, (res) => {
      let n = 0;
      res.on('data', (d) => {
        n += d.length;
      });
      res.on('end', () => resolve(n));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Loads `url` for `warmup` seconds, unmeasured (the same for every server, nginx
 * too: what is measured is a server in its steady state, its code compiled by
 * the JIT and its caches filled), then `runs` times for `seconds` (wrk on
 * core 1): the medians of req/s, p50 and p99, the bytes of one response and
 * every non-2xx/3xx answer; printed as it goes.
 *
 * With `reference` (a URL), each run is paired with a run against it just
 * before, and the row carries the reference's median too (`refRps`): on a
 * machine whose speed drifts during a run, a ratio of two measurements taken
 * minutes apart says more about the drift than about the servers.
 */
export async function measure(
  label,
  url,
  { runs, seconds, conns, headers, warmup = 0, reference } = {},
) {
  if (warmup > 0) await wrk(url, { conns, seconds: warmup, headers });
  const results = [];
  const references = [];
  for (let i = 0; i < runs; i++) {
    if (reference) references.push(await wrk(reference, { conns, seconds }));
    results.push(await wrk(url, { conns, seconds, headers }));
  }
  const row = {
    label,
    rps: median(results.map((r) => r.rps)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    bytes: await responseBytes(url, headers),
    errors: results.reduce((n, r) => n + r.errors, 0),
    refRps: reference ? median(references.map((r) => r.rps)) : undefined,
  };
  console.log(
    `  ${label}: ${Math.round(row.rps)} req/s, p99 ${row.p99.toFixed(2)} ms${row.refRps ? ` (reference alongside: ${Math.round(row.refRps)} req/s)` : ''}${row.errors ? `, ${row.errors} non-2xx/3xx` : ''}`,
  );
  return row;
}
