import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cacheKeys } from '../cache/keys.ts';
import type { Config } from '../config.ts';
import type { Article } from '../content/model.ts';
import { type ListFilter, listPublished } from '../content/queries.ts';
import { findPerson, findTag } from '../content/taxonomy-queries.ts';
import { archiveUrl, articleUrl, authorUrl, tagUrl } from '../content/urls.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import { parsePage } from '../lib/pagination.ts';
import { registerAsset } from '../lib/static-assets.ts';
import { dayRangeInZone, formatLongDate, MONTHS } from '../lib/time.ts';
import type { Asset } from './assets.ts';
import { siteContext } from './context.ts';
import type { ErrorRenderer } from './error-page.ts';
import { cachedArticle, cachedArticlePage, cachedHomePage, cachedSections } from './read-cache.ts';
import { renderDocument } from './render.tsx';
import { archiveParams, articleParams, pageQuery, sectionParams, slugParams } from './schemas.ts';
import type { CommentBoxProps } from './views/comments.tsx';
import { ArticlePage, HomePage, ListPage } from './views/index.ts';
import type { ListPageProps, SiteContext } from './views/props.ts';

export interface SiteDeps {
  config: Config;
  db: Db;
  assets: { css: Asset; js: Asset };
  renderError: ErrorRenderer;
  /** The comment form's state for an article page (comments capability); absent in bare setups. */
  commentBox?: (article: Article, req: FastifyRequest) => Promise<CommentBoxProps>;
  /** An imported old address's new URL (WordPress import), asked only before a canonical redirect. */
  legacyRedirect?: (url: string) => Promise<string | null>;
}

const ID = /^[1-9]\d{0,9}$/;
const SLUG = /^[a-z0-9-]{1,120}$/;

/**
 * The public reading site. Routes stay thin: parse the input, load through the
 * content read path, hand a props object to a view.
 */
