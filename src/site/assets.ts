import { assetFromFile, type StaticAsset } from '../lib/static-assets.ts';

/** A static asset held in memory under a content-hashed, cache-forever URL. */
export type Asset = StaticAsset;

/** Loads the site's CSS and JS once; URLs change whenever the content does. */
export function loadAssets(): { css: Asset; js: Asset } {
  return {
    css: assetFromFile(new URL('./assets/warta.css', import.meta.url), 'text/css; charset=utf-8'),
    js: assetFromFile(
      new URL('./assets/warta.js', import.meta.url),
      'text/javascript; charset=utf-8',
    ),
  };
}
