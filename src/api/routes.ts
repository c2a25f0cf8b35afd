import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { cacheKeys } from '../cache/keys.ts';
import { type Config, verifyingKeys } from '../config.ts';
import type { ArticleSummary } from '../content/model.ts';
import {
  findPerson,
  findTag,
  getPublishedArticle,
  listPeopleAfter,
  listPublished,
  listSections,
  listTagsAfter,
  summariesByIds,
  tagsOfArticles,
} from '../content/queries.ts';
import type { Db } from '../db/connection.ts';
import { memoRead } from '../db/write-generation.ts';
import { mostRead } from '../discovery/most-read.ts';
import { relatedIds } from '../discovery/related-store.ts';
import { searchArticles, sectionFilter } from '../discovery/search.ts';
import { AppError, toAppError } from '../lib/errors.ts';
import { matchesEtag } from '../lib/http-cache.ts';
import { READ_TTL_MS } from '../site/read-cache.ts';
import { cursorCodec } from './cursor.ts';
import { cachedApiSettings, presentedKey, verifyApiKey } from './keys.ts';
import { articleJson, type Selection, selection } from './present.tsx';
import {
  ArticleByPathQuery,
  ArticleListQuery,
  ArticleListSchema,
  ArticleOneQuery,
  ArticleOneSchema,
  ArticlePageSchema,
  AuthorPageSchema,
  ErrorSchema,
  IdParams,
  KeysetQuery,
  MostReadQuery,
  RelatedQuery,
  SearchPageSchema,
  SearchQuery,
  SectionListSchema,
  TagPageSchema,
} from './schemas.ts';

/** Where the Content API lives; the OpenAPI document lists only routes under it. */
export const API_PREFIX = '/api/v1';

/** Requests a key may make per minute unless its own limit says otherwise; keyless readers per address. */
const PUBLIC_PER_MINUTE = 120;
const DAY = 86_400_000;

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key the request was made with (set by the Content API's auth hook). */
    apiKey?: { id: number; ratePerMinute: number };
  }
}

const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  404: ErrorSchema,
  410: ErrorSchema,
  429: ErrorSchema,
};

