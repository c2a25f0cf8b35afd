#!/usr/bin/env node
// Production build: TypeScript to dist/ (tsc, imports rewritten to .js), the
// browser assets copied beside the code that serves them, the newsroom
// editor bundled once here instead of at every start, and every static asset
// precompressed (brotli and gzip) into dist/static/. `npm install` runs it
// (the `prepare` script); bin/warta.js runs it again when src/ is newer.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const final = join(root, 'dist');
// Built beside dist/ and moved in at the end, so a running server or a
// parallel start never sees half a build.
const dist = join(root, `dist.tmp-${process.pid}`);
const started = Date.now();

rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(root, 'tsconfig.build.json'),
    '--outDir',
    dist,
  ],
  { stdio: 'inherit' },
);

/** Browser scripts and styles are served from files next to their module. */
function copyAssets(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) copyAssets(path);
    else if (!/\.(ts|tsx)$/.test(e.name)) {
      const to = join(dist, relative(src, path));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(path, to);
    }
  }
}
copyAssets(src);

await build({
  entryPoints: [join(src, 'newsroom/articles/editor/main.ts')],
  outfile: join(dist, 'newsroom/articles/editor.bundle.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// The comment widget too: bundled here from the altcha package, read at start.
const comments = await import(pathToFileURL(join(dist, 'comments/assets.js')).href);
writeFileSync(
  join(dist, 'comments/altcha-widget.bundle.js'),
  comments.loadCommentAssets().widget.body,
);

// Every static asset compressed once here, at the highest levels, into
// dist/static/ under its content-hashed name; the server sends these bytes.
const staticAssets = await import(pathToFileURL(join(dist, 'lib/static-assets.js')).href);
(await import(pathToFileURL(join(dist, 'site/assets.js')).href)).loadAssets();
(await import(pathToFileURL(join(dist, 'discovery/routes.js')).href)).loadSearchAssets();
await import(pathToFileURL(join(dist, 'newsroom/assets.js')).href);
await import(pathToFileURL(join(dist, 'ingest/wire/routes.js')).href);
await import(pathToFileURL(join(dist, 'media/assets.js')).href);
await (await import(pathToFileURL(join(dist, 'newsroom/articles/bundle.js')).href)).editorBundle();
mkdirSync(join(dist, 'static'), { recursive: true });
await Promise.all(
  staticAssets
    .loadedAssets()
    .flatMap((asset) =>
      ['br', 'gzip'].map(async (encoding) =>
        writeFileSync(
          join(dist, 'static', staticAssets.precompressedName(asset.url, encoding)),
          await staticAssets.compressInBackground(asset.body, encoding),
        ),
      ),
    ),
);

// The server as one ES module bundle (plus the chunks of its lazily loaded
// commands) in dist/bundle/, which bin/warta.js runs. Resolving and loading
// some 900 separate modules of dist/ and node_modules was most of the time
// from start to the first page. Native addons and packages that find their own
// files at run time stay in node_modules. Each module's `import.meta.url` is
// rewritten to its own file in dist/, so the assets it reads beside itself are
// found (relative to the bundle, so the folder may move).
const bundleDir = join(dist, 'bundle');
const ownModuleUrls = {
  name: 'own-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      const code = readFileSync(args.path, 'utf8');
      if (!code.includes('import.meta.url')) return undefined;
      const rel = relative(bundleDir, args.path).split(sep).join('/');
      return {
        contents: code.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(rel)}, import.meta.url).href`,
        ),
        loader: 'js',
      };
    });
  },
};
await build({
  entryPoints: [join(dist, 'main.js')],
  outdir: bundleDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['sharp', 'better-sqlite3', '@node-rs/argon2', 'pg-native', 'esbuild', 'typescript'],
  // Bundled CommonJS packages call require() for Node's modules.
  banner: {
    js: "import { createRequire as __wartaRequire } from 'node:module'; const require = __wartaRequire(import.meta.url);",
  },
  plugins: [ownModuleUrls],
  // Less source to parse and to keep in memory; names stay, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// V8 keeps each module's source text in memory, one byte per character only
// while all of it is Latin-1: one "–" in a regular expression or a licence
// comment (which esbuild leaves as written) made the 2.6 MB main module a
// 5.2 MB string. Such characters are written as \u escapes, which mean the
// same in a regular expression, a string, a name and a comment.
for (const name of readdirSync(bundleDir)) {
  if (!name.endsWith('.js')) continue;
  const file = join(bundleDir, name);
  const code = readFileSync(file, 'utf8');
  if (!/[^\0-\x7f]/.test(code)) continue;
  writeFileSync(
    file,
    code.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
rmSync(final, { recursive: true, force: true });
renameSync(dist, final);
console.log(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
