import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMMUTABLE, MEDIA_KEY, type MediaStorage } from './storage.ts';

/**
 * `/media/*`: the wildcard is any string a URL can carry, so a malformed key
 * reaches the route and is answered with the site's 404 (a bare schema
 * failure would be a generic 400), as the site's own schemas do.
 */
const mediaParams = z.object({ '*': z.string() });

/**
 * `/media/<storageKey>/<file>` answered from the media folder, or from a
 * bucket (MEDIA_STORAGE=s3) for installs without a CDN and for links made
 * before one: the file streamed with its Content-Type, ETag and the immutable
 * Cache-Control, 304 for a matching If-None-Match. Only keys of the library's
 * own shape are asked for (MEDIA_KEY: one folder, one plain file name), so no
 * path can reach another file; anything else is the site's 404. No byte
 * ranges: media are images, sent whole. (Not @fastify/static: with the glob
 * and mime libraries it brings, it was some 30 ms of every start.)
 */
export function registerMediaFiles(server: FastifyInstance, storage: MediaStorage): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  // HEAD has its own route: Fastify's automatic one would fetch the whole object and discard it.
  for (const method of ['GET', 'HEAD'] as const)
    app.route({
      method,
      url: '/media/*',
      exposeHeadRoute: false,
      schema: { params: mediaParams },
      handler: async (req, reply) => {
        const key = req.params['*'];
        if (!MEDIA_KEY.test(key)) return reply.callNotFound();
        const ifNoneMatch = req.headers['if-none-match'];
        const object = await storage.open(key, { ifNoneMatch, headOnly: method === 'HEAD' });
        if (!object) return reply.callNotFound();
        reply.header('cache-control', IMMUTABLE);
        if (object.notModified) return reply.code(304).header('etag', object.etag).send();
        reply.header('content-type', object.contentType);
        if (object.etag) reply.header('etag', object.etag);
        if (object.size !== undefined) reply.header('content-length', object.size);
        return reply.send(object.body);
      },
    });
}
