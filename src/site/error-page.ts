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
 * Renders error pages in the site's language with a search form and the latest
 * stories. If the database is the reason for the error, the page still renders
 * (without navigation and latest stories); internals never reach the reader.
 */
export function makeErrorRenderer(
  config: Config,
  db: Db,
  assets: { css: string; js: string },
): ErrorRenderer {
  return async (reply, err) => {
    let c: SiteContext;
    let latest: ArticleSummary[] = [];
    try {
      c = await siteContext(config, db, assets);
      latest = (await listPublished(db.kysely, {}, { now: c.now, pageSize: 5 })).items;
    } catch {
      c = contextWith(config, assets);
    }
    return reply
      .code(err.status)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        renderDocument(
          ErrorPage(c, { status: err.status, message: err.messageIn(config.language), latest }),
        ),
      );
  };
}
