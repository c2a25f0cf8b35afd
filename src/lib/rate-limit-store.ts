import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';

const require = createRequire(import.meta.url);

type Incr = (
  key: string,
  cb: (err: Error | null, res?: { current: number; ttl: number }) => void,
  timeWindow?: number,
  max?: number,
) => void;

interface Store {
  incr: Incr;
  child(routeOptions: unknown): Store;
}

type StoreClass = new (...args: unknown[]) => Store;

// @fastify/rate-limit's own stores (CommonJS files of the package, no typings).
const RedisStore: StoreClass = require('@fastify/rate-limit/store/RedisStore.js');
const LocalStore: StoreClass = require('@fastify/rate-limit/store/LocalStore.js');

/**
 * A rate-limit store for @fastify/rate-limit's `store` option: counts in Redis,
 * so every process shares one limit, and when Redis does not answer (it fails
 * fast, see `connectRedis`) counts in this process's memory instead, so a
 * Redis outage loosens a limit to one process's share but never lifts it.
 */
export function redisWithLocalFallback(redis: Redis, nameSpace: string) {
  class FallbackStore implements Store {
    constructor(
      private readonly shared: Store,
      private readonly local: Store,
    ) {}

    incr: Incr = (key, cb, timeWindow, max) => {
      this.shared.incr(
        key,
        (err, res) => (err ? this.local.incr(key, cb, timeWindow, max) : cb(null, res)),
        timeWindow,
        max,
      );
    };

    child(routeOptions: unknown): Store {
      return new FallbackStore(this.shared.child(routeOptions), this.local.child(routeOptions));
    }
  }

  return class extends FallbackStore {
    // The plugin passes its global parameters, which carry these two flags.
    constructor(options: object) {
      const { continueExceeding, exponentialBackoff } = options as {
        continueExceeding?: boolean;
        exponentialBackoff?: boolean;
      };
      super(
        new RedisStore(continueExceeding, exponentialBackoff, redis, nameSpace),
        new LocalStore(continueExceeding, exponentialBackoff, undefined),
      );
    }
  };
}
