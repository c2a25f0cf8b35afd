/**
 * Page speed against nginx, in one run. The compiled server (`node bin/warta.js
 * serve`, NODE_ENV=production, default logging to a file) serves the demo
 * newspaper on SQLite pinned to core 0; nginx serves the same article page
 * precompressed (`gzip_static`) pinned to the same core; every load comes from
 * wrk pinned to core 1 (a separate process, 32 connections, gzip, `--seconds`
 * each, median of `--runs`).
 *
 *   1 nginx, the saved article page (the reference)
 *   2 Warta, the article page, cache on          3 the same with If-None-Match
 *   4 Warta, the article page, cache off         5 home and a section page, cache on
 *   6 a search results page, cache off           7 the article under 100 connections while
 *                                                  an editor saves it every second: how long
 *                                                  until readers see each edit
 *   2b the cached article with every hit logged (LOG_HIT_SAMPLE=1): what logging costs
 *
 * nginx stays up, and every later run follows an nginx run: each row's ratio
 * is against the nginx runs taken in turns with it.
 *
 * Prints req/s, p50, p99, bytes per response, the ratio of each to nginx,
 * Warta's resident memory after the load and the time from process start to
 * the first page served (the median of the run's four starts).
 *
 * Usage: npm run bench [-- --runs 3 --seconds 10]
 * Needs wrk and nginx (apt install wrk nginx-light; installed here when missing
 * and apt-get is usable); taskset pins when present.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  benchArgs,
  demoSite,
  ensureTools,
  measure as measureWith,
  root,
  sleep,
  startNginx,
  startWarta as startServer,
  stop,
  warta,
} from './servers.mjs';
import { hasTaskset, median, onCore, wrk } from './wrk.mjs';

const args = benchArgs();
const RUNS = args.runs;
const SECONDS = args.seconds;
const CONNS = args.conns;
const WARTA_PORT = 4401;
const NGINX_PORT = 4402;
const BARE_PORT = 4403;

ensureTools();
/** Once set (nginx's URL), every row is measured in turns with it: see measure in servers.mjs. */
let reference;
const measure = (label, url, opts = {}) =>
  measureWith(label, url, {
    runs: RUNS,
    seconds: SECONDS,
    conns: CONNS,
    warmup: args.warmup,
    reference,
    ...opts,
  });

// --- Warta ---------------------------------------------------------------------------------

const { work, env } = demoSite('pages', WARTA_PORT);
const EDITOR = { email: 'bench-editor@example.test', password: 'bench-password-3817' };
warta(
  [
    ...['user', 'add', '--role', 'redaktur', '--email', EDITOR.email],
    ...['--name', 'Bench Editor', '--password-stdin'],
  ],
  env,
  `${EDITOR.password}\n`,
);

/** ms from spawn to the first 200, for every start of the run (the first on the fresh demo database). */
const starts = [];
/** Starts the server on core 0; resolves with the process and ms from spawn to the first 200. */
const startWarta = async (extraEnv) => {
  const started = await startServer({
    env: { ...env, ...extraEnv },
    core: 0,
    log: join(work, 'warta.log'),
  });
  starts.push(started.startMs);
  return started;
};
const rssMiB = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

const base = `http://127.0.0.1:${WARTA_PORT}`;
const untilAnswers = async (url) => {
  for (let i = 0; i < 200; i++) {
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch {
      await sleep(10);
    }
  }
  throw new Error(`${url} did not answer`);
};
const warm = async (url, times = 3) => {
  for (let i = 0; i < times; i++) await (await fetch(url)).arrayBuffer();
};

let server = await startWarta({});
const home = await (await fetch(`${base}/`)).text();
const articlePath = /href="(\/[a-z0-9-]+\/\d+\/[a-z0-9-]+)"/.exec(home)?.[1];
const sectionPath = /<nav[\s\S]*?href="(\/[a-z0-9-]+)"/.exec(home)?.[1];
if (!articlePath || !sectionPath) throw new Error('no article or section link on the home page');
const articleUrl = `${base}${articlePath}`;
const articleRes = await fetch(articleUrl, { headers: { 'accept-encoding': 'identity' } });
const articleHtml = await articleRes.text();
/** The headers of Warta's answer, for the bare Node reference (Node writes these itself). */
const articleHeaders = [...articleRes.headers].filter(
  ([name]) => !['date', 'connection', 'keep-alive', 'content-length'].includes(name),
);
const searchWord =
  /<h1[^>]*>([^<]+)<\/h1>/
    .exec(articleHtml)?.[1]
    ?.split(/\s+/)
    .find((w) => w.length > 4) ?? 'desa';

