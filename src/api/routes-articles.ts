import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { cacheKeys } from '../cache/keys.ts';
import { getPublishedArticle } from '../content/published-article.ts';
import { listPublished, summariesByIds } from '../content/queries.ts';
import { findPerson, findTag } from '../content/taxonomy-queries.ts';
import { memoRead } from '../db/write-generation.ts';
import { relatedIds } from '../discovery/related-store.ts';
import { sectionFilter } from '../discovery/search.ts';
import { AppError } from '../lib/errors.ts';
import { READ_TTL_MS } from '../site/read-cache.ts';
import { cursorCodec } from './cursor.ts';
import { articleJson, selection } from './present.tsx';
import { type ApiRouteKit, errors, listKeys, newest, send, toMs } from './routes-shared.ts';
import {
  ArticleByPathQuery,
  ArticleListQuery,
  ArticleListSchema,
  ArticleOneQuery,
  ArticleOneSchema,
  ArticlePageSchema,
  IdParams,
  RelatedQuery,
} from './schemas.ts';

/**
 * The article routes: the list of published articles, one article by id or by
 * the path of its page, and the articles related to one.
 */
export function registerArticleRoutes(api: FastifyInstance, kit: ApiRouteKit): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { config, db, k, cursorKeys, config_, summariesJson } = kit;
  const articles = cursorCodec(cursorKeys, 'articles');

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
}
