// Preloaded with `--expose-gc --import` by flood.test.ts: on SIGUSR2 the server
// collects all garbage and prints its live heap, so a test can see what a flood
// of requests left behind (a size, not a time).
if (typeof globalThis.gc !== 'function') throw new Error('heap-probe.mjs needs --expose-gc');
process.on('SIGUSR2', () => {
  globalThis.gc();
  globalThis.gc();
  process.stdout.write(`HEAP ${process.memoryUsage().heapUsed}\n`);
});
