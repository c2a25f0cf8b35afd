import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { assetFromBody, registerAsset, type StaticAsset } from '../lib/static-assets.ts';

/** A static file held in memory under a content-hashed, cache-forever URL. */
type Asset = StaticAsset;

export interface CommentAssets {
  /** The small loader on every article page (site/assets/comments.js). */
  script: Asset;
  /** The altcha widget (external build, no inline workers or styles) with the Indonesian strings. */
  widget: Asset;
  /** The widget's stylesheet. */
  css: Asset;
  /** The PBKDF2 proof-of-work worker, same origin (CSP script-src 'self' covers workers). */
  worker: Asset;
  /** Keyboard shortcuts of the moderation queue. */
  moderation: Asset;
}

const JS = 'text/javascript; charset=utf-8';
const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function asset(name: string, ext: string, body: Buffer, type: string): Asset {
  return assetFromBody(`${name}.${ext}`, body, type);
}

let cached: CommentAssets | undefined;

/** Where the production build (scripts/build.mjs) leaves the bundled widget. */
const PREBUILT_WIDGET = join(here, 'altcha-widget.bundle.js');

/**
 * The altcha widget bundled from the package, so it is served from our own
 * origin, never a CDN; the worker URL is baked into the bundle. The compiled
 * server reads the bundle the build made; from source, esbuild makes it here.
 */
function widgetBundle(altchaDir: string, workerUrl: string): Buffer {
  if (existsSync(PREBUILT_WIDGET)) {
    const body = readFileSync(PREBUILT_WIDGET);
    // A bundle from another altcha version would point at a worker we no longer serve.
    if (body.includes(workerUrl)) return body;
  }
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  const built = buildSync({
    stdin: {
      contents: [
        "import 'altcha/external';",
        "import 'altcha/i18n/id';",
        "globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Worker(WORKER_URL));",
      ].join('\n'),
      resolveDir: altchaDir,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
    define: { WORKER_URL: JSON.stringify(workerUrl) },
  });
  return Buffer.from(built.outputFiles[0]?.contents ?? '');
}

/** Loads the comment assets once per process. */
export function loadCommentAssets(): CommentAssets {
  if (cached) return cached;
  const altchaDir = dirname(dirname(dirname(require.resolve('altcha'))));
  const worker = asset(
    'altcha-pbkdf2',
    'js',
    readFileSync(join(altchaDir, 'dist/workers/pbkdf2.js')),
    JS,
  );
  const css = asset(
    'altcha',
    'css',
    readFileSync(join(altchaDir, 'dist/external/altcha.css')),
    'text/css; charset=utf-8',
  );
  const widget = asset('altcha-widget', 'js', widgetBundle(altchaDir, worker.url), JS);
  const siteAssets = join(here, '../site/assets');
  cached = {
    script: asset('comments', 'js', readFileSync(join(siteAssets, 'comments.js')), JS),
    widget,
    css,
    worker,
    moderation: asset(
      'komentar-moderasi',
      'js',
      readFileSync(join(here, 'assets/moderation.js')),
      JS,
    ),
  };
  return cached;
}

/** Serves the comment assets with long-lived caching (their URLs change with their content). */
export function registerCommentAssets(app: FastifyInstance, assets: CommentAssets): void {
  for (const a of Object.values(assets)) registerAsset(app, a);
}
