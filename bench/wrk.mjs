/**
 * What the HTTP benchmarks share: pinning to a core with taskset (when the
 * machine has it) and running wrk from a separate process with its summary parsed.
 */
import { spawn, spawnSync } from 'node:child_process';

export const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

/** The command, prefixed to run on one core when taskset exists. */
export const onCore = (core, command) =>
  hasTaskset ? ['taskset', '-c', String(core), ...command] : command;

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs wrk on core 1 (one thread, gzip asked for): requests/s, p50 and p99 in
 * ms, and how many answers were not 2xx/3xx.
 */
export function wrk(url, { conns = 32, seconds = 10, headers = {} } = {}) {
  const h = Object.entries({ 'Accept-Encoding': 'gzip', ...headers }).flatMap(([k, v]) => [
    '-H',
    `${k}: ${v}`,
  ]);
  const [cmd, ...args] = onCore(1, [
    'wrk',
    '-t1',
    `-c${conns}`,
    `-d${seconds}s`,
    '--latency',
    ...h,
    url,
  ]);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', () => {
      const ms = (label) => {
        const m = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
        return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]] : Number.NaN;
      };
      resolve({
        rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
        p50: ms('50'),
        p99: ms('99'),
        errors: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
      });
    });
  });
}
