import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A static asset held in memory under a content-hashed, cache-forever URL. */
export interface Asset {
  url: string;
  body: Buffer;
  type: string;
}

const ASSET_DIR = fileURLToPath(new URL('./assets/', import.meta.url));

function load(name: string, type: string): Asset {
  const body = readFileSync(ASSET_DIR + name);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const [base, ext] = name.split('.');
  return { url: `/static/${base}.${hash}.${ext}`, body, type };
}

/** Loads the site's CSS and JS once; URLs change whenever the content does. */
export function loadAssets(): { css: Asset; js: Asset } {
  return {
    css: load('warta.css', 'text/css; charset=utf-8'),
    js: load('warta.js', 'text/javascript; charset=utf-8'),
  };
}
