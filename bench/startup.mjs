/**
 * Start-up benchmark: process start → first page served, for the compiled
 * server (`node bin/warta.js serve`, what `npm start` runs) and, as the
 * reference in the same run, the same server run from TypeScript source
 * through tsx (what `npm start` did before dist/). Both serve the same SQLite
 * database with the demo newspaper; each is started `--runs` times pinned to
 * one core with taskset when available, and the median is reported.
 *
 * Usage: npm run bench:startup [-- --runs 5 --db /path/to/warta.db]
 * Without --db, the demo newspaper is created once in a temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, db: { type: 'string' } },
});
const RUNS = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'warta-startup-'));
const dbPath = values.db ?? join(work, 'warta.db');
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${dbPath}`,
  MEDIA_DIR: join(dirname(dbPath), 'media'),
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
};
const pin = spawnSync('taskset', ['--version']).status === 0 ? ['taskset', '-c', '0'] : [];

// The compiled build must be current before timing it (bin/warta.js would build it otherwise).
spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (!values.db) {
  console.log('Creating the demo newspaper once…');
  const r = spawnSync(process.execPath, [join(root, 'bin/warta.js'), 'demo'], {
    env,
    stdio: 'ignore',
  });
  if (r.status !== 0) throw new Error('demo failed');
}

async function firstPage(command, port) {
  const started = performance.now();
  const [bin, ...args] = [...pin, ...command];
  const child = spawn(bin, args, { env: { ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        if (res.status === 200) {
          await res.arrayBuffer();
          return performance.now() - started;
        }
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error('no page within 60 s');
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tsx = join(root, 'node_modules/.bin/tsx');
const variants = [
  ['compiled: node bin/warta.js serve', [process.execPath, join(root, 'bin/warta.js'), 'serve']],
  ...(existsSync(tsx)
    ? [['reference: tsx src/main.ts serve', [tsx, join(root, 'src/main.ts'), 'serve']]]
    : []),
];
const results = [];
let port = 4300;
for (const [name, command] of variants) {
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await firstPage(command, port++));
  results.push({ name, median: median(times), times });
}
console.log(
  `\nProcess start → first page (GET /) served, median of ${RUNS}, Node ${process.version}${pin.length ? ', pinned to core 0' : ''}`,
);
const ref = results.find((r) => r.name.startsWith('reference'));
for (const r of results) {
  const ratio = ref ? ` (${(r.median / ref.median).toFixed(2)} × tsx)` : '';
  console.log(
    `  ${r.name.padEnd(36)} ${r.median.toFixed(0).padStart(6)} ms${ratio}   runs: ${r.times.map((t) => t.toFixed(0)).join(', ')}`,
  );
}
if (!values.db) rmSync(work, { recursive: true, force: true });