/** `2026-01-02` or an ISO date-time as epoch ms. */
const toMs = (v: string | undefined) => (v === undefined ? undefined : Date.parse(v));

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
  const { config, db } = deps;
  const k = db.kysely;
  // Signed with SECRET_KEY; during a rotation SECRET_KEY_PREVIOUS's cursors still page on.
  const keys = verifyingKeys(config);
  const articles = cursorCodec(keys, 'articles');
  const tagCursor = cursorCodec(keys, 'tags');
  const authorCursor = cursorCodec(keys, 'authors');

  await server.register(
    async (api) => {
      const app = api.withTypeProvider<ZodTypeProvider>();

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

      // Who may read: a live key, or anyone when the site allows public reads.
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

      /** Per key (its own limit), or per address for keyless public reads. */
      const rateLimit = {
        timeWindow: 60_000,
        max: (req: FastifyRequest) => req.apiKey?.ratePerMinute ?? PUBLIC_PER_MINUTE,
        keyGenerator: (req: FastifyRequest) =>
          req.apiKey ? `api-key:${req.apiKey.id}` : `api-ip:${req.ip}`,
      };
      const config_ = { rateLimit };

      /**
       * Sends a JSON answer with its validators and cache headers; answers 304
       * when the client's If-None-Match (or If-Modified-Since) still holds.
       */
      const send = (
        req: FastifyRequest,
        reply: FastifyReply,
        body: unknown,
        opts: { keys: string[]; lastModified?: number },
      ) => {
        const json = JSON.stringify(body);
        const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
        reply
          .type('application/json; charset=utf-8')
          .header('etag', etag)
          .header('cache-control', 'public, max-age=0, s-maxage=60, stale-while-revalidate=60')
          .header('vary', 'Authorization, X-Api-Key, Accept-Encoding')
          .header('surrogate-key', [...new Set(opts.keys)].join(' '));
        const lm = opts.lastModified;
        if (lm) reply.header('last-modified', new Date(lm).toUTCString());
        const inm = req.headers['if-none-match'];
        const ims = req.headers['if-modified-since'];
        const notModified = inm
          ? matchesEtag(inm, etag)
          : Boolean(ims && lm && Math.floor(lm / 1000) * 1000 <= Date.parse(ims));
        if (notModified) return reply.code(304).send();
        return reply.send(json);
      };

      const listKeys = (items: { id: number }[]) => items.map((a) => cacheKeys.links(a.id));
      const newest = (items: ArticleSummary[]) =>
        items.reduce((m, a) => Math.max(m, a.updatedAt), 0) || undefined;

      /** Summaries as JSON, with their tags fetched in one query when `include=tags`. */
      const summariesJson = async (items: ArticleSummary[], sel: Selection) => {
        const tags = sel.include.has('tags')
          ? await tagsOfArticles(
              k,
              items.map((a) => a.id),
            )
          : new Map();
        return items.map((a) => articleJson(config, a, sel, tags.get(a.id)));
      };

      // The document itself is public: a client reads it before it has a key.
      app.get(
        '/openapi.json',
        { config: { apiPublic: true }, schema: { hide: true } },
        async (_req, reply) =>
          reply
            .type('application/json; charset=utf-8')
            .header('cache-control', 'public, max-age=300')
            .send(api.swagger()),
      );

      app.get(
        '/articles',
        {
          config: config_,
          schema: {
            summary: 'List published articles, newest first',
            tags: ['articles'],
            querystring: ArticleListQuery,
            response: { 200: ArticlePageSchema, ...errors },
          },
        },
        async (req, reply) => {
          const q = req.query;
          // The same list asked again within a second (a CDN's many edges, an app's
          // many readers) is answered from memory; any write or article event drops it.
          const answer = await memoRead(k, `api:articles:${JSON.stringify(q)}`, READ_TTL_MS, () =>
            articleList(q),
          );
          return send(req, reply, answer.body, answer.opts);
        },
      );

      /** One page of the article list: its JSON body and its cache keys and date. */
      const articleList = async (q: z.infer<typeof ArticleListQuery>) => {
        const sel = selection(q, false);
        const filter: Parameters<typeof listPublished>[1] = {};
        const keys: string[] = [cacheKeys.feeds];
        if (q.section) {
          const s = await sectionFilter(db, q.section);
          if (!s) throw new AppError('NOT_FOUND');
          filter.sectionIds = s.ids;
          keys.push(...s.ids.map(cacheKeys.section));
        }
        if (q.tag) {
          const t = await findTag(k, q.tag);
          if (!t) throw new AppError('NOT_FOUND');
          filter.tagId = t.id;
          keys.push(cacheKeys.tag(t.id));
        }
        if (q.author) {
          const p = await findPerson(k, q.author);
          if (!p) throw new AppError('NOT_FOUND');
          filter.personId = p.id;
          keys.push(cacheKeys.author(p.id));
        }
        filter.from = toMs(q.from);
        filter.to = toMs(q.to);
        filter.updatedSince = toMs(q.updated_since);
        if (q.cursor) {
          const c = articles.decode(q.cursor, ['p', 'i']);
          filter.before = { publishedAt: c.p, id: c.i };
        }
        const page = await listPublished(k, filter, {
          now: Date.now(),
          pageSize: q.limit + 1,
          count: false,
        });
        const items = page.items.slice(0, q.limit);
        const last = items.at(-1);
        const next =
          page.items.length > q.limit && last
            ? articles.encode({ p: last.publishedAt, i: last.id })
            : null;
        return {
          body: { data: await summariesJson(items, sel), next_cursor: next },
          opts: { keys: [...keys, ...listKeys(items)], lastModified: newest(items) },
        };
      };

      /** One article through the pages' lookup: missing (404) and deleted (410) alike. */
      const oneArticle = async (
        req: FastifyRequest,
        reply: FastifyReply,
        id: number,
        q: { fields?: string; include?: string },
      ) => {
        const sel = selection(q, true);
        const found = await getPublishedArticle(k, id, Date.now());
        if (found.kind === 'gone') throw new AppError('GONE');
        if (found.kind === 'missing') throw new AppError('NOT_FOUND');
        const a = found.article;
        return send(
          req,
          reply,
          { data: articleJson(config, a, sel) },
          {
            keys: [cacheKeys.article(a.id), cacheKeys.links(a.id)],
            lastModified: a.updatedAt,
          },
        );
      };

      app.get(
        '/articles/:id',
        {
          config: config_,
          schema: {
            summary: 'One published article by id',
            tags: ['articles'],
            params: IdParams,
            querystring: ArticleOneQuery,
            response: { 200: ArticleOneSchema, ...errors },
          },
        },
        async (req, reply) => oneArticle(req, reply, req.params.id, req.query),
      );

      app.get(
        '/articles/by-path',
        {
          config: config_,
          schema: {
            summary: 'One published article by the path of its public page',
            tags: ['articles'],
            querystring: ArticleByPathQuery,
            response: { 200: ArticleOneSchema, ...errors },
          },
        },
        async (req, reply) => {
          let path = req.query.path;
          try {
            path = new URL(path, config.siteUrl).pathname;
          } catch {
            throw new AppError('NOT_FOUND');
          }
          const m = /^\/[a-z0-9-]{1,120}\/([1-9]\d{0,9})(?:\/[a-z0-9-]{1,120})?\/?$/.exec(path);
          if (!m || Number(m[1]) > 2_147_483_647) throw new AppError('NOT_FOUND');
          return oneArticle(req, reply, Number(m[1]), req.query);
        },
      );

      app.get(
        '/articles/:id/related',
        {
          config: config_,
          schema: {
            summary: 'Related articles ("Baca juga") for an article',
            tags: ['articles'],
            params: IdParams,
            querystring: RelatedQuery,
            response: { 200: ArticleListSchema, ...errors },
          },
        },
        async (req, reply) => {
          const sel = selection(req.query, false);
          const now = Date.now();
          const found = await getPublishedArticle(k, req.params.id, now);
          if (found.kind === 'gone') throw new AppError('GONE');
          if (found.kind === 'missing') throw new AppError('NOT_FOUND');
          const a = found.article;
          const ids = [...a.pinnedIds, ...(await relatedIds(k, a.id))].filter(
            (id, i, all) => id !== a.id && all.indexOf(id) === i,
          );
          const items = (await summariesByIds(k, ids, now)).slice(0, req.query.limit);
          return send(
            req,
            reply,
            { data: await summariesJson(items, sel) },
            { keys: [cacheKeys.article(a.id), ...listKeys(items)], lastModified: a.updatedAt },
          );
        },
      );

      app.get(
        '/sections',
        {
          config: config_,
          schema: {
            summary: 'Every section, in menu order',
            tags: ['taxonomy'],
            response: { 200: SectionListSchema, ...errors },
          },
        },
        async (req, reply) => {
          const sections = await listSections(k);
          const data = sections.map((s) => ({
            id: s.id,
            slug: s.slug,
            name: s.name,
            url: s.url,
            description: s.description,
            parent_id: s.parent?.id ?? null,
          }));
          return send(req, reply, { data }, { keys: [cacheKeys.home] });
        },
      );

      app.get(
        '/tags',
        {
          config: config_,
          schema: {
            summary: 'Tags, in id order',
            tags: ['taxonomy'],
            querystring: KeysetQuery,
            response: { 200: TagPageSchema, ...errors },
          },
        },
        async (req, reply) => {
          const after = req.query.cursor ? tagCursor.decode(req.query.cursor, ['i']).i : 0;
          const rows = await listTagsAfter(k, after, req.query.limit + 1);
          const data = rows.slice(0, req.query.limit);
          const last = data.at(-1);
          const next =
            rows.length > req.query.limit && last ? tagCursor.encode({ i: last.id }) : null;
          return send(req, reply, { data, next_cursor: next }, { keys: [cacheKeys.feeds] });
        },
      );

      app.get(
        '/authors',
        {
          config: config_,
          schema: {
            summary: 'Authors (people with bylines), in id order',
            tags: ['taxonomy'],
            querystring: KeysetQuery,
            response: { 200: AuthorPageSchema, ...errors },
          },
        },
        async (req, reply) => {
          const after = req.query.cursor ? authorCursor.decode(req.query.cursor, ['i']).i : 0;
          const rows = await listPeopleAfter(k, after, req.query.limit + 1);
          const data = rows.slice(0, req.query.limit).map((p) => ({
            id: p.id,
            slug: p.slug,
            name: p.name,
            initials: p.initials,
            url: p.url,
            title: p.title,
            bio: p.bio,
          }));
          const last = data.at(-1);
          const next =
            rows.length > req.query.limit && last ? authorCursor.encode({ i: last.id }) : null;
          return send(req, reply, { data, next_cursor: next }, { keys: [cacheKeys.feeds] });
        },
      );

      app.get(
        '/search',
        {
          config: config_,
          schema: {
            summary: 'Search published articles',
            tags: ['articles'],
            querystring: SearchQuery,
            response: { 200: SearchPageSchema, ...errors },
          },
        },
        async (req, reply) => {
          const q = req.query;
          const sel = selection(q, false);
          let sectionIds: number[] | undefined;
          if (q.section) {
            const s = await sectionFilter(db, q.section);
            if (!s) throw new AppError('NOT_FOUND');
            sectionIds = s.ids;
          }
          const r = await searchArticles(db, q.q, {
            now: Date.now(),
            page: q.page,
            pageSize: q.limit,
            sectionIds,
          });
          return send(
            req,
            reply,
            {
              data: await summariesJson(r.page.items, sel),
              query: r.query,
              corrected: r.corrected,
              page: r.page.page,
              total: r.page.total,
            },
            { keys: [cacheKeys.search, ...listKeys(r.page.items)] },
          );
        },
      );

      app.get(
        '/most-read',
        {
          config: config_,
          schema: {
            summary: 'Most read articles of the last day or week',
            tags: ['articles'],
            querystring: MostReadQuery,
            response: { 200: ArticleListSchema, ...errors },
          },
        },
        async (req, reply) => {
          const sel = selection(req.query, false);
          const items = await mostRead(k, {
            now: Date.now(),
            windowMs: req.query.window === 'week' ? 7 * DAY : DAY,
            limit: req.query.limit,
          });
          return send(
            req,
            reply,
            { data: await summariesJson(items, sel) },
            { keys: [cacheKeys.home, ...listKeys(items)] },
          );
        },
      );
    },
    { prefix: API_PREFIX },
  );
}
