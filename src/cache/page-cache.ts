import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventBus } from '../lib/events.ts';
import type { PageCacheStore } from './store.ts';

/** Query parameters that change a public page; any other makes a request uncacheable. */
const PAGE_PARAMS = new Set(['page', 'q', 'bagian', 'dari', 'sampai']);

/**
 * Full-page cache for anonymous readers: a GET that rendered a 200 HTML page
 * is kept for `ttlMs` and served without touching the database. Any article
 * event purges everything (home, sections and feeds all depend on every story).
 * Requests carrying a Warta cookie (staff, a commenter's pending comment) are
 * never served from or stored in the cache.
 */
export function registerPageCache(
  app: FastifyInstance,
  store: PageCacheStore,
  events: EventBus,
  ttlMs: number,
): void {
  if (ttlMs <= 0) return;
  const personal = (req: FastifyRequest) => /(?:^|;\s*)warta_/.test(req.headers.cookie ?? '');
  /**
   * The cache key, or null when the request must not touch the cache: only
   * matched public routes (the route pattern, not the raw URL, decides, so an
   * encoded `/%6Eewsroom` is never cached) and only query parameters some page
   * reads, so `?junk=N` cannot flood the cache with copies.
   */
  const keyOf = (req: FastifyRequest): string | null => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || personal(req)) return null;
    const route = req.routeOptions.url;
    if (!route || /^\/(newsroom|static|media)(\/|$)/.test(route)) return null;
    const [path = '', query = ''] = req.url.split('?', 2);
    const params = new URLSearchParams(query);
    for (const name of params.keys()) if (!PAGE_PARAMS.has(name)) return null;
    params.sort();
    const rest = params.toString();
    return rest ? `${path}?${rest}` : path;
  };

  app.addHook('onRequest', async (req, reply) => {
    const key = keyOf(req);
    if (key === null) return;
    const hit = await store.get(key);
    if (!hit) return;
    reply
      .code(hit.status)
      .header('content-type', hit.contentType)
      .header('x-cache', 'HIT')
      .header('age', String(Math.floor((Date.now() - hit.storedAt) / 1000)))
      .send(hit.body);
    return reply;
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload) => {
    const key = keyOf(req);
    if (
      key === null ||
      reply.getHeader('x-cache') === 'HIT' ||
      reply.statusCode !== 200 ||
      typeof payload !== 'string' ||
      String(reply.getHeader('cache-control') ?? '').includes('no-store')
    ) {
      return payload;
    }
    const type = String(reply.getHeader('content-type') ?? '');
    if (!/^(text\/html|application\/(rss\+)?xml|text\/plain)/.test(type)) return payload;
    reply.header('x-cache', 'MISS');
    await store.set(
      key,
      { status: 200, contentType: type, body: payload, storedAt: Date.now() },
      ttlMs,
    );
    return payload;
  });

  const purge = () => store.purgeAll();
  events.on('article.published', purge);
  events.on('article.updated', purge);
  events.on('article.unpublished', purge);
  events.on('article.deleted', purge);
  // A comment that appears or disappears changes its article page and the counts on lists.
  events.on('comment.approved', purge);
  events.on('comment.hidden', purge);
}
