import type { FastifyReply } from 'fastify';
import type { Config } from '../config.ts';
import type { ArticleSummary } from '../content/model.ts';
import { listPublished } from '../content/queries.ts';
import type { Db } from '../db/connection.ts';
import type { AppError } from '../lib/errors.ts';
import { contextWith, siteContext } from './context.ts';
import { renderDocument } from './render.tsx';
import { ErrorPage } from './views/index.ts';
import type { SiteContext } from './views/props.ts';

export type ErrorRenderer = (reply: FastifyReply, err: AppError) => Promise<FastifyReply>;

/**
 * How long a rendered error page is reused. The page depends only on the
 * status and the latest stories, not on the address asked for, so a flood of
 * random missing URLs costs one render per status every few seconds instead
 * of two queries and a render each.
 */
const REUSE_MS = 5_000;

/**
 * Renders error pages in the site's language with a search form and the latest
 * stories. If the database is the reason for the error, the page still renders
 * (without navigation and latest stories); internals never reach the reader.
 */
export function makeErrorRenderer(
  config: Config,
  db: Db,
  assets: { css: string; js: string },
): ErrorRenderer {
  const recent = new Map<string, { html: string; until: number }>();
  const render = async (err: AppError): Promise<{ html: string; complete: boolean }> => {
    let c: SiteContext;
    let latest: ArticleSummary[] = [];
    let complete = true;
    try {
      c = await siteContext(config, db, assets);
      latest = (await listPublished(db.kysely, {}, { now: c.now, pageSize: 5 })).items;
    } catch {
      c = contextWith(config, assets);
      complete = false;
    }
    const message = err.messageIn(config.language);
    return {
      html: renderDocument(ErrorPage(c, { status: err.status, message, latest })),
      complete,
    };
  };
  return async (reply, err) => {
    // Keyed by the catalog code (a handful of entries): never by the address.
    const key = err.code;
    const now = Date.now();
    const kept = recent.get(key);
    let html = kept && kept.until > now ? kept.html : undefined;
    if (html === undefined) {
      const page = await render(err);
      html = page.html;
      // A page rendered without the database is not kept: the next one may have it back.
      if (page.complete) recent.set(key, { html, until: now + REUSE_MS });
    }
    return reply
      .code(err.status)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  };
}
