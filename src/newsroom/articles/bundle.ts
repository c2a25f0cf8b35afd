import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assetFromBody, type StaticAsset } from '../../lib/static-assets.ts';

/**
 * The editor script (TipTap and our glue, src/newsroom/articles/editor/),
 * held in memory under a content-hashed URL, like the site's own assets. The
 * production build (scripts/build.mjs) bundles it once into dist/; running
 * from source (tests, `npm run dev`), esbuild bundles it once per process.
 */

export type EditorBundle = StaticAsset;

const ENTRY = fileURLToPath(new URL('./editor/main.ts', import.meta.url));
const PREBUILT = fileURLToPath(new URL('./editor.bundle.js', import.meta.url));
let pending: Promise<EditorBundle> | null = null;

function hashed(body: Buffer): EditorBundle {
  return assetFromBody(
    'editor.js',
    body,
    'text/javascript; charset=utf-8',
    (hash) => `/static/newsroom-editor/${hash}.js`,
  );
}

async function bundle(): Promise<EditorBundle> {
  if (existsSync(PREBUILT)) return hashed(readFileSync(PREBUILT));
  // esbuild is loaded only when running from source: the compiled server never needs it.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the editor');
  return hashed(Buffer.from(file.contents));
}

/** The editor bundle (built on first use, then cached for the life of the process). */
export function editorBundle(): Promise<EditorBundle> {
  if (!pending) {
    pending = bundle();
    // A failed build is retried on the next request instead of being cached.
    pending.catch(() => {
      pending = null;
    });
  }
  return pending;
}
