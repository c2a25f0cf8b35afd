import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded on first use instead of at start. Start-up time is mostly
 * module loading, and many dependencies serve only some installations or
 * some requests (Redis, PostgreSQL, the HTML sanitizer, image processing):
 * each costs tens of milliseconds and megabytes a process may never need.
 * Synchronous (through `require`), so the callers' APIs stay as they are.
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}
