import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { EventBus } from '../lib/events.ts';
import { encodingFor, matchesEtag } from '../lib/http-cache.ts';
import { endWithHead, type PreparedHead, prepareHead } from '../lib/response-head.ts';
import { requestIdOf } from '../ops/request-id.ts';
import { linkedArticleKeys } from './keys.ts';
import { PurgeLog, wireCachePurges } from './purges.ts';
import { type CachedPage, MemoryStore, type PageCacheStore } from './store.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Query parameters that change a public page; any other makes a request uncacheable. */
const PAGE_PARAMS = new Set(['page', 'q', 'bagian', 'dari', 'sampai']);
/** Headers never replayed from a stored response. */
const NOT_REPLAYED = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'etag',
  'age',
  'x-cache',
  // Each request's own (src/ops/request-id.ts): a hit must not replay the renderer's.
  'x-request-id',
  'vary',
  'set-cookie',
]);

export interface PageCacheOptions {
  store: PageCacheStore;
  events: EventBus;
  db: Db;
  /** How long a page is served as fresh (0 turns the cache off). */
  ttlMs: number;
  /** How long after that it is still served while one request re-renders it in the background. */
  staleMs: number;
  /** `s-maxage` for shared caches in front of Warta (nginx, a CDN), in seconds. */
  cdnMaxAge: number;
  /**
   * Called for every page served from the cache (view counts, sampled
   * logging, metrics), with the raw request: most hits never reach Fastify.
   */
  onHit?: (req: IncomingMessage, page: CachedPage, state: 'HIT' | 'STALE') => void;
  /** The article a rendered page shows: kept with the page, so a hit still counts a view. */
  viewOf?: (req: FastifyRequest) => number | undefined;
  /** Called for every cacheable page rendered because the cache did not have it (metrics). */
  onMiss?: (req: FastifyRequest) => void;
}

/**
 * The cache as the HTTP server sees it: `answer` serves a stored page
 * straight from the request listener, before Fastify routes the request or
 * builds its request and reply objects; that work was most of a hit's cost.
 * It returns false (or a promise of false) when the request is Fastify's to
 * answer: not a page request, a personal one, or a miss.
 */
