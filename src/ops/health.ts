import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { PageCacheStore } from '../cache/store.ts';
import type { Db } from '../db/connection.ts';
import type { MediaStorage } from '../media/storage.ts';

/** How long a readiness check may take before it counts as failed. */
const CHECK_TIMEOUT_MS = 1000;

export interface HealthDeps {
  db: Db;
  pageStore: PageCacheStore;
  /** The media storage: the folder must be writable, the bucket must answer (HeadBucket). */
  storage: MediaStorage;
}

type Check = 'ok' | 'failed';

/**
 * `/healthz`: the process is alive and answering (for a supervisor that
 * restarts it). `/readyz`: it can do its work, so a load balancer may send it
 * readers: the database answers and the media storage can be written (the
 * folder, or the bucket answers); 503 with the failing checks named
 * otherwise. The shared cache (Redis, when configured) is checked too, but
 * its outage only marks the answer `degraded`: pages render uncached, and
 * since every process shares that Redis, a 503 would take them all out of
 * the balancer at once. Neither is cached, logged as a page, or needs a login.
 */
export function registerHealth(server: FastifyInstance, deps: HealthDeps): void {
  server.get('/healthz', async (_req, reply) => {
    return reply.header('cache-control', 'no-store').send({ ok: true });
  });

  server.get('/readyz', async (_req, reply) => {
    const [database, cache, storage] = await Promise.all([
      check(async () => {
        await sql`SELECT 1`.execute(deps.db.kysely);
        return true;
      }),
      check(() => deps.pageStore.ping()),
      check(async () => {
        await deps.storage.check();
        return true;
      }),
    ]);
    const checks = { database, cache, storage };
    const ok = database === 'ok' && storage === 'ok';
    return reply
      .code(ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ ok, checks, ...(cache === 'ok' ? {} : { degraded: ['cache'] }) });
  });
}

async function check(probe: () => Promise<boolean>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return (await Promise.race([probe(), timeout])) ? 'ok' : 'failed';
  } catch {
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}
