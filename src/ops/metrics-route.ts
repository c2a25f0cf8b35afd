import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';
import type { AppMetrics } from './metrics.ts';

/** The SHA-256 of a string: equal-length buffers for a constant-time compare of any two tokens. */
const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether an Authorization header carries `Bearer <token>`, compared in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer +(\S+)$/i.exec(header ?? '')?.[1];
  // Compared even when absent, so the time taken says nothing about the header.
  const same = timingSafeEqual(digest(given ?? ''), digest(token));
  return given !== undefined && token !== '' && same;
}

/**
 * `GET /metrics`, the Prometheus exposition. Off (404, like any unknown page)
 * without METRICS_TOKEN; with it, only for `Authorization: Bearer <token>`
 * (401 otherwise). Never stored by the page cache or a proxy (`no-store`):
 * the cache's key does not include the Authorization header.
 */
export function registerMetricsRoute(
  server: FastifyInstance,
  deps: { metrics: AppMetrics | null; token: string },
): void {
  server.get('/metrics', async (req, reply) => {
    const { metrics, token } = deps;
    if (!metrics || !token) throw new AppError('NOT_FOUND');
    reply.header('cache-control', 'no-store');
    if (!bearerMatches(req.headers.authorization, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .type('text/plain; charset=utf-8')
        .send('Token metrik diperlukan. / A metrics token is required.\n');
    }
    return reply.type(metrics.contentType).send(await metrics.text());
  });
}
