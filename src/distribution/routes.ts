import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cachedApiSettings } from '../api/keys.ts';
import { bodyHtml } from '../api/present.tsx';
import { cacheKeys } from '../cache/keys.ts';
import type { Config } from '../config.ts';
import type { Article } from '../content/model.ts';
import { findPerson, findTag } from '../content/taxonomy-queries.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import { matchesEtag } from '../lib/http-cache.ts';
import { cachedSections } from '../site/read-cache.ts';
import { atomXml, type FeedScope, feedEntries, jsonFeed } from './feed-formats.ts';
import { feedXml } from './feeds.ts';
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

  /** Sends a feed with a content ETag, answering 304 when the reader already has it. */
  const sendFeed = (
    req: FastifyRequest,
    reply: FastifyReply,
    type: string,
    body: string,
    keys: string,
  ) => {
    const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    reply.header('etag', etag);
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      return reply
        .code(304)
        .header('cache-control', 'public, max-age=300')
        .header('surrogate-key', keys)
        .send();
    }
    return send(reply, type, body, keys);
  };
  const FORMATS = {
    rss: 'application/rss+xml; charset=utf-8',
    atom: 'application/atom+xml; charset=utf-8',
    json: 'application/feed+json; charset=utf-8',
  } as const;
  /** One feed of a scope in a format: the same entries, full text or deck by the site setting. */
  const scopeFeed = async (
    req: FastifyRequest,
    reply: FastifyReply,
    scope: FeedScope,
    format: string,
    keys: string,
  ) => {
    if (format !== 'rss' && format !== 'atom' && format !== 'json') throw new AppError('NOT_FOUND');
    const now = Date.now();
    const { feedFullText } = await cachedApiSettings(k);
    const entries = await feedEntries(k, scope, {
      now,
      fullText: feedFullText,
      renderBody: (a: Article) => bodyHtml(config, a),
    });
    const body =
      format === 'atom'
        ? atomXml(config, scope, entries, now)
        : format === 'json'
          ? jsonFeed(config, scope, entries)
          : feedXml(
              config,
              entries.map((e) => e.article),
              scope.path === '/'
                ? undefined
                : {
                    name: scope.title.replace(` - ${config.siteName}`, ''),
                    url: scope.path,
                    description: scope.description,
                  },
              now,
              new Map(entries.flatMap((e) => (e.html ? [[e.article.id, e.html] as const] : []))),
            );
    return sendFeed(req, reply, FORMATS[format], body, keys);
  };
  const siteScope = (): FeedScope => ({
    title: config.siteName,
    description: config.siteName,
    path: '/',
    filter: {},
  });
  const sectionScope = async (slug: string) => {
    const section = (await cachedSections(k)).find((s) => s.slug === slug);
    if (!section) throw new AppError('NOT_FOUND');
    const ids = [section.id, ...section.children.map((c) => c.id)];
    const scope: FeedScope = {
      title: `${section.name} - ${config.siteName}`,
      description: section.description || config.siteName,
      path: section.url,
      filter: { sectionIds: ids },
    };
    return { scope, keys: `${feeds} ${ids.map(cacheKeys.section).join(' ')}` };
  };
  const tagScope = async (slug: string) => {
    const tag = await findTag(k, slug);
    if (!tag) throw new AppError('NOT_FOUND');
    const scope: FeedScope = {
      title: `${tag.name} - ${config.siteName}`,
      description: `${tag.name} - ${config.siteName}`,
      path: tag.url,
      filter: { tagId: tag.id },
    };
    return { scope, keys: `${feeds} ${cacheKeys.tag(tag.id)}` };
  };
  const authorScope = async (slug: string) => {
    const person = await findPerson(k, slug);
    if (!person) throw new AppError('NOT_FOUND');
    const scope: FeedScope = {
      title: `${person.name} - ${config.siteName}`,
      description: person.title || `${person.name} - ${config.siteName}`,
      path: person.url,
      filter: { personId: person.id },
    };
    return { scope, keys: `${feeds} ${cacheKeys.author(person.id)}` };
  };
  const formatParams = z.object({ format: z.string() });
  const slugParams = z.object({ slug: z.string() });
  const slugFormatParams = z.object({ slug: z.string(), format: z.string() });
  const sectionFormatParams = z.object({ section: z.string(), format: z.string() });

  app.get('/robots.txt', (_req, reply) =>
    send(reply, 'text/plain; charset=utf-8', robotsTxt(config.siteUrl), sitemaps),
  );
  app.get('/feed', (req, reply) => scopeFeed(req, reply, siteScope(), 'rss', feeds));
  app.get('/:section/feed', { schema: { params: sectionParams } }, async (req, reply) => {
    const { scope, keys } = await sectionScope(req.params.section);
    return scopeFeed(req, reply, scope, 'rss', keys);
  });
  app.get('/feed/:format', { schema: { params: formatParams } }, (req, reply) =>
    scopeFeed(req, reply, siteScope(), req.params.format, feeds),
  );
  app.get(
    '/:section/feed/:format',
    { schema: { params: sectionFormatParams } },
    async (req, reply) => {
      const { scope, keys } = await sectionScope(req.params.section);
      return scopeFeed(req, reply, scope, req.params.format, keys);
    },
  );
  for (const [prefix, scopeOf] of [
    ['/tag', tagScope],
    ['/penulis', authorScope],
  ] as const) {
    app.get(`${prefix}/:slug/feed`, { schema: { params: slugParams } }, async (req, reply) => {
      const { scope, keys } = await scopeOf(req.params.slug);
      return scopeFeed(req, reply, scope, 'rss', keys);
    });
    app.get(
      `${prefix}/:slug/feed/:format`,
      { schema: { params: slugFormatParams } },
      async (req, reply) => {
        const { scope, keys } = await scopeOf(req.params.slug);
        return scopeFeed(req, reply, scope, req.params.format, keys);
      },
    );
  }

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
    // `YYYY-MM.xml`, or `YYYY-MM-N.xml` for part N >= 2 of a month over 50,000 articles.
    const m = /^(\d{4})-(\d{2})(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/.exec(req.params.ym);
    const xml = m
      ? await monthSitemap(k, config, Number(m[1]), Number(m[2]), Date.now(), Number(m[3] ?? 1))
      : null;
    if (!xml) throw new AppError('NOT_FOUND');
    return send(reply, XML, xml, sitemaps);
  });
}

/**
 * robots.txt: the sitemap index and the news sitemap; the newsroom (its
 * login and the API key pages under /newsroom/api), the JSON API, search
 * result pages (any query) and the comment form's machinery stay uncrawled.
 */
export function robotsTxt(siteUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /newsroom',
    'Disallow: /api/',
    'Disallow: /cari',
    'Disallow: /komentar/',
    'Allow: /',
    '',
    `Sitemap: ${siteUrl}/sitemap.xml`,
    `Sitemap: ${siteUrl}/sitemap-news.xml`,
    '',
  ].join('\n');
}
