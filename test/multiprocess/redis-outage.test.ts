import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEAR_MS } from '../../src/cache/store.ts';
import { seedCommentableArticle } from '../comments-kit.ts';
import { makeStaff, TEST_PASSWORD } from '../staff.ts';
import { PrivateRedis } from '../support/private-redis.ts';
import { act, approvedArticle, logIn, newsroom } from './clients.ts';
import { type Cluster, startCluster, until } from './harness.ts';

/**
 * The Redis both processes share goes away mid-run, first hung (SIGSTOP:
 * connections open, nothing answers, the harder case) and then crashed
 * (SIGKILL). Readers must only notice cache misses: every page answers 200
 * well within a second on both processes (Redis commands give up after
 * 250 ms), a publish on A shows on A and B, and once Redis is back the cache
 * serves again, never a page from before the publish.
 */

const EDITOR = 'redaktur.redis@warta.test';
/** Generous: a miss costs a render plus at most two Redis timeouts of 250 ms. */
const FAST_MS = 1_000;

describe('Redis stopped under two processes', () => {
  let redis: PrivateRedis;
  let c: Cluster;
  let sectionId = 0;
  let articlePath = '';

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    c = await startCluster({
      cacheUrl: redis.url,
      seed: async (db) => {
        ({ sectionId, articlePath } = await seedCommentableArticle(db, {
          challengesPerMinute: 1000,
        }));
        await makeStaff(db, 'redaktur', { email: EDITOR });
      },
    });
  });
  afterAll(async () => {
    await c?.stop();
    await redis?.kill();
  });

  const pages = () => ['/', articlePath];
  const both = () => [c.a, c.b];

  /** Until every page is a cache hit on both processes. */
  async function cached(what: string) {
    for (const node of both())
      for (const path of pages())
        await until(
          async () => (await node.get(path)).headers.get('x-cache') === 'HIT',
          `${node.name} to serve ${path} from the cache ${what}`,
        );
  }

  /**
   * Every page on both processes: 200, fast, not from the cache; returns the
   * home pages' text. (Past NEAR_MS first: a page a process read just before
   * is still at hand in its memory for that long.)
   */
  async function servedFast(label: string): Promise<string[]> {
    await new Promise((r) => setTimeout(r, NEAR_MS + 100));
    const homes: string[] = [];
    let slowest = 0;
    for (const node of both())
      for (const path of [...pages(), `/komentar/token?artikel=${articlePath.split('/')[2]}`]) {
        const started = performance.now();
        const res = await node.get(path, { 'x-forwarded-for': '203.0.113.7' });
        const ms = performance.now() - started;
        slowest = Math.max(slowest, ms);
        expect([label, node.name, path, res.status]).toEqual([label, node.name, path, 200]);
        expect(ms, `${label}: ${node.name} ${path} took ${Math.round(ms)} ms`).toBeLessThan(
          FAST_MS,
        );
        if (!path.startsWith('/komentar')) expect(res.headers.get('x-cache')).toBe('MISS');
        if (path === '/') homes.push(res.text);
      }
    console.log(`[multiprocess] Redis ${label}: slowest answer ${Math.round(slowest)} ms`);
    return homes;
  }

  /** Publishes a new article through A's newsroom; resolves with its headline. */
  async function publishOnA(editor: Awaited<ReturnType<typeof logIn>>, words: string) {
    const nr = newsroom(c.a, editor);
    const headline = `${words} ${Math.random().toString(36).slice(2, 7)}`;
    const id = await approvedArticle(nr, sectionId, headline);
    await act(nr, id, 'publish');
    return headline;
  }

  /** Every process's home shows `headline`, from the cache again. */
  async function cachedWith(headline: string, what: string) {
    await cached(what);
    for (const node of both()) expect((await node.get('/')).text).toContain(headline);
  }

  it('hung: pages stay fast, a publish shows on both, the cache serves again after', async () => {
    const editor = await logIn(c.a, EDITOR, TEST_PASSWORD);
    await cached('before the freeze');
    redis.freeze();
    try {
      await servedFast('frozen');
      const headline = await publishOnA(editor, 'Banjir surut di Jembrana');
      for (const home of await servedFast('frozen, after the publish'))
        expect(home).toContain(headline);
      // Still ready for the balancer (every process shares this Redis), marked degraded.
      const ready = await c.b.get('/readyz');
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.text).degraded).toEqual(['cache']);
      expect((await c.b.get('/healthz')).status).toBe(200);
      redis.thaw();
      // Redis still holds the pages from before the publish: they must not come back.
      for (const node of both()) expect((await node.get('/')).text).toContain(headline);
      await cachedWith(headline, 'after the thaw');
    } finally {
      redis.thaw();
    }
  });

  it('crashed: pages stay fast, a publish shows on both, the cache serves again after a restart', async () => {
    const editor = await logIn(c.a, EDITOR, TEST_PASSWORD);
    await cached('before the crash');
    await redis.kill();
    await servedFast('down');
    const headline = await publishOnA(editor, 'Harga beras turun di Tabanan');
    for (const home of await servedFast('down, after the publish'))
      expect(home).toContain(headline);
    await redis.start();
    for (const node of both())
      await until(
        async () => !JSON.parse((await node.get('/readyz')).text).degraded,
        `${node.name} ready`,
      );
    await cachedWith(headline, 'after the restart');
  });
});
