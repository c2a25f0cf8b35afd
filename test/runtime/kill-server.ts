import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The compiled `warta serve` as a child process that a test can SIGKILL and
 * start again on the same data, as a crash and a supervisor's restart would.
 */

const NODE = process.env.WARTA_TEST_NODE || process.execPath;
const BIN = join(import.meta.dirname, '../../bin/warta.js');

/** Whether nothing listens on 127.0.0.1:port right now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * A port nobody listens on, below the kernel's range for outgoing connections
 * (32768 and up): the clients' own connections never take it, so it is still
 * free when the killed server starts again on it.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (await portIsFree(port)) return port;
  }
}

export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  /** Everything the server printed, across restarts (for failure messages). */
  output = '';
  starts = 0;
  kills = 0;

  constructor(
    private readonly cwd: string,
    private readonly env: Record<string, string>,
  ) {}

  /** Starts `warta serve` and resolves once it says it is listening. */
  async start(timeoutMs = 90_000): Promise<void> {
    let out = '';
    const child = spawn(NODE, [BIN, 'serve'], {
      cwd: this.cwd,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    const collect = (d: Buffer) => {
      out += d;
      this.output += d;
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + timeoutMs;
    while (!out.includes('Warta is running')) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`warta serve exited during start:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`warta serve did not start:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** SIGKILL: no shutdown hook runs, open transactions die with the process. */
  async kill(): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    this.kills++;
    await this.exited;
  }

  /** Sends `signal` to the running server (a probe preloaded with NODE_OPTIONS may answer it). */
  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  /** Whether the process is still running (a crash between kills is a failure). */
  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }
}
