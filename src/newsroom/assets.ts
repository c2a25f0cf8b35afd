import type { FastifyInstance } from 'fastify';
import { assetFromFile, registerAsset, type StaticAsset } from '../lib/static-assets.ts';

/** A newsroom static file held in memory under a content-hashed, cache-forever URL. */
export type NewsroomAsset = StaticAsset;

/** The newsroom stylesheet, loaded once at start; its URL changes whenever it does. */
export const newsroomCss: NewsroomAsset = assetFromFile(
  new URL('./assets/newsroom.css', import.meta.url),
  'text/css; charset=utf-8',
);

/** The login forms' script: starts the proof-of-work widget (decision 004). */
export const newsroomLoginJs: NewsroomAsset = assetFromFile(
  new URL('./assets/login.js', import.meta.url),
  'text/javascript; charset=utf-8',
);

/** Serves the newsroom's hashed assets. */
export function registerNewsroomAssets(app: FastifyInstance): void {
  for (const asset of [newsroomCss, newsroomLoginJs]) registerAsset(app, asset);
}
