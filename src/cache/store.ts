import type { Redis } from 'ioredis';
import { connectRedis } from '../lib/redis.ts';

/**
 * A rendered page as the cache keeps it: the body three times (identity, gzip,
 * brotli) so a hit never compresses, the headers to replay, the validator and
 * the surrogate keys that purge it.
 */
export interface CachedPage {
  status: number;
  /** Response headers replayed on a hit (content type, security headers, Cache-Control, Surrogate-Key). */
  headers: [string, string][];
  /** Weak validator over the identity body: the same for every encoding of it. */
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** Surrogate keys: a purge of any of them removes the page. */
  keys: string[];
  storedAt: number;
  /** Served as fresh until then; between freshUntil and staleUntil served stale while re-rendered. */
  freshUntil: number;
  staleUntil: number;
  /** The article the page shows, when it is an article page: a hit counts a view of it. */
  view?: number;
}

/**
 * Where rendered pages are kept. Two real implementations: process memory (one
 * server) and Redis (several servers share the cache and its purges).
 */
export interface PageCacheStore {
  get(key: string): Promise<CachedPage | undefined>;
  /**
   * The page if this process holds it now, synchronously (the hit path in the
   * request listener asks this first); undefined says only "not at hand".
   */
  peek(key: string): CachedPage | undefined;
  set(key: string, page: CachedPage): Promise<void>;
  /** Removes every page carrying any of the surrogate keys. */
  purgeKeys(keys: readonly string[]): Promise<void>;
  purgeAll(): Promise<void>;
  /** True when the store answers (readiness checks). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const pageBytes = (key: string, p: CachedPage) =>
  p.identity.length +
  p.gzip.length +
  p.br.length +
  2 * key.length +
  p.headers.reduce((n, [k, v]) => n + 2 * (k.length + v.length) + 32, 0) +
  p.keys.reduce((n, k) => n + 2 * k.length + 64, 0) +
  256;

/**
 * In-process store, bounded in entries and in bytes (the three bodies and
 * the bookkeeping), with an index from surrogate key to pages so a purge
 * touches only the pages that carry the key.
 *
 * Eviction is "second chance" (CLOCK), an approximation of least recently
 * used: a hit only marks its entry, and the order of the entries changes only
 * when a page is stored. Reordering on every hit (delete and set again) made
 * V8 rebuild the long-lived map's table every few hits, in the old
 * generation: measured at about 170 bytes per hit there, a full collection
 * every two to three seconds under load, each pausing the server 5 to 11 ms.
 */
export class MemoryStore implements PageCacheStore {
  private entries = new Map<string, { page: CachedPage; bytes: number; used: boolean }>();
  private byKey = new Map<string, Set<string>>();
  private total = 0;
  constructor(
    private readonly maxEntries = 2000,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  /** Entries and the bytes they hold. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.total };
  }

  /** The page now, synchronously (the hit path calls this), marked as used. */
  take(key: string): CachedPage | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.page.staleUntil <= Date.now()) {
      this.remove(key);
      return undefined;
    }
    hit.used = true;
    return hit.page;
  }

  peek(key: string): CachedPage | undefined {
    return this.take(key);
  }

  async get(key: string): Promise<CachedPage | undefined> {
    return this.take(key);
  }

  async set(key: string, page: CachedPage): Promise<void> {
    const bytes = pageBytes(key, page);
    this.remove(key);
    // A page larger than the whole budget is not kept (it would evict everything else).
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { page, bytes, used: false });
    for (const k of page.keys) {
      const set = this.byKey.get(k) ?? new Set<string>();
      set.add(key);
      this.byKey.set(k, set);
    }
    this.total += bytes;
    // The oldest entry goes, unless it was used since it last came round: then it
    // moves to the back, unmarked. The page just stored is passed over too while
    // others remain. One pass unmarks everything, so the loop ends.
    while (this.entries.size > this.maxEntries || this.total > this.maxBytes) {
      const next = this.entries.entries().next();
      if (next.done) break;
      const [oldest, entry] = next.value;
      const spare = oldest === key ? this.entries.size > 1 : entry.used;
      if (spare) {
        entry.used = false;
        this.entries.delete(oldest);
        this.entries.set(oldest, entry);
      } else this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
    for (const k of entry.page.keys) {
      const set = this.byKey.get(k);
      set?.delete(key);
      if (set?.size === 0) this.byKey.delete(k);
    }
  }

  async purgeKeys(keys: readonly string[]): Promise<void> {
    for (const k of keys) for (const page of [...(this.byKey.get(k) ?? [])]) this.remove(page);
  }

  async purgeAll(): Promise<void> {
    this.entries.clear();
    this.byKey.clear();
    this.total = 0;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    await this.purgeAll();
  }
}

/** A page as one Redis string: a JSON head, then the three bodies back to back. */
function encode(page: CachedPage): Buffer {
  const { identity, gzip, br, ...rest } = page;
  const head = Buffer.from(
    JSON.stringify({ ...rest, sizes: [identity.length, gzip.length, br.length] }),
  );
  const len = Buffer.alloc(4);
  len.writeUInt32BE(head.length);
  return Buffer.concat([len, head, identity, gzip, br]);
}

