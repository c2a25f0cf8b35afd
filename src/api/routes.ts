import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { registerArticleRoutes } from './routes-articles.ts';
import { registerApiErrors, registerApiKeyCheck } from './routes-guard.ts';
import { registerListRoutes } from './routes-lists.ts';
import { apiRouteKit } from './routes-shared.ts';

/** Where the Content API lives; the OpenAPI document lists only routes under it. */
export const API_PREFIX = '/api/v1';

/**
 * The read-only Content API under /api/v1. Every route reads through the same
 * content and discovery functions the pages use (so visibility is the pages'
 * rule), answers JSON with a stable error shape in the site language, a strong
 * content ETag with 304s, Last-Modified, CDN cache headers and the page
 * cache's surrogate keys (so one purge clears pages and API answers alike).
 */
export async function registerApiRoutes(
  server: FastifyInstance,
  deps: { config: Config; db: Db },
): Promise<void> {
  const { config } = deps;
  const kit = apiRouteKit(deps);

  await server.register(
    async (api) => {
      registerApiErrors(api, config);
      registerApiKeyCheck(api, deps);

      // The document itself is public: a client reads it before it has a key.
      api.get(
        '/openapi.json',
        { config: { apiPublic: true }, schema: { hide: true } },
        async (_req, reply) =>
          reply
            .type('application/json; charset=utf-8')
            .header('cache-control', 'public, max-age=300')
            .send(api.swagger()),
      );

      registerArticleRoutes(api, kit);
      registerListRoutes(api, kit);
    },
    { prefix: API_PREFIX },
  );
}
