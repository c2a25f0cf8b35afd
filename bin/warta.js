#!/bin/sh
//bin/true; exec env MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 MALLOC_TRIM_THRESHOLD_=1048576 node --max-semi-space-size=4 --heap-growing-percent=30 --no-maglev "$0" "$@"
// (Run as a command, the file is first a shell script: the line above runs
// /bin/true, then starts Node on this file with the settings below; to Node it
// is a comment. A shell line, not `#!/usr/bin/env -S …`, which kernels before
// 5.1 cut at 127 characters.
// A 4 MB young generation instead of V8's 16 MB: a news server keeps little
// per request, and it saves some 20 MB of memory under load. The old
// generation may grow by 30% of what survived the last full collection before
// the next, not by V8's usual 50–300%: some 10 MB less under load, for no
// throughput lost that `npm run bench` could tell. No Maglev, V8's middle
// compiler (on by default from Node 22; Node 20 runs without it): some 11 MB
// less after uncached pages on Node 24, the same requests per second once
// warm. glibc's malloc: two arenas, not one per thread; a fixed mmap
// threshold of 128 KiB (glibc otherwise raises it to the largest block freed
// so far, then keeps freed blocks below that size instead of giving the
// memory back) and a 1 MiB trim threshold (at 128 KiB the heap shrank and
// grew again on every uncached page, half the pages per second on Node 20):
// 145 -> 137 MiB on Node 24 and 121 -> 115 MiB on Node 20 after the
// uncached load, measured. `npm start` runs this file; docs/deploy.md and the
// benchmarks pass the same.)
// The `warta` command: runs the compiled server in dist/. When dist/ is
// missing or older than src/ (a fresh checkout, a pulled change), it is built
// first, once; every later start runs plain JavaScript with no compiler.
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Node 22.1+ keeps V8's compiled code of dist/ and node_modules between starts
// (in the system's temporary folder, or NODE_COMPILE_CACHE): a restart skips most compiling.
module.enableCompileCache?.();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.built');

function newestIn(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync(stamp) ||
  newestIn(join(root, 'src')) > statSync(stamp).mtimeMs ||
  statSync(join(root, 'package-lock.json')).mtimeMs > statSync(stamp).mtimeMs;
if (stale) {
  if (!existsSync(join(root, 'node_modules/typescript'))) {
    console.error(
      'dist/ is missing or out of date and TypeScript is not installed: run `npm install`.',
    );
    process.exit(1);
  }
  await import(pathToFileURL(join(root, 'scripts/build.mjs')).href);
}
// The server bundled into one module (scripts/build.mjs): it starts in a fraction of the time.
await import(pathToFileURL(join(root, 'dist/bundle/main.js')).href);