// --- nginx serving the saved page ----------------------------------------------------------

const docroot = join(work, 'www');
mkdirSync(docroot);
writeFileSync(join(docroot, 'article.html'), articleHtml);
writeFileSync(join(docroot, 'article.html.gz'), gzipSync(articleHtml, { level: 9 }));
const results = [];
console.log(`\nArticle ${articlePath}, section ${sectionPath}, search "${searchWord}"`);
console.log(
  `${RUNS} runs × ${SECONDS} s, ${CONNS} connections, gzip, ${hasTaskset ? 'servers on core 0, wrk on core 1' : 'no taskset: not pinned'}`,
);
// nginx stays up for the whole run: every later row is measured in turns with it (see measure).
await stop(server.child);
const nginx = await startNginx({
  dir: join(work, 'nginx'),
  core: 0,
  port: NGINX_PORT,
  http: `  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${docroot};
    location / { default_type text/html; gzip_static on; }
  }`,
});
const nginxUrl = `http://127.0.0.1:${NGINX_PORT}/article.html`;
results.push(await measure('1 nginx, saved article page (gzip_static)', nginxUrl));
reference = nginxUrl;
{
  // The second reference: plain Node sending the same gzip bytes with the same headers.
  const gz = join(docroot, 'article.html.gz');
  const headersFile = join(work, 'bare-headers.json');
  const body = readFileSync(gz);
  const list = [...articleHeaders, ['content-encoding', 'gzip'], ['content-length', body.length]];
  writeFileSync(headersFile, JSON.stringify(list.flat().map(String)));
  const [cmd, ...rest] = onCore(0, [
    process.execPath,
    '--max-semi-space-size=4',
    join(root, 'bench/bare-node.mjs'),
    String(BARE_PORT),
    gz,
    headersFile,
  ]);
  const bare = spawn(cmd, rest, { stdio: 'inherit' });
  await untilAnswers(`http://127.0.0.1:${BARE_PORT}/`);
  results.push(
    await measure(
      '1b plain Node, the same bytes (http + writeHead)',
      `http://127.0.0.1:${BARE_PORT}/`,
    ),
  );
  await stop(bare);
}

// --- Warta, cache on -----------------------------------------------------------------------

// Edits purge by key, so a long TTL is what a newsroom would run; it also keeps the page (and
// its ETag: the comment form's token carries the render time) from being re-rendered mid-run.
server = await startWarta({ PAGE_CACHE_TTL: '600' });
await warm(articleUrl);
results.push(await measure('2 Warta article, cache on', articleUrl));
const etag = (await fetch(articleUrl, { headers: { 'accept-encoding': 'gzip' } })).headers.get(
  'etag',
);
if (etag) {
  results.push(
    await measure('3 Warta article, If-None-Match (304)', articleUrl, {
      headers: { 'If-None-Match': etag },
    }),
  );
} else console.log('  3: no ETag on the article page');
await warm(`${base}/`);
results.push(await measure('5a Warta home, cache on', `${base}/`));
await warm(`${base}${sectionPath}`);
results.push(await measure(`5b Warta section ${sectionPath}, cache on`, `${base}${sectionPath}`));

// 7: freshness under load. wrk holds 100 connections on the article; an editor saves a new
// deck every second through the newsroom; a reader polls until the deck shows.
const lag = await freshnessUnderLoad();
const rssAfter = rssMiB(server.child.pid);
await stop(server.child);

// --- Warta, cache off ----------------------------------------------------------------------

server = await startWarta({ PAGE_CACHE_TTL: '0' });
await warm(articleUrl);
results.push(await measure('4 Warta article, cache off (rendered)', articleUrl));
const searchUrl = `${base}/cari?q=${encodeURIComponent(searchWord.toLowerCase())}`;
await warm(searchUrl);
results.push(await measure('6 Warta search results, cache off', searchUrl));
const rssUncached = rssMiB(server.child.pid);
await stop(server.child);

// What logging costs a cache hit: every hit logged (LOG_HIT_SAMPLE=1) against the default sample.
server = await startWarta({ PAGE_CACHE_TTL: '600', LOG_HIT_SAMPLE: '1' });
await warm(articleUrl);
results.push(await measure('2b Warta article, cache on, every hit logged', articleUrl));
await stop(server.child);

// --- Report --------------------------------------------------------------------------------

