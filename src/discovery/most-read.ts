import { hash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ArticleSummary } from '../content/model.ts';
import { summariesByIds } from '../content/queries.ts';
import { existingArticleIds } from '../content/reads.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';

/**
 * "Terpopuler": article page views counted without cookies and without
 * storing addresses. A view is hashed with a salt that lives only in memory
 * and changes every day, so the hash can dedupe a reader's reloads for a
 * short while and can never be traced back. Counts are buffered in memory and
 * added (never overwritten) to hourly rows in batches, so a page view costs no
 * database write and several processes add up.
 */

export interface ArticleViewTable {
  article_id: number;
  /** Epoch ms of the start of the hour. */
  hour: number;
  views: number;
}
type ViewsTables = { article_views: ArticleViewTable };
/** The handle typed with discovery's own view counts. */
const views = (db: Kysely<Database>) => db.withTables<ViewsTables>();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** User agents of crawlers, link previews, monitors and scripted clients. */
const BOT_UA =
  /bot\b|bot\/|crawl|spider|slurp|mediapartners|facebookexternalhit|facebot|embedly|quora link|whatsapp|telegram|skype|preview|bingpreview|headless|lighthouse|pingdom|uptime|monitor|curl\/|wget\/|python|java\/|go-http|okhttp|axios|node-fetch|undici|libwww|httpclient|scrapy|phantomjs|feed|rss|archiver|validator/i;

/** True for crawlers and scripted clients, and for requests without a user agent. */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || userAgent.length < 10 || BOT_UA.test(userAgent);
}

/** True for speculative loads (browser prefetch/prerender) that no reader asked for. */
export function isPrefetch(headers: Record<string, string | string[] | undefined>): boolean {
  const h = (name: string) => String(headers[name] ?? '').toLowerCase();
  return (
    h('sec-purpose').includes('prefetch') ||
    h('purpose').includes('prefetch') ||
    h('x-moz').includes('prefetch') ||
    h('x-purpose').includes('preview')
  );
}

export interface ViewInput {
  articleId: number;
  ip: string;
  userAgent: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

export interface ViewCounterOptions {
  /** How long a reader's repeat views of one article count once (default 30 min). */
  dedupeMs?: number;
  /** How often buffered counts are written (default 10 s; 0 = only on flush()). */
  flushMs?: number;
  /** Most dedupe entries kept in memory; the oldest go first. */
  maxEntries?: number;
  clock?: () => number;
}

const ARTICLE_ROUTES = new Set(['/:section/:id', '/:section/:id/:slug']);
/** The article id in an article page's URL (the site's route already answered 200). */
const viewedArticle = z.object({ id: z.string().regex(/^[1-9]\d{0,15}$/) });

/** The article an article page's request shows (its route and id), or undefined for any other page. */
export function articleViewedBy(req: FastifyRequest): number | undefined {
  if (!ARTICLE_ROUTES.has(req.routeOptions.url ?? '')) return undefined;
  const params = viewedArticle.safeParse(req.params);
  if (!params.success) return undefined;
  const id = Number(params.data.id);
  return Number.isSafeInteger(id) ? id : undefined;
}

/** Buffers article views in memory and adds them to hourly rows in batches. */
export class ViewCounter {
  private buffer = new Map<string, number>();
  private seen = new Map<string, number>();
  private salt = randomBytes(32).toString('base64');
  private saltDay: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly dedupeMs: number;
  private readonly maxEntries: number;
  private readonly clock: () => number;

  constructor(
    private readonly db: Db,
    opts: ViewCounterOptions = {},
  ) {
    this.dedupeMs = opts.dedupeMs ?? 30 * 60_000;
    this.maxEntries = opts.maxEntries ?? 200_000;
    this.clock = opts.clock ?? Date.now;
    this.saltDay = Math.floor(this.clock() / DAY);
    const flushMs = opts.flushMs ?? 10_000;
    if (flushMs > 0) {
      this.timer = setInterval(() => void this.flush().catch(() => {}), flushMs);
      this.timer.unref();
    }
  }

  /** Records the view if the request was a GET of an article page that answered 200. */
  countRequest(req: FastifyRequest): void {
    if (req.method !== 'GET') return;
    const id = articleViewedBy(req);
    if (id === undefined) return;
    this.record({
      articleId: id,
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      headers: req.headers,
    });
  }

  /** Counts one page view unless it is a bot, a prefetch or a recent repeat; true when counted. */
  record(view: ViewInput): boolean {
    if (isBot(view.userAgent) || isPrefetch(view.headers)) return false;
    const now = this.clock();
    const day = Math.floor(now / DAY);
    if (day !== this.saltDay) {
      // A new day, a new salt: yesterday's hashes can no longer be matched by anyone.
      this.salt = randomBytes(32).toString('base64');
      this.saltDay = day;
      this.seen.clear();
    }
    // A one-shot hash of the secret salt and the view: a fifth of an HMAC's
    // time (this runs on every cache hit), and as unguessable while the salt is
    // secret; the hashes never leave this process.
    const key = hash(
      'sha256',
      `${this.salt}\n${view.ip}\n${view.userAgent}\n${view.articleId}`,
      'base64url',
    );
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    this.seen.delete(key);
    this.seen.set(key, now + this.dedupeMs);
    if (this.seen.size > this.maxEntries) this.sweep(now, true);
    const bucket = `${view.articleId}:${Math.floor(now / HOUR) * HOUR}`;
    this.buffer.set(bucket, (this.buffer.get(bucket) ?? 0) + 1);
    return true;
  }

