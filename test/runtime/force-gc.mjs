// Preloaded with `--expose-gc --import` by gc-under-load.test.ts: collects
// garbage five times a second inside the server, so native objects (SQLite
// statements, image buffers) are destroyed while requests run, where Node
// 24.19–24.21 aborted with better-sqlite3 12.
if (typeof globalThis.gc !== 'function') throw new Error('force-gc.mjs needs --expose-gc');
setInterval(() => globalThis.gc(), 200).unref();
