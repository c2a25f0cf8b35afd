import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import { listPublished } from '../content/queries.ts';
import { listSections } from '../content/taxonomy-queries.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { ipHashOf, requireStaff } from '../newsroom/auth-shared.ts';
import { field, sendPage } from '../newsroom/login-routes.ts';
import { formBody, formField, query } from '../newsroom/schemas.ts';
import { newsroomContext } from '../newsroom/views/layout.tsx';
import { distributionMessages } from './messages.ts';
import {
  excludedSectionIds,
  newsExclusions,
  setArticleNewsExclusion,
  setSectionNewsExclusions,
} from './news-exclusions.ts';
import { NEWS_MAX_URLS, NEWS_WINDOW_MS } from './sitemaps.ts';
import { NEWS_ADMIN, NewsSitemapPage } from './views.tsx';

/** An article as its number or its address on the site (`/section/1234/slug`, full URL or path). */
function articleIdOf(text: string, siteUrl: string): number | null {
  const t = text.trim();
  const path = t.startsWith(siteUrl) ? t.slice(siteUrl.length) : t;
  const m =
    /^(\d{1,10})$/.exec(path) ?? /^\/[a-z0-9-]+\/(\d{1,10})(?:\/[^?#]*)?(?:[?#].*)?$/.exec(path);
  const id = m ? Number(m[1]) : 0;
  return id > 0 && id <= 2 ** 31 - 1 ? id : null;
}

/**
 * The newsroom's Google News sitemap page (editors, `news.sitemap`): which
 * sections and articles stay out. Writes go through the commands in
 * news-exclusions.ts (policy, audit, `news.sitemap.changed`); forms carry
 * the session's CSRF token (checked by the auth layer).
 */
export function registerNewsSitemapRoutes(
  server: FastifyInstance,
  deps: { config: Config; db: Db; events: EventBus },
): void {
  const { config, db, events } = deps;
  const app = server.withTypeProvider<ZodTypeProvider>();
  const editors = { preValidation: requireStaff('news.sitemap') };
  const actorOf = (req: FastifyRequest) => {
    if (!req.staff) throw new AppError('NOT_LOGGED_IN');
    return { role: req.staff.role, userId: req.staff.id };
  };

  async function page(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; error?: string; value?: string } = {},
    status = 200,
  ) {
    const now = Date.now();
    const [ctx, sections, exclusions, window] = await Promise.all([
      newsroomContext(req, { config }),
      listSections(db.kysely),
      newsExclusions(db.kysely),
      listPublished(
        db.kysely,
        { from: now - NEWS_WINDOW_MS },
        { now, pageSize: NEWS_MAX_URLS, count: false },
      ),
    ]);
    const sectionsOut = excludedSectionIds(sections, exclusions.sections);
    return sendPage(
      reply,
      NewsSitemapPage({ ctx, sections, exclusions, sectionsOut, window: window.items, ...extra }),
      status,
    );
  }
  const langOf = (req: FastifyRequest) => req.staff?.lang ?? config.language;

  app.get(
    NEWS_ADMIN,
    { ...editors, schema: { querystring: query({ ok: formField }) } },
    async (req, reply) => {
      const m = distributionMessages.t(langOf(req));
      const ok = field(req.query.ok);
      const notices: Record<string, string> = {
        saved: m.saved,
        excluded: m.excluded,
        included: m.included,
      };
      return page(req, reply, { notice: notices[ok] });
    },
  );

  app.post(
    `${NEWS_ADMIN}/rubrik`,
    { ...editors, schema: { body: formBody({ section: formField }) } },
    async (req, reply) => {
      const ids = [req.body.section ?? []]
        .flat()
        .filter((v) => /^\d{1,10}$/.test(v))
        .map(Number);
      await setSectionNewsExclusions({
        db,
        events,
        actor: actorOf(req),
        sectionIds: ids,
        known: await listSections(db.kysely),
        ipHash: ipHashOf(req, config),
      });
      return reply.redirect(`${NEWS_ADMIN}?ok=saved`, 303);
    },
  );

  app.post(
    `${NEWS_ADMIN}/artikel`,
    { ...editors, schema: { body: formBody({ article: formField, exclude: formField }) } },
    async (req, reply) => {
      const m = distributionMessages.t(langOf(req));
      const value = field(req.body.article).slice(0, 500);
      const exclude = field(req.body.exclude);
      if (exclude !== '1' && exclude !== '0') throw new AppError('BAD_REQUEST');
      const articleId = articleIdOf(value, config.siteUrl);
      if (articleId == null) return page(req, reply, { error: m.articleInvalid, value }, 400);
      try {
        await setArticleNewsExclusion({
          db,
          events,
          actor: actorOf(req),
          articleId,
          excluded: exclude === '1',
          ipHash: ipHashOf(req, config),
        });
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND')
          return page(req, reply, { error: m.articleMissing, value }, 404);
        throw err;
      }
      return reply.redirect(`${NEWS_ADMIN}?ok=${exclude === '1' ? 'excluded' : 'included'}`, 303);
    },
  );
}