export interface PageCache {
  answer(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean>;
  /**
   * True for a request that reached Fastify and was then answered from the
   * cache (its onResponse hooks still run): it was counted by `onHit`.
   */
  servedFromCache(req: IncomingMessage): boolean;
}

interface Wire {
  identity: PreparedHead;
  gzip: PreparedHead;
  br: PreparedHead;
  notModified: PreparedHead;
}
const wires = new WeakMap<CachedPage, Wire>();

/** The heads a hit writes, checked and serialised once per stored page. */
function wireOf(page: CachedPage): Wire {
  let wire = wires.get(page);
  if (wire) return wire;
  const common = [...page.headers.flat(), 'etag', page.etag, 'vary', 'Accept-Encoding'];
  const withBody = (body: Buffer, encoding?: string) =>
    prepareHead(page.status, [
      ...common,
      ...(encoding ? ['content-encoding', encoding] : []),
      'content-length',
      String(body.length),
    ]);
  wire = {
    identity: withBody(page.identity),
    gzip: withBody(page.gzip, 'gzip'),
    br: withBody(page.br, 'br'),
    notModified: prepareHead(
      304,
      common.filter((_, i, all) => {
        const name = i % 2 === 0 ? all[i] : all[i - 1];
        return name !== 'content-type';
      }),
    ),
  };
  wires.set(page, wire);
  return wire;
}

/**
 * Full-page cache for anonymous readers. A GET that rendered a 200 page is
 * stored compressed (brotli, gzip and identity) with a weak ETag and its
 * surrogate keys; a hit is a lookup and one write, before any other hook runs
 * (the stored response already carries the security headers). `If-None-Match`
 * answers 304. A hundred simultaneous misses on one key render it once. After
 * `ttlMs` the page is served stale for up to `staleMs` while one background
 * request renders it again. Domain events purge only the keys they touch.
 * Requests carrying a Warta cookie (staff, a commenter's held comment) never
 * read or fill the cache, and responses that set a cookie are never stored.
 */
export function registerPageCache(app: FastifyInstance, opts: PageCacheOptions): PageCache {
  const { store, ttlMs, staleMs } = opts;
  const personal = (req: IncomingMessage) => /(?:^|;\s*)warta_/.test(req.headers.cookie ?? '');
  /**
   * The cache key, or null when the request must not touch the cache: only
   * matched public routes (the route pattern, not the raw URL, decides, so an
   * encoded `/%6Eewsroom` is never stored; a lookup by the raw URL can only
   * find what was stored) and only query parameters some page reads, so
   * `?junk=N` cannot flood the cache with copies.
   */
  const keyOf = (req: FastifyRequest): string | null => {
    const route = req.routeOptions.url;
    if (!route || /^\/(newsroom|static|media|komentar|api)(\/|$)/.test(route)) return null;
    return pageKey(req.method, req.url);
  };
  const cacheControl = `public, max-age=0, s-maxage=${opts.cdnMaxAge}, stale-while-revalidate=${Math.round(staleMs / 1000)}`;

  /** A background re-render carries this header (a per-process secret) and bypasses the lookup. */
  const revalidateHeader = 'x-warta-revalidate';
  const revalidateToken = randomBytes(16).toString('hex');
  const inflight = new Map<string, { done: Promise<void>; release: () => void }>();
  const owners = new WeakMap<FastifyRequest, string>();
  const purges = new PurgeLog(store);
  /** The purge sequence when each rendering request started. */
  const startedAt = new WeakMap<FastifyRequest, number>();
  const memory = store instanceof MemoryStore ? store : undefined;

  const claim = (key: string, req?: FastifyRequest) => {
    let release = () => {};
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const flight = {
      done,
      release: () => {
        if (inflight.get(key) === flight) inflight.delete(key);
        release();
      },
    };
    inflight.set(key, flight);
    if (req) owners.set(req, key);
    return flight;
  };
  const releaseOwned = (req: FastifyRequest) => {
    const key = owners.get(req);
    if (key === undefined) return;
    owners.delete(req);
    const flight = inflight.get(key);
    flight?.release();
  };

  const revalidate = (key: string) => {
    if (inflight.has(key)) return;
    const flight = claim(key);
    app
      .inject({ method: 'GET', url: key, headers: { [revalidateHeader]: revalidateToken } })
      .catch(() => {})
      .finally(flight.release);
  };

  /**
   * Writes a stored page (or 304) on the raw response; `untouched` when it
   * comes straight from the request listener, no header set on it yet.
   */
  const write = (
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    page: CachedPage,
    now: number,
    untouched: boolean,
  ) => {
    const state = page.freshUntil > now ? 'HIT' : 'STALE';
    if (state === 'STALE') revalidate(key);
    const wire = wireOf(page);
    const own = [
      'age',
      String(Math.floor((now - page.storedAt) / 1000)),
      'x-cache',
      state,
      'x-request-id',
      requestIdOf(req),
    ];
    if (matchesEtag(req.headers['if-none-match'], page.etag)) {
      endWithHead(res, wire.notModified, own, undefined, { untouched, now });
    } else {
      const encoding = encodingFor(req.headers['accept-encoding']);
      const body = req.method === 'HEAD' ? undefined : page[encoding];
      endWithHead(res, wire[encoding], own, body, { untouched, now });
    }
    opts.onHit?.(req, page, state);
  };
  /** Requests Fastify saw and the cache answered (a page stored while they waited, say). */
  const servedByHook = new WeakSet<IncomingMessage>();
  const serve = (req: FastifyRequest, reply: FastifyReply, key: string, page: CachedPage) => {
    servedByHook.add(req.raw);
    reply.hijack();
    write(req.raw, reply.raw, key, page, Date.now(), false);
  };
  /** Raw requests whose lookup in a shared store missed: Fastify's hook need not ask again. */
  const missed = new WeakSet<IncomingMessage>();

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    const key = keyOf(req);
    if (key === null) return;
    if (personal(req.raw)) return;
    startedAt.set(req, purges.current);
    if (req.headers[revalidateHeader] === revalidateToken) {
      owners.set(req, key);
      return;
    }
    const page = missed.has(req.raw) ? undefined : memory ? memory.take(key) : await store.get(key);
    if (page) return serve(req, reply, key, page);
    const flight = inflight.get(key);
    if (flight) {
      // Someone is rendering this page right now: wait for it rather than render it again.
      await flight.done;
      const rendered = memory ? memory.take(key) : await store.get(key);
      if (rendered) return serve(req, reply, key, rendered);
      return;
    }
    claim(key, req);
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return payload;
    const key = keyOf(req);
    if (key === null) return payload;
    if (personal(req.raw)) {
      // A page made for one reader (staff links, their own held comment) stays in their browser.
      if (!reply.getHeader('cache-control')) reply.header('cache-control', 'private, no-cache');
      return payload;
    }
    const cacheable =
      owners.get(req) === key &&
      reply.statusCode === 200 &&
      typeof payload === 'string' &&
      !reply.getHeader('set-cookie') &&
      !String(reply.getHeader('cache-control') ?? '').includes('no-store') &&
      /^(text\/html|application\/(rss\+)?xml|text\/plain)/.test(
        String(reply.getHeader('content-type') ?? ''),
      );
    if (!cacheable) {
      releaseOwned(req);
      return payload;
    }
    const identity = Buffer.from(payload);
    const [gz, br] = await Promise.all([
      gzipAsync(identity, { level: 9 }),
      brotliAsync(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 6,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
    ]);
    const keys = [
      ...new Set([
        ...String(reply.getHeader('surrogate-key') ?? '')
          .split(/\s+/)
          .filter(Boolean),
        ...linkedArticleKeys(payload),
      ]),
    ];
    reply.header('surrogate-key', keys.join(' '));
    reply.header('cache-control', cacheControl);
    const headers: [string, string][] = [];
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined || NOT_REPLAYED.has(name)) continue;
      headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
    }
    const now = Date.now();
    const page: CachedPage = {
      status: 200,
      headers,
      etag: `W/"${createHash('sha1').update(identity).digest('base64url')}"`,
      identity,
      gzip: gz,
      br,
      keys,
      storedAt: now,
      freshUntil: now + ttlMs,
      staleUntil: now + ttlMs + staleMs,
      view: opts.viewOf?.(req),
    };
    // Rendered while a purge touched it: maybe from the old data, so answered but not kept.
    if (!purges.touchedSince(startedAt.get(req) ?? -1, keys)) await store.set(key, page);
    releaseOwned(req);
    reply.header('etag', page.etag).header('vary', 'Accept-Encoding').header('x-cache', 'MISS');
    opts.onMiss?.(req);
    if (matchesEtag(req.headers['if-none-match'], page.etag)) {
      reply.code(304);
      return '';
    }
    const encoding = encodingFor(req.headers['accept-encoding']);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return page[encoding];
  });

  // A request that ended without reaching onSend (aborted, hijacked elsewhere) frees its key.
  app.addHook('onResponse', async (req) => releaseOwned(req));
  app.addHook('onRequestAbort', async (req) => releaseOwned(req));

  wireCachePurges(opts.events, opts.db, purges);

  return {
    servedFromCache: (req) => servedByHook.has(req),
    answer(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      if (req.headers[revalidateHeader] !== undefined || personal(req)) return false;
      const key = pageKey(req.method, req.url ?? '');
      if (key === null) return false;
      const near = store.peek(key);
      if (near) {
        write(req, res, key, near, Date.now(), true);
        return true;
      }
      // In memory, "not at hand" is a miss; a shared store is asked.
      if (memory) return false;
      return store.get(key).then(
        (page) => {
          if (!page) {
            missed.add(req);
            return false;
          }
          write(req, res, key, page, Date.now(), true);
          return true;
        },
        () => false,
      );
    },
  };
}

/**
 * A request's cache key: its path and the query parameters some page reads,
 * sorted; null for any other method or parameter.
 */
function pageKey(method: string | undefined, url: string): string | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  const q = url.indexOf('?');
  if (q === -1) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const name of params.keys()) if (!PAGE_PARAMS.has(name)) return null;
  params.sort();
  const rest = params.toString();
  return rest ? `${url.slice(0, q)}?${rest}` : url.slice(0, q);
}
