import type { Redis } from 'ioredis';
import { lazyRequire } from './lazy-require.ts';

const ioredis = lazyRequire<typeof import('ioredis')>('ioredis');

/** How long one Redis command may take before it counts as failed. */
export const REDIS_COMMAND_TIMEOUT_MS = 250;

/**
 * A Redis connection for what Warta shares between processes (page cache,
 * rate-limit counters). It fails fast: while Redis is unreachable a command
 * is refused at once instead of queued (no offline queue, no retries), and a
 * command that hangs fails after {@link REDIS_COMMAND_TIMEOUT_MS}. Callers
 * treat a failure as a miss, so a Redis outage costs what a cache miss costs
 * and nothing waits. The connection keeps trying to come back in the background.
 */
export function connectRedis(url: string, opts: { lazyConnect?: boolean } = {}): Redis {
  const redis = new (ioredis().Redis)(url, {
    lazyConnect: opts.lazyConnect ?? false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 1000,
    // Reconnect quickly at first, then every two seconds, forever.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
  });
  // Errors surface as failed commands; the event alone must not crash the process.
  redis.on('error', () => {});
  return redis;
}
