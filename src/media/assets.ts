import type { FastifyInstance } from 'fastify';
import { assetFromFile, registerAsset, type StaticAsset } from '../lib/static-assets.ts';

/**
 * The library's upload script: sends each chosen photo on its own request and
 * shows its progress in percent (XHR upload progress). Without it the form
 * posts every file at once and the server answers per file.
 */
export const libraryUploadJs: StaticAsset = assetFromFile(
  new URL('./assets/upload.js', import.meta.url),
  'text/javascript; charset=utf-8',
  'media-upload.js',
);

/** Serves the library's hashed assets. */
export function registerLibraryAssets(app: FastifyInstance): void {
  registerAsset(app, libraryUploadJs);
}
