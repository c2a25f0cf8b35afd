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

/** In-process LRU store, bounded in entries. */
export class MemoryStore implements PageCacheStore {
  private entries = new Map<string, { page: CachedPage; expires: number }>();
  constructor(private readonly maxEntries = 2000) {}

  async get(key: string): Promise<CachedPage | undefined> {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert to mark as recently used.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.page;
  }

  async set(key: string, page: CachedPage, ttlMs: number): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, { page, expires: Date.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  async purgeAll(): Promise<void> {
    this.entries.clear();
  }

  async close(): Promise<void> {
    this.entries.clear();
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

/** The store named by the config: `memory` or a `redis://` URL. */
export function createStore(url: string, prefix?: string): PageCacheStore {
  return url === 'memory' ? new MemoryStore() : new RedisStore(url, prefix);
}
