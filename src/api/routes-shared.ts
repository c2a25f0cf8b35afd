import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cacheKeys } from '../cache/keys.ts';
import { type Config, verifyingKeys } from '../config.ts';
import type { ArticleSummary } from '../content/model.ts';
import { tagsOfArticles } from '../content/taxonomy-queries.ts';
import type { Db } from '../db/connection.ts';
import { matchesEtag } from '../lib/http-cache.ts';
import { articleJson, type Selection } from './present.tsx';
import { limitedRouteConfig } from './routes-guard.ts';
import { ErrorSchema } from './schemas.ts';

/** The error answers every Content API route documents. */
export const errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  404: ErrorSchema,
  410: ErrorSchema,
  429: ErrorSchema,
};

/** `2026-01-02` or an ISO date-time as epoch ms. */
export const toMs = (v: string | undefined) => (v === undefined ? undefined : Date.parse(v));

/**
 * Sends a JSON answer with its validators and cache headers; answers 304
 * when the client's If-None-Match (or If-Modified-Since) still holds.
 */
export const send = (
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

export const listKeys = (items: { id: number }[]) => items.map((a) => cacheKeys.links(a.id));
export const newest = (items: ArticleSummary[]) =>
  items.reduce((m, a) => Math.max(m, a.updatedAt), 0) || undefined;

/** The deps and helpers every Content API route is given (see apiRouteKit). */
export type ApiRouteKit = ReturnType<typeof apiRouteKit>;

/** The helpers the Content API routes share, bound to this app's config and database. */
export function apiRouteKit(deps: { config: Config; db: Db }) {
  const { config, db } = deps;
  const k = db.kysely;
  // Signed with SECRET_KEY; during a rotation SECRET_KEY_PREVIOUS's cursors still page on.
  const cursorKeys = verifyingKeys(config);
  const config_ = limitedRouteConfig();

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

  return { config, db, k, cursorKeys, config_, summariesJson };
}
