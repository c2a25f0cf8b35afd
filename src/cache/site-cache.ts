import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyInstance } from 'fastify';
import { type Config, trustProxySetting } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { articleViewedBy, type ViewCounter } from '../discovery/most-read.ts';
import type { EventBus } from '../lib/events.ts';
import type { AppMetrics } from '../ops/metrics.ts';
import { requestIdOf } from '../ops/request-id.ts';
import { type PageCache, registerPageCache } from './page-cache.ts';
import type { PageCacheStore } from './store.ts';

/**
 * The page cache as the site runs it (none when PAGE_CACHE_TTL is 0): a hit
 * still counts the article's view, with the reader's address as Fastify's
 * `req.ip` has it (the same trusted proxies; most hits never reach Fastify),
 * counts in the metrics, and is logged as a sample (LOG_HIT_SAMPLE).
 */
export function registerSiteCache(
  server: FastifyInstance,
  opts: {
    config: Config;
    db: Db;
    events: EventBus;
    store: PageCacheStore;
    metrics: AppMetrics | null;
    /** The view counter, registered after the cache (its hook must run after the cache's). */
    views: () => ViewCounter | undefined;
  },
): PageCache | undefined {
  const { config, metrics } = opts;
  if (config.pageCacheTtl <= 0) return undefined;
  const trusted = trustProxySetting(config);
  const trust = trusted ? proxyAddr.compile(trusted) : undefined;
  const clientIp = (req: IncomingMessage) =>
    trust ? proxyAddr(req, trust) : (req.socket.remoteAddress ?? '');
  return registerPageCache(server, {
    store: opts.store,
    events: opts.events,
    db: opts.db,
    ttlMs: config.pageCacheTtl * 1000,
    staleMs: config.pageCacheStale * 1000,
    cdnMaxAge: config.cdnMaxAge,
    viewOf: articleViewedBy,
    onHit(req, page, state) {
      if (page.view !== undefined && req.method === 'GET') {
        opts.views()?.record({
          articleId: page.view,
          ip: clientIp(req),
          userAgent: req.headers['user-agent'],
          headers: req.headers,
        });
      }
      metrics?.cacheHit(state);
      if (config.logHitSample > 0 && Math.random() < config.logHitSample) {
        server.log.info(
          { reqId: requestIdOf(req), url: req.url, cache: state, sample: config.logHitSample },
          'cache hit',
        );
      }
    },
    onMiss: metrics ? () => metrics.cacheMiss() : undefined,
  });
}
