import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventBus } from '../lib/events.ts';
import type { PageCacheStore } from './store.ts';

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
  const cacheable = (req: FastifyRequest) =>
    (req.method === 'GET' || req.method === 'HEAD') &&
    !personal(req) &&
    !req.url.startsWith('/static/') &&
    !req.url.startsWith('/media/') &&
    !req.url.startsWith('/newsroom');

  app.addHook('onRequest', async (req, reply) => {
    if (!cacheable(req)) return;
    const hit = await store.get(req.url);
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
    if (
      !cacheable(req) ||
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
      req.url,
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
