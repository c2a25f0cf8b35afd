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
// @fastify/multipart reads `globalThis.FormData` when it registers, to decide
// whether to add a `request.formData()` Warta never calls. That first read
// makes Node load its whole fetch implementation (undici): measured in a bare
// process, 12 MiB more resident on Node 20 and 15 MiB on Node 24, in a server
// that fetches nothing unless an editor imports (Node 24's `node:http` does
// the same: see below). The bundle leaves the method out; `fetch` and
// `FormData` still load on first use. If a new version of the package words
// the check otherwise, the build says so and goes on.
const multipartWithoutFormData = {
  name: 'multipart-without-formdata',
  setup(b) {
    b.onLoad({ filter: /[\\/]@fastify[\\/]multipart[\\/]index\.js$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      const check = 'globalThis.FormData &&';
      if (!code.includes(check)) {
        return {
          contents: code,
          loader: 'js',
          warnings: [{ text: `no "${check}" in @fastify/multipart: it may load undici at start` }],
        };
      }
      return { contents: code.replace(check, 'false &&'), loader: 'js' };
    });
  },
};
// Node 24 builds the ES module face of `node:http` by reading every export,
// and three of them (WebSocket, CloseEvent, MessageEvent) load undici when
// read. The bundle takes `node:http` through require(), which reads an
// export only when the code uses it.
const httpThroughRequire = {
  name: 'http-through-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?http$/ }, (args) =>
      args.kind === 'import-statement' ? { path: 'node:http', namespace: 'http-cjs' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'http-cjs' }, () => ({
      contents: "module.exports = require('node:http');",
      loader: 'js',
    }));
  },
};
// zod's `z` namespace carries `z.locales`: error messages in 64 languages,
// 290 KB evaluated at every start (about a third of zod). Warta words its own
// messages and sets no zod locale, so the bundle keeps English (zod's default,
// which zod registers itself) and Indonesian. If zod moves its locales, the
// build says so and goes on with all of them.
const zodLocales = {
  name: 'zod-locales',
  setup(b) {
    let seen = false;
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir)) return undefined;
      seen = true;
      return { path: join(args.resolveDir, '../locales'), namespace: 'zod-locales' };
    });
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: ['en', 'id'].map((l) => `export { default as ${l} } from './${l}.js';`).join('\n'),
      resolveDir: args.path,
      loader: 'js',
    }));
    b.onEnd((result) => {
      if (!seen && result.errors.length === 0) {
        console.warn(
          'zod-locales: zod no longer imports ../locales/index.js; all its locales are bundled',
        );
      }
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
  plugins: [ownModuleUrls, multipartWithoutFormData, httpThroughRequire, zodLocales],
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