await nginx.stop();
// Each row's ratio is against the nginx runs taken in turns with it (row 1: nginx alone, first).
console.log(`\nNode ${process.version}, medians of ${RUNS}:`);
console.log('| | req/s | nginx alongside | × nginx | p50 ms | p99 ms | bytes/response |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) {
  const ref = r.refRps ?? r.rps;
  console.log(
    `| ${r.label} | ${Math.round(r.rps)} | ${Math.round(ref)} | ${(r.rps / ref).toFixed(3)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.bytes} |`,
  );
}
// One start is one sample on a machine that may be busy for a moment: the median of the run's
// four starts, each one shown.
console.log(
  `\nStart to first page: median ${Math.round(median(starts))} ms of ${starts.length} starts (${starts.map(Math.round).join(', ')} ms; the first on the fresh demo database)`,
);
console.log(
  `Resident memory after the cache-on load: ${rssAfter.toFixed(0)} MiB; after the cache-off load: ${rssUncached.toFixed(0)} MiB`,
);
console.log(
  `Freshness under load (${lag.saves} saves, 100 connections at ${Math.round(lag.rps)} req/s): edit visible after median ${lag.median.toFixed(0)} ms, max ${lag.max.toFixed(0)} ms${lag.failed ? `, ${lag.failed} saves failed` : ''}`,
);
rmSync(work, { recursive: true, force: true });

// --- The editor ----------------------------------------------------------------------------

/** Cookie header from a response's set-cookie lines, merged into `jar`. */
function keepCookies(res, jar) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** The form fields of the article's edit page, as the no-JavaScript form would send them. */
function formFields(html) {
  const fields = {};
  const attr = (tag, name) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  const unescapeHtml = (s) =>
    s
      .replaceAll('&quot;', '"')
      .replaceAll('&#x27;', "'")
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  const form = /<form[^>]*id="article-form"[\s\S]*?<\/form>/.exec(html)?.[0] ?? html;
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    if (!name) continue;
    const type = attr(tag, 'type') ?? 'text';
    if (type === 'checkbox') {
      if (/\bchecked\b/.test(tag)) fields[name] = attr(tag, 'value') ?? 'on';
    } else fields[name] = unescapeHtml(attr(tag, 'value') ?? '');
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(m[1], 'name');
    if (name) fields[name] = unescapeHtml(m[2]);
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(m[1], 'name');
    const selected = /<option\b[^>]*value="([^"]*)"[^>]*\bselected\b/.exec(m[2])?.[1];
    if (name && selected !== undefined) fields[name] = selected;
  }
  return fields;
}

async function freshnessUnderLoad() {
  const jar = new Map();
  const loginPage = await fetch(`${base}/newsroom/masuk`);
  let cookie = keepCookies(loginPage, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())?.[1];
  const login = await fetch(`${base}/newsroom/masuk`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email: EDITOR.email, password: EDITOR.password }),
  });
  cookie = keepCookies(login, jar);
  if (login.status !== 303) throw new Error(`editor login: ${login.status}`);
  const id = articlePath.split('/')[2];
  const editPage = await (
    await fetch(`${base}/newsroom/artikel/${id}`, { headers: { cookie } })
  ).text();
  const fields = formFields(editPage);
  if (!fields._csrf || !fields.version) throw new Error('no article form on the edit page');

  const load = wrk(articleUrl, { conns: 100, seconds: 12 });
  await sleep(1000);
  const lags = [];
  let failed = 0;
  for (let i = 0; i < 10; i++) {
    const marker = `Pembaruan ${Date.now().toString(36)}`;
    const savedAt = performance.now();
    const res = await fetch(`${base}/newsroom/artikel/${id}`, {
      method: 'POST',
      headers: {
        cookie,
        accept: 'application/json',
        'content-type': 'application/json',
        'x-csrf-token': fields._csrf,
      },
      body: JSON.stringify({ ...fields, deck: marker }),
    });
    const answer = await res.json();
    if (res.status !== 200) {
      failed++;
      continue;
    }
    fields.version = String(answer.version);
    for (;;) {
      const page = await (await fetch(articleUrl)).text();
      if (page.includes(marker)) break;
      if (performance.now() - savedAt > 10_000) break;
      await sleep(10);
    }
    lags.push(performance.now() - savedAt);
    await sleep(Math.max(0, 1000 - (performance.now() - savedAt)));
  }
  const { rps } = await load;
  return { saves: lags.length, failed, median: median(lags), max: Math.max(...lags), rps };
}
