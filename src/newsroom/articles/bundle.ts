import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The editor script (TipTap and our glue, src/newsroom/articles/editor/),
 * bundled with esbuild once per process and held in memory under a
 * content-hashed URL, like the site's own assets. The build starts when the
 * routes are registered; the first editor page waits for it if needed.
 */

export interface EditorBundle {
  url: string;
  body: Buffer;
}

const ENTRY = fileURLToPath(new URL('./editor/main.ts', import.meta.url));
let pending: Promise<EditorBundle> | null = null;

async function bundle(): Promise<EditorBundle> {
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
  const body = Buffer.from(file.contents);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { url: `/static/newsroom-editor/${hash}.js`, body };
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