export function registerSiteRoutes(server: FastifyInstance, deps: SiteDeps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { config, db } = deps;
  const k = db.kysely;
  const assetUrls = { css: deps.assets.css.url, js: deps.assets.js.url };
  const ctx = () => siteContext(config, db, assetUrls);
  /** Sends a page with the surrogate keys that purge it from caches (see cache/keys.ts). */
  const html = (reply: FastifyReply, body: string, keys: string) =>
    reply.type('text/html; charset=utf-8').header('surrogate-key', keys).send(body);
  /** The `?page=` number; anything but a canonical page number is BAD_PAGE (400). */
  const pageOf = (query: { page?: string | string[] }) => {
    const parsed = parsePage(query.page);
    if (!parsed.ok) throw new AppError('BAD_PAGE');
    return parsed.page;
  };

  for (const asset of Object.values(deps.assets)) registerAsset(server, asset);

  app.get('/', async (_req, reply) => {
    const c = await ctx();
    return html(
      reply,
      renderDocument(HomePage(c, await cachedHomePage(k, c.nav, c.now))),
      cacheKeys.home,
    );
  });

  /** Renders one page of a filtered list; a page past the end is a 404. */
  async function listPage(
    page: number,
    reply: FastifyReply,
    filter: ListFilter,
    props: Omit<ListPageProps, 'page'>,
    c: SiteContext,
    keys: string,
  ) {
    const result = await listPublished(k, filter, {
      now: c.now,
      page,
      pageSize: config.pageSize,
    });
    if (page > result.totalPages) throw new AppError('NOT_FOUND');
    return html(reply, renderDocument(ListPage(c, { ...props, page: result })), keys);
  }

  const listSchema = { schema: { params: slugParams, querystring: pageQuery } };

  app.get('/tag/:slug', listSchema, async (req, reply) => {
    const page = pageOf(req.query);
    const tag = SLUG.test(req.params.slug) ? await findTag(k, req.params.slug) : undefined;
    if (!tag) throw new AppError('NOT_FOUND');
    return listPage(
      page,
      reply,
      { tagId: tag.id },
      { kind: 'tag', title: tag.name, tag, basePath: tagUrl(tag.slug) },
      await ctx(),
      cacheKeys.tag(tag.id),
    );
  });

  app.get('/penulis/:slug', listSchema, async (req, reply) => {
    const page = pageOf(req.query);
    const person = SLUG.test(req.params.slug) ? await findPerson(k, req.params.slug) : undefined;
    if (!person) throw new AppError('NOT_FOUND');
    return listPage(
      page,
      reply,
      { personId: person.id },
      {
        kind: 'author',
        title: person.name,
        description: person.bio,
        person,
        basePath: authorUrl(person.slug),
      },
      await ctx(),
      cacheKeys.author(person.id),
    );
  });

  const archiveSchema = { schema: { params: archiveParams, querystring: pageQuery } };
  const archive = async (
    req: { params: { y: string; m?: string; d?: string }; query: { page?: string | string[] } },
    reply: FastifyReply,
  ) => {
    const page = pageOf(req.query);
    const { y, m, d } = req.params;
    if (!/^\d{4}$/.test(y) || (m && !/^\d{2}$/.test(m)) || (d && !/^\d{2}$/.test(d))) {
      throw new AppError('BAD_DATE');
    }
    const c = await ctx();
    const year = Number(y);
    let range: { start: number; end: number } | null;
    let title: string;
    if (m) {
      range = dayRangeInZone(year, Number(m), d ? Number(d) : undefined, c.zone);
      title = range
        ? d
          ? formatLongDate(range.start, c.zone, c.lang)
          : `${MONTHS[c.lang][Number(m) - 1]} ${year}`
        : '';
    } else {
      const first = dayRangeInZone(year, 1, undefined, c.zone);
      const next = dayRangeInZone(year + 1, 1, undefined, c.zone);
      range = first && next ? { start: first.start, end: next.start } : null;
      title = y;
    }
    if (!range) throw new AppError('BAD_DATE');
    return listPage(
      page,
      reply,
      { from: range.start, to: range.end },
      {
        kind: 'archive',
        title,
        basePath: archiveUrl(year, m ? Number(m) : undefined, d ? Number(d) : undefined),
      },
      c,
      cacheKeys.archive,
    );
  };
  app.get('/arsip/:y', archiveSchema, archive);
  app.get('/arsip/:y/:m', archiveSchema, archive);
  app.get('/arsip/:y/:m/:d', archiveSchema, archive);

  app.get(
    '/:section',
    { schema: { params: sectionParams, querystring: pageQuery } },
    async (req, reply) => {
      const page = pageOf(req.query);
      const { section: slug } = req.params;
      const sections = SLUG.test(slug) ? await cachedSections(k) : [];
      const section = sections.find((s) => s.slug === slug);
      if (!section) throw new AppError('NOT_FOUND');
      return listPage(
        page,
        reply,
        { sectionIds: [section.id, ...section.children.map((s) => s.id)] },
        {
          kind: 'section',
          title: section.name,
          description: section.description,
          section,
          basePath: section.url,
        },
        await ctx(),
        [section.id, ...section.children.map((s) => s.id)].map(cacheKeys.section).join(' '),
      );
    },
  );

  const articleHandler = async (
    req: FastifyRequest & { params: { section: string; id: string; slug?: string } },
    reply: FastifyReply,
  ) => {
    const { section, id, slug } = req.params;
    if (!ID.test(id)) throw new AppError('NOT_FOUND');
    const now = Date.now();
    const found = await cachedArticle(k, Number(id), now);
    if (found.kind === 'gone') throw new AppError('GONE');
    if (found.kind === 'missing') throw new AppError('NOT_FOUND');
    const { article } = found;
    if (section !== article.section.slug || slug !== article.slug) {
      // `/2024/11/old-post` looks like article 11: an imported old address wins.
      const legacy = deps.legacyRedirect && (await deps.legacyRedirect(req.url));
      if (legacy) return reply.redirect(legacy, 301);
      return reply.redirect(articleUrl(article.section.slug, article.id, article.slug), 301);
    }
    const [props, c, commentBox] = await Promise.all([
      cachedArticlePage(k, article, now),
      ctx(),
      deps.commentBox?.(article, req),
    ]);
    return html(
      reply,
      renderDocument(ArticlePage(c, { ...props, commentBox })),
      cacheKeys.article(article.id),
    );
  };
  app.get('/:section/:id', { schema: { params: articleParams } }, articleHandler);
  app.get('/:section/:id/:slug', { schema: { params: articleParams } }, articleHandler);

  app.setNotFoundHandler(async (_req, reply) => {
    await deps.renderError(reply, new AppError('NOT_FOUND'));
  });
}