function decode(raw: Buffer): CachedPage {
  const headLength = raw.readUInt32BE(0);
  const head = JSON.parse(raw.subarray(4, 4 + headLength).toString()) as Omit<
    CachedPage,
    'identity' | 'gzip' | 'br'
  > & { sizes: [number, number, number] };
  const [a, b, c] = head.sizes;
  const at = 4 + headLength;
  const identity = raw.subarray(at, at + a);
  const gzip = raw.subarray(at + a, at + a + b);
  const br = raw.subarray(at + a + b, at + a + b + c);
  const { sizes: _, ...rest } = head;
  return { ...rest, identity, gzip, br };
}

/** How long a process keeps a page it read from Redis in its own memory. */
export const NEAR_MS = 500;

/** Reads a page under the current generation: KEYS[1] the generation, ARGV the prefix and page key. */
const READ_PAGE = `local gen = redis.call('GET', KEYS[1]) or '0'
return redis.call('GET', ARGV[1] .. gen .. ':' .. ARGV[2])`;
interface ReadPageCommand {
  wartaReadPageBuffer(genKey: string, prefix: string, key: string): Promise<Buffer | null>;
}

/**
 * Redis store shared by every app process. Each surrogate key is a Redis set
 * of the page keys that carry it; a purge deletes those pages and the set.
 * `purgeAll` bumps a generation that is part of every page key.
 *
 * Redis being down costs a miss, never a wait (see `connectRedis`). A purge
 * that could not reach Redis is owed: until a `purgeAll` succeeds (tried on
 * every read and when the connection comes back), this store serves nothing,
 * so a page that changed during the outage is never served from before it.
 */
export class RedisStore implements PageCacheStore {
  private readonly redis: Redis;
  private purgeOwed = false;
  /**
   * Pages this process read or stored in the last {@link NEAR_MS}: a hit on a
   * busy page is then answered from memory, without a round trip to Redis.
   * Purges reach it like Redis (each process runs the purge listeners for
   * every event, relayed between processes), and whatever a lost event could
   * leave here is gone after NEAR_MS.
   */
  private readonly near = new MemoryStore(500, 16 * 1024 * 1024);

  constructor(
    url: string,
    private readonly prefix = 'warta:page:',
  ) {
    this.redis = connectRedis(url);
    // Sent as EVALSHA once Redis knows the script.
    this.redis.defineCommand('wartaReadPage', { numberOfKeys: 1, lua: READ_PAGE });
    let connectedBefore = false;
    this.redis.on('ready', () => {
      // Purges sent by other processes while this one was cut off reached Redis
      // without us; ours may not have. Start a new generation to be safe.
      if (connectedBefore) this.purgeOwed = true;
      connectedBefore = true;
      void this.settleOwedPurge();
    });
  }

  /** Tries the owed purge; true when nothing is owed any more. */
  private async settleOwedPurge(): Promise<boolean> {
    if (!this.purgeOwed) return true;
    try {
      await this.redis.incr(`${this.prefix}gen`);
      this.purgeOwed = false;
      return true;
    } catch {
      return false;
    }
  }

  private async generation(): Promise<string> {
    return (await this.redis.get(`${this.prefix}gen`)) ?? '0';
  }

  peek(key: string): CachedPage | undefined {
    return this.purgeOwed ? undefined : this.near.take(key);
  }

  /** Keeps a page near for NEAR_MS at most (its own expiry if sooner). */
  private keepNear(key: string, page: CachedPage): void {
    const staleUntil = Math.min(page.staleUntil, Date.now() + NEAR_MS);
    void this.near.set(key, { ...page, staleUntil });
  }

  async get(key: string): Promise<CachedPage | undefined> {
    const near = this.peek(key);
    if (near) return near;
    try {
      if (!(await this.settleOwedPurge())) return undefined;
      // The generation and the page in one round trip: a hit is one command.
      const raw = await (this.redis as unknown as ReadPageCommand).wartaReadPageBuffer(
        `${this.prefix}gen`,
        this.prefix,
        key,
      );
      if (!raw) return undefined;
      const page = decode(raw);
      if (page.staleUntil <= Date.now()) return undefined;
      this.keepNear(key, page);
      return page;
    } catch {
      return undefined;
    }
  }

  async set(key: string, page: CachedPage): Promise<void> {
    try {
      if (this.purgeOwed) return;
      this.keepNear(key, page);
      const pageKey = `${this.prefix}${await this.generation()}:${key}`;
      const ttl = Math.max(1, page.staleUntil - Date.now());
      const multi = this.redis.multi().set(pageKey, encode(page), 'PX', ttl);
      for (const k of page.keys) {
        multi.sadd(`${this.prefix}key:${k}`, pageKey).pexpire(`${this.prefix}key:${k}`, ttl * 2);
      }
      await multi.exec();
    } catch {
      // A failed write only costs a future miss.
    }
  }

  async purgeKeys(keys: readonly string[]): Promise<void> {
    await this.near.purgeKeys(keys);
    try {
      for (const k of keys) {
        const setKey = `${this.prefix}key:${k}`;
        const pages = await this.redis.smembers(setKey);
        await this.redis.del(setKey, ...pages);
      }
    } catch {
      this.purgeOwed = true;
    }
  }

  async purgeAll(): Promise<void> {
    await this.near.purgeAll();
    this.purgeOwed = true;
    await this.settleOwedPurge();
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/**
 * The store named by the config: `memory` (at most `maxBytes` of pages) or a
 * `redis://` URL (Redis's own `maxmemory` bounds it; every entry expires after its TTL).
 */
export function createStore(url: string, prefix?: string, maxBytes?: number): PageCacheStore {
  return url === 'memory' ? new MemoryStore(undefined, maxBytes) : new RedisStore(url, prefix);
}
