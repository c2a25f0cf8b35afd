import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Config, verifyingKeys } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { AppError, toAppError } from '../lib/errors.ts';
import { cachedApiSettings, presentedKey, verifyApiKey } from './keys.ts';

/** Requests a key may make per minute unless its own limit says otherwise; keyless readers per address. */
const PUBLIC_PER_MINUTE = 120;

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key the request was made with (set by the Content API's auth hook). */
    apiKey?: { id: number; ratePerMinute: number };
  }
}

/**
 * The Content API's JSON errors in the site language (validation failures are
 * API_BAD_PARAMS), and a JSON 404 for every path under the prefix no route has.
 */
export function registerApiErrors(app: FastifyInstance, config: Config): void {
  app.setErrorHandler(async (err, req, reply) => {
    const e = (err as { validation?: unknown }).validation
      ? new AppError('API_BAD_PARAMS')
      : toAppError(err);
    if (e.status >= 500) req.log.error({ err }, 'api request failed');
    if (e.status === 401) reply.header('www-authenticate', 'Bearer realm="warta-api"');
    return reply
      .code(e.status)
      .type('application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send({ error: { code: e.code, message: e.messageIn(config.language) } });
  });
  app.setNotFoundHandler(async () => {
    throw new AppError('NOT_FOUND');
  });
  // Any other path under the prefix is a JSON 404 (not the site's catch-all article route).
  app.get('/*', { config: { apiPublic: true }, schema: { hide: true } }, async () => {
    throw new AppError('NOT_FOUND');
  });
}

/** Who may read: a live key, or anyone when the site allows public reads. */
export function registerApiKeyCheck(app: FastifyInstance, deps: { config: Config; db: Db }): void {
  const { config, db } = deps;
  const k = db.kysely;
  app.addHook('onRequest', async (req) => {
    if ((req.routeOptions.config as { apiPublic?: boolean })?.apiPublic) return;
    const key = presentedKey(req.headers);
    if (key !== undefined) {
      const found = await verifyApiKey(k, verifyingKeys(config), key);
      if (!found) throw new AppError('API_KEY_INVALID');
      req.apiKey = found;
    } else if (!(await cachedApiSettings(k)).publicRead) {
      throw new AppError('API_KEY_REQUIRED');
    }
  });
}

/**
 * The route config of the rate-limited Content API routes: per key (its own
 * limit), or per address for keyless public reads.
 */
export function limitedRouteConfig() {
  const rateLimit = {
    timeWindow: 60_000,
    max: (req: FastifyRequest) => req.apiKey?.ratePerMinute ?? PUBLIC_PER_MINUTE,
    keyGenerator: (req: FastifyRequest) =>
      req.apiKey ? `api-key:${req.apiKey.id}` : `api-ip:${req.ip}`,
  };
  return { rateLimit };
}
