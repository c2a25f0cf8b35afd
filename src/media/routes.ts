import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { registerLibraryAssets } from './assets.ts';
import { registerFocalRoute } from './routes-focal.ts';
import { registerDeleteRoute, registerItemRoutes, registerReplaceRoute } from './routes-item.ts';
import { registerLibraryRoute, registerUploadRoute } from './routes-library.ts';
import { UPLOAD_LIMITS } from './routes-multipart.ts';
import { type MediaRouteDeps, mediaRouteKit } from './routes-shared.ts';

export {
  MAX_BATCH_BYTES,
  MAX_UPLOAD_FILES,
  type ParsedFile,
  type ParsedUpload,
  readUpload,
} from './routes-multipart.ts';
export type { MediaRouteDeps } from './routes-shared.ts';

/**
 * The newsroom's media library under /newsroom/media: the grid with search and
 * the upload form, the JSON the article editor's picker reads, and one page
 * per photo (edit text, set the focal point, see crops and where it is used).
 * Login and CSRF are checked by the auth layer before these handlers run,
 * except the token of a multipart upload from the no-JavaScript form: it is the
 * form's first field, `_csrf`, which only the upload handler can read (see
 * readUpload). The editor's uploads send `x-csrf-token`, checked up front.
 */

/** Registers the media library routes (and multipart parsing, for these routes only). */
export async function registerMediaRoutes(server: FastifyInstance, deps: MediaRouteDeps) {
  const kit = mediaRouteKit(deps);

  registerLibraryRoute(server, kit);

  await server.register(async (plain) => {
    await plain.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: false });
    registerUploadRoute(plain, kit);
    registerReplaceRoute(plain, kit);
  });

  registerItemRoutes(server, kit);
  registerFocalRoute(server, kit);
  registerDeleteRoute(server, kit);

  registerLibraryAssets(server);
}
