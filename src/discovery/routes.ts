import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cacheKeys } from '../cache/keys.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import { parsePage } from '../lib/pagination.ts';
import { assetFromFile, registerAsset, type StaticAsset } from '../lib/static-assets.ts';
import { dayRangeInZone, type ZoneLabel } from '../lib/time.ts';
import { siteContext } from '../site/context.ts';
import { cachedSections } from '../site/read-cache.ts';
import { renderDocument } from '../site/render.tsx';
import { firstValue, queryValue } from '../site/schemas.ts';
import { SearchPage } from '../site/views/index.ts';
import { sweepIfDue } from './indexing.ts';
import { cleanQuery, searchArticles, sectionFilter, suggestHeadlines } from './search.ts';

export interface DiscoveryRouteDeps {
  config: Config;
  db: Db;
  /** URLs of the site's hashed CSS and JS, for the layout. */
  assets: { css: string; js: string };
}

/** A search-page asset under a content-hashed, cache-forever URL. */
function loadAsset(name: string, type: string): StaticAsset {
  return assetFromFile(new URL(`../site/assets/${name}`, import.meta.url), type);
}

/** The search page's script and stylesheet (the build precompresses them). */
export function loadSearchAssets(): { script: StaticAsset; style: StaticAsset } {
  return {
    script: loadAsset('search-suggest.js', 'text/javascript; charset=utf-8'),
    style: loadAsset('search.css', 'text/css; charset=utf-8'),
  };
}

/** A YYYY-MM-DD date as a [start, end) range of that local day; null when malformed. */
function parseDay(raw: unknown, zone: ZoneLabel): { start: number; end: number } | null {
  if (typeof raw !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  return dayRangeInZone(Number(m[1]), Number(m[2]), Number(m[3]), zone);
}

const SLUG = /^[a-z0-9-]{1,120}$/;

/**
 * `/cari` query string. Every field takes any string (the first one when a key
 * repeats): a bad page is BAD_PAGE, a bad date is shown on the page as such,
 * an unknown section is ignored, never a bare 400.
 */
const searchQuery = z.looseObject({
  q: queryValue,
  page: queryValue,
  bagian: queryValue,
  dari: queryValue,
  sampai: queryValue,
});

/** `/cari/saran` query string: the words typed so far. */
const suggestQuery = z.looseObject({ q: queryValue });

/**
 * Per-client limit on headline suggestions (one request per keystroke, after
 * the script's debounce): a reader typing never reaches it, a script
 * hammering the index does. Read when the routes are registered.
 */
export const SUGGEST_RATE_LIMIT = { max: 60, timeWindow: 60_000 };

/**
 * Search pages: `/cari` (results, works without JavaScript) and `/cari/saran`
 * (JSON headline suggestions for the search box).
 */
export function registerDiscoveryRoutes(server: FastifyInstance, deps: DiscoveryRouteDeps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { config, db } = deps;
  const { script, style } = loadSearchAssets();
  for (const asset of [script, style]) registerAsset(server, asset);

  app.get('/cari', { schema: { querystring: searchQuery } }, async (req, reply) => {
    const q = req.query;
    const rawPage = firstValue(q.page);
    const parsedPage = parsePage(rawPage === '' ? undefined : rawPage);
    // Garbage is a bad request; a page number beyond any result is just past the end.
    if (!parsedPage.ok && !/^[1-9]\d{0,29}$/.test(rawPage)) throw new AppError('BAD_PAGE');
    const page = parsedPage.ok ? parsedPage.page : Number.MAX_SAFE_INTEGER;

    const c = await siteContext(config, db, deps.assets);
    const query = cleanQuery(firstValue(q.q));
    const sectionSlug = firstValue(q.bagian).trim();
    const fromRaw = firstValue(q.dari).trim();
    const toRaw = firstValue(q.sampai).trim();
    const from = fromRaw ? parseDay(fromRaw, c.zone) : null;
    const to = toRaw ? parseDay(toRaw, c.zone) : null;
    const badDate = Boolean((fromRaw && !from) || (toRaw && !to));
    const section = SLUG.test(sectionSlug) ? await sectionFilter(db, sectionSlug) : undefined;

    await sweepIfDue(db);
    const result = await searchArticles(db, query, {
      now: c.now,
      page: Math.min(page, 1_000_000),
      pageSize: config.pageSize,
      sectionIds: section?.ids,
      from: from?.start,
      to: to?.end,
    });
    if (!parsedPage.ok) result.page.page = page === Number.MAX_SAFE_INTEGER ? 1_000_000 : page;

    const all = await cachedSections(db.kysely);
    const depthOf = (id: number): number => {
      const s = all.find((x) => x.id === id);
      return s?.parent ? 1 + depthOf(s.parent.id) : 0;
    };
    const ordered: { slug: string; name: string; depth: number }[] = [];
    const walk = (parentId: number | null) => {
      for (const s of all.filter((x) => (x.parent?.id ?? null) === parentId)) {
        ordered.push({ slug: s.slug, name: s.name, depth: Math.min(depthOf(s.id), 3) });
        walk(s.id);
      }
    };
    walk(null);

    const html = renderDocument(
      SearchPage(c, {
        query: result.query,
        page: result.query ? result.page : null,
        state: result.state,
        corrected: result.corrected,
        filters: {
          section: section ? sectionSlug : '',
          from: from ? fromRaw : '',
          to: to ? toRaw : '',
        },
        sections: ordered,
        badDate,
        suggestScript: script.url,
        searchStyle: style.url,
      }),
    );
    return reply
      .type('text/html; charset=utf-8')
      .header('surrogate-key', cacheKeys.search)
      .send(html);
  });

  app.get(
    '/cari/saran',
    {
      schema: { querystring: suggestQuery },
      config: { rateLimit: { ...SUGGEST_RATE_LIMIT } },
    },
    async (req, reply) => {
      await sweepIfDue(db);
      const items = await suggestHeadlines(db, firstValue(req.query.q), Date.now(), 8);
      return reply
        .header('cache-control', 'public, max-age=60')
        .type('application/json; charset=utf-8')
        .send({ items });
    },
  );
}
