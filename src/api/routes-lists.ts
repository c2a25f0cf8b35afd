import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cacheKeys } from '../cache/keys.ts';
import { listPeopleAfter, listSections, listTagsAfter } from '../content/taxonomy-queries.ts';
import { mostRead } from '../discovery/most-read.ts';
import { searchArticles, sectionFilter } from '../discovery/search.ts';
import { AppError } from '../lib/errors.ts';
import { cursorCodec } from './cursor.ts';
import { selection } from './present.tsx';
import { type ApiRouteKit, errors, listKeys, send } from './routes-shared.ts';
import {
  ArticleListSchema,
  AuthorPageSchema,
  KeysetQuery,
  MostReadQuery,
  SearchPageSchema,
  SearchQuery,
  SectionListSchema,
  TagPageSchema,
} from './schemas.ts';

const DAY = 86_400_000;

/**
 * The taxonomy (sections, tags, authors) and the article lists that are not a
 * plain listing: search and most read.
 */
export function registerListRoutes(api: FastifyInstance, kit: ApiRouteKit): void {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { db, k, cursorKeys, config_, summariesJson } = kit;
  const tagCursor = cursorCodec(cursorKeys, 'tags');
  const authorCursor = cursorCodec(cursorKeys, 'authors');

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
      const next = rows.length > req.query.limit && last ? tagCursor.encode({ i: last.id }) : null;
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
}
