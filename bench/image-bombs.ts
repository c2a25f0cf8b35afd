/**
 * Resident memory of a Warta server while it is sent image "bombs": tiny PNGs
 * declaring 49,000,000 × 1 and 1 × 49,000,000 pixels (issue 9, findings 1
 * and 5), one at a time and several at once, next to an ordinary photo. The
 * server runs in a child process (from source through tsx, SQLite, a fresh
 * database); its peak resident set (VmHWM) and current resident set (VmRSS)
 * are read from /proc after each round, and every answer's status and time
 * is printed. Linux only.
 *
 * Usage: npx tsx bench/image-bombs.ts [--at-once 2] [--timeout 120]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { photo, pngBomb } from '../test/images.ts';

const { values } = parseArgs({
  options: {
    server: { type: 'boolean', default: false },
    'at-once': { type: 'string', default: '2' },
    timeout: { type: 'string', default: '120' },
  },
});

if (values.server) {
  // Child: a whole app on a fresh SQLite database, listening on a free port.
  const { testApp } = await import('../test/helpers.ts');
  const { loginAs } = await import('../test/staff.ts');
  const app = await testApp('sqlite', { logLevel: 'error' });
  const staff = await loginAs(app, 'wartawan');
  const address = await app.server.listen({ host: '127.0.0.1', port: 0 });
  console.log(JSON.stringify({ address, cookie: staff.cookie, csrf: staff.csrf }));
} else {
  await main();
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Resets the child's peak (VmHWM) so each round reports its own high-water mark. */
function resetPeak(pid: number): void {
  try {
    // Writing 5 to clear_refs resets VmHWM to the current resident size (Linux ≥ 4.0).
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not permitted: the peak is then the peak since start.
  }
}

async function main() {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, '--server'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const pid = child.pid;
  if (!pid || !child.stdout) throw new Error('server did not start');
  const first = await new Promise<string>((resolve) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (line.startsWith('{"address"')) resolve(line);
    });
  });
  const { address, cookie, csrf } = JSON.parse(first) as {
    address: string;
    cookie: string;
    csrf: string;
  };
  const timeoutMs = Number(values.timeout) * 1000;
  const atOnce = Number(values['at-once']);

  async function upload(name: string, data: Buffer): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type: 'image/png' }), name);
    const started = performance.now();
    try {
      const res = await fetch(`${address}/newsroom/media`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await res.json()) as { error?: { code: string } };
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      return `${res.status} ${body.error?.code ?? 'stored'} in ${secs} s`;
    } catch (err) {
      return `no answer (${(err as Error).name}) after ${Math.round((performance.now() - started) / 1000)} s`;
    }
  }

  async function round(label: string, files: Array<[string, Buffer]>) {
    resetPeak(pid as number);
    await new Promise((r) => setTimeout(r, 200));
    const before = memoryOf(pid as number);
    const answers = await Promise.all(files.map(([name, data]) => upload(name, data)));
    const after = memoryOf(pid as number);
    console.log(
      `${label.padEnd(34)} RSS before ${before.rss.toFixed(0)} MB, peak ${after.peak.toFixed(0)} MB, after ${after.rss.toFixed(0)} MB; ${answers.join('; ')}`,
    );
  }

  const wide = pngBomb(49_000_000, 1);
  const tall = pngBomb(1, 49_000_000);
  console.log(`49,000,000×1 PNG: ${wide.length} bytes; 1×49,000,000 PNG: ${tall.length} bytes`);
  await round('ordinary 4000×3000 photo', [['foto.png', await photo(4000, 3000, 'jpeg')]]);
  await round('49,000,000×1 PNG', [['lebar.png', wide]]);
  await round(
    `${atOnce} × 49,000,000×1 PNG at once`,
    Array.from({ length: atOnce }, (_, i): [string, Buffer] => [`lebar-${i}.png`, wide]),
  );
  await round('1×49,000,000 PNG', [['tinggi.png', tall]]);
  // SIGKILL: before the fix the server may still be cutting sizes of the last bomb.
  child.kill('SIGKILL');
}