  /** Views waiting to be written (for tests and shutdown logs). */
  pending(): number {
    let n = 0;
    for (const v of this.buffer.values()) n += v;
    return n;
  }

  /** Adds the buffered counts to the database; on failure they stay buffered for the next try. */
  async flush(): Promise<void> {
    this.sweep(this.clock(), false);
    if (this.buffer.size === 0) return;
    const batch = this.buffer;
    this.buffer = new Map();
    const rows = [...batch].map(([bucket, views]) => {
      const [id, hour] = bucket.split(':');
      return { article_id: Number(id), hour: Number(hour), views };
    });
    const k = views(this.db.kysely);
    try {
      for (let i = 0; i < rows.length; i += 200) {
        await k
          .insertInto('article_views')
          .values(rows.slice(i, i + 200))
          .onConflict((oc) =>
            oc.columns(['article_id', 'hour']).doUpdateSet((eb) => ({
              views: eb('article_views.views', '+', eb.ref('excluded.views')),
            })),
          )
          .execute();
      }
    } catch (err) {
      // A deleted article (foreign key) or a lost connection: keep what could not be written.
      for (const [bucket, n] of batch) this.buffer.set(bucket, (this.buffer.get(bucket) ?? 0) + n);
      const missing = await this.dropMissingArticles().catch(() => false);
      if (!missing) throw err;
      return this.flush();
    }
    forgetMostRead(this.db.kysely);
  }

  /** Stops the timer and writes what is left; call before closing the database. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private sweep(now: number, force: boolean) {
    for (const [key, until] of this.seen) {
      if (until > now && !(force && this.seen.size > this.maxEntries * 0.9)) break;
      this.seen.delete(key);
    }
  }

  /** Removes buffered counts of articles that no longer exist; true if any were dropped. */
  private async dropMissingArticles(): Promise<boolean> {
    const ids = [...new Set([...this.buffer.keys()].map((b) => Number(b.split(':')[0])))];
    const present = await existingArticleIds(this.db.kysely, ids);
    let dropped = false;
    for (const bucket of [...this.buffer.keys()]) {
      if (!present.has(Number(bucket.split(':')[0]))) {
        this.buffer.delete(bucket);
        dropped = true;
      }
    }
    return dropped;
  }
}

const CACHE_MS = 60_000;
const cache = new WeakMap<object, Map<string, { at: number; ids: number[] }>>();

/** Drops this process's cached rankings for a database (after counts were written). */
export function forgetMostRead(db: object): void {
  cache.delete(db);
}

/**
 * The most read published articles of the last `windowMs` (hourly buckets),
 * most views first. Ranked ids are cached for a minute per process; who may
 * see what is decided on every call by the content read path.
 */
export async function mostRead(
  db: Kysely<Database>,
  opts: { now: number; windowMs: number; limit: number },
): Promise<ArticleSummary[]> {
  const perDb = cache.get(db) ?? new Map<string, { at: number; ids: number[] }>();
  cache.set(db, perDb);
  const key = `${opts.windowMs}:${opts.limit}`;
  let hit = perDb.get(key);
  if (!hit || opts.now - hit.at > CACHE_MS || hit.at > opts.now) {
    const since = Math.floor((opts.now - opts.windowMs) / HOUR) * HOUR;
    const k = views(db);
    const rows = await k
      .selectFrom('article_views')
      .select(['article_id', (eb) => eb.fn.sum<number>('views').as('n')])
      .where('hour', '>=', since)
      .where('hour', '<=', opts.now)
      .groupBy('article_id')
      .orderBy('n', 'desc')
      .orderBy('article_id', 'desc')
      .limit(opts.limit * 4)
      .execute();
    hit = { at: opts.now, ids: rows.map((r) => r.article_id) };
    perDb.set(key, hit);
  }
  return (await summariesByIds(db, hit.ids, opts.now)).slice(0, opts.limit);
}

/** The two "Terpopuler" lists shown on the home page and beside articles. */
export async function mostReadLists(
  db: Kysely<Database>,
  now: number,
  limit = 5,
): Promise<{ day: ArticleSummary[]; week: ArticleSummary[] }> {
  const [day, week] = await Promise.all([
    mostRead(db, { now, windowMs: DAY, limit }),
    mostRead(db, { now, windowMs: 7 * DAY, limit }),
  ]);
  return { day, week };
}

/**
 * Counts every 200 GET of an article page after the response is sent, and
 * writes the buffer when the server closes. Pages answered by the page cache
 * are counted by the cache's hit callback instead (`servedFromCache` says
 * which), since most never reach Fastify's hooks.
 */
export function registerViewCounting(
  server: FastifyInstance,
  db: Db,
  opts: ViewCounterOptions & { servedFromCache?: (req: FastifyRequest) => boolean } = {},
): ViewCounter {
  const counter = new ViewCounter(db, opts);
  server.addHook('onResponse', async (req: FastifyRequest, reply) => {
    if (reply.statusCode === 200 && !opts.servedFromCache?.(req)) counter.countRequest(req);
  });
  server.addHook('onClose', async () => {
    await counter.close();
  });
  return counter;
}
