import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cacheKeys } from '../cache/keys.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import { cachedSections } from '../site/read-cache.ts';
import { rssFeed } from './feeds.ts';
import { monthSitemap, newsSitemap, pagesSitemap, sitemapIndex } from './sitemaps.ts';

const XML = 'application/xml; charset=utf-8';

/** `/:section/feed`: an unknown section is a 404. */
const sectionParams = z.object({ section: z.string() });
/** `/sitemap-:ym`: `YYYY-MM.xml`, checked by the route (anything else is a 404). */
const monthParams = z.object({ ym: z.string() });

/** Feeds, sitemaps and robots.txt: what search engines and aggregators read. */
export function registerDistributionRoutes(
  server: FastifyInstance,
  deps: { config: Config; db: Db },
): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { config } = deps;
  const k = deps.db.kysely;
  /** Sends a feed or sitemap with the surrogate keys that purge it from caches. */
  const send = (reply: FastifyReply, type: string, body: string, keys: string) =>
    reply
      .type(type)
      .header('cache-control', 'public, max-age=300')
      .header('surrogate-key', keys)
      .send(body);
  const { feeds, sitemaps } = cacheKeys;

  app.get('/robots.txt', (_req, reply) =>
    send(
      reply,
      'text/plain; charset=utf-8',
      `User-agent: *\nDisallow: /cari\nDisallow: /newsroom\n\nSitemap: ${config.siteUrl}/sitemap.xml\nSitemap: ${config.siteUrl}/sitemap-news.xml\n`,
      sitemaps,
    ),
  );
  app.get('/feed', async (_req, reply) =>
    send(reply, 'application/rss+xml; charset=utf-8', await rssFeed(k, config), feeds),
  );
  app.get('/:section/feed', { schema: { params: sectionParams } }, async (req, reply) => {
    const section = (await cachedSections(k)).find((s) => s.slug === req.params.section);
    if (!section) throw new AppError('NOT_FOUND');
    return send(
      reply,
      'application/rss+xml; charset=utf-8',
      await rssFeed(k, config, section),
      `${feeds} ${cacheKeys.section(section.id)}`,
    );
  });
  app.get('/sitemap.xml', async (_req, reply) =>
    send(reply, XML, await sitemapIndex(k, config), sitemaps),
  );
  app.get('/sitemap-pages.xml', async (_req, reply) =>
    send(reply, XML, await pagesSitemap(k, config), sitemaps),
  );
  app.get('/sitemap-news.xml', async (_req, reply) =>
    send(reply, XML, await newsSitemap(k, config), sitemaps),
  );
  app.get('/sitemap-:ym', { schema: { params: monthParams } }, async (req, reply) => {
    const m = /^(\d{4})-(\d{2})\.xml$/.exec(req.params.ym);
    const xml = m ? await monthSitemap(k, config, Number(m[1]), Number(m[2])) : null;
    if (!xml) throw new AppError('NOT_FOUND');
    return send(reply, XML, xml, sitemaps);
  });
}
