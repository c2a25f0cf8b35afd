import { Redis } from 'ioredis';

/** A rendered page as the cache keeps it. */
export interface CachedPage {
  status: number;
  contentType: string;
  body: string;
  storedAt: number;
}

/**
 * Where rendered pages are kept. Two real implementations: process memory (one
 * server) and Redis (several servers share the cache and its purges).
 * `purgeAll` is a generation bump, so purging costs O(1) and old entries expire.
 */
export interface PageCacheStore {
  get(key: string): Promise<CachedPage | undefined>;
  set(key: string, page: CachedPage, ttlMs: number): Promise<void>;
  purgeAll(): Promise<void>;
  close(): Promise<void>;
}

/**
 * In-process LRU store, bounded in entries and in bytes. The byte bound is
 * what keeps memory flat: every distinct cacheable URL (`/?page=1`, `/?page=2`,
 * `/cari?q=…` for any words) is its own entry, and 2000 home pages of 44 KB
 * each held a quarter of a gigabyte before it.
 */
export class MemoryStore implements PageCacheStore {
  private entries = new Map<string, { page: CachedPage; expires: number; bytes: number }>();
  private total = 0;
  constructor(
    private readonly maxEntries = 2000,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  /** Entries and the bytes they hold (JavaScript strings, counted at two bytes a character). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.total };
  }

  async get(key: string): Promise<CachedPage | undefined> {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= Date.now()) {
      this.remove(key);
      return undefined;
    }
    // Re-insert to mark as recently used.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.page;
  }

  async set(key: string, page: CachedPage, ttlMs: number): Promise<void> {
    const bytes = 2 * (key.length + page.body.length + page.contentType.length) + 64;
    this.remove(key);
    // A page larger than the whole budget is not kept (it would evict everything else).
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { page, expires: Date.now() + ttlMs, bytes });
    this.total += bytes;
    while (this.entries.size > this.maxEntries || this.total > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }

  async purgeAll(): Promise<void> {
    this.entries.clear();
    this.total = 0;
  }

  async close(): Promise<void> {
    await this.purgeAll();
  }
}

/** Redis store shared by every app process; keys carry a generation that purgeAll bumps. */
export class RedisStore implements PageCacheStore {
  private readonly redis: Redis;
  constructor(
    url: string,
    private readonly prefix = 'warta:page:',
  ) {
    this.redis = new Redis(url, {
      lazyConnect: false,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
    });
    // A cache must never take the site down: errors surface as misses (see get/set).
    this.redis.on('error', () => {});
  }

  private async generation(): Promise<string> {
    return (await this.redis.get(`${this.prefix}gen`)) ?? '0';
  }

  async get(key: string): Promise<CachedPage | undefined> {
    try {
      const raw = await this.redis.get(`${this.prefix}${await this.generation()}:${key}`);
      return raw ? (JSON.parse(raw) as CachedPage) : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, page: CachedPage, ttlMs: number): Promise<void> {
    try {
      const gen = await this.generation();
      await this.redis.set(`${this.prefix}${gen}:${key}`, JSON.stringify(page), 'PX', ttlMs);
    } catch {
      // A failed write only costs a future miss.
    }
  }

  async purgeAll(): Promise<void> {
    await this.redis.incr(`${this.prefix}gen`);
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
