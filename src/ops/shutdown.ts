import type { FastifyInstance } from 'fastify';

/**
 * Graceful shutdown for `warta serve` and `warta worker`. On the first SIGTERM
 * (or SIGINT) the app closes: it stops accepting connections, finishes the
 * requests in flight and the job in progress, closes the database, and the
 * process exits 0. A second signal during that only says it is still
 * finishing (a supervisor or an impatient Ctrl-C must not cut a request or a
 * job in half). After `timeoutMs` the process exits 1 anyway, before a
 * supervisor's own deadline (Kubernetes: 30 s) kills it harder.
 */
export function exitOnSignals(
  close: () => Promise<void>,
  opts: {
    timeoutMs: number;
    log?: (message: string) => void;
    exit?: (code: number) => void;
    signals?: readonly NodeJS.Signals[];
  },
): { shutdown(signal: string): Promise<void> } {
  const log = opts.log ?? ((m: string) => console.log(m));
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let closing: Promise<void> | undefined;

  function shutdown(signal: string): Promise<void> {
    if (closing) {
      log(`${signal} again: still finishing requests and the job in progress.`);
      return closing;
    }
    log(`${signal}: finishing requests and the job in progress (at most ${opts.timeoutMs} ms)…`);
    const deadline = setTimeout(() => {
      log(`Shutdown did not finish within ${opts.timeoutMs} ms; exiting anyway.`);
      exit(1);
    }, opts.timeoutMs);
    deadline.unref();
    closing = close().then(
      () => {
        clearTimeout(deadline);
        exit(0);
      },
      (err: unknown) => {
        clearTimeout(deadline);
        log(`Shutdown failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        exit(1);
      },
    );
    return closing;
  }

  for (const signal of opts.signals ?? (['SIGTERM', 'SIGINT'] as const)) {
    process.on(signal, () => void shutdown(signal));
  }
  return { shutdown };
}

/**
 * Closes the HTTP server: stops listening and waits for the requests in
 * flight. Node closes the idle keep-alive connections once, when the close
 * starts; a connection whose request finishes later would stay open until its
 * keep-alive timeout (72 s) and hold the shutdown. So idle connections are
 * closed again every 200 ms until the server has closed.
 */
export async function closeServer(server: FastifyInstance): Promise<void> {
  const sweep = setInterval(() => server.server.closeIdleConnections(), 200);
  try {
    await server.close();
  } finally {
    clearInterval(sweep);
  }
}
