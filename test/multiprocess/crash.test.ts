import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { dispatchEvent, WEBHOOK_DELIVER } from '../../src/webhooks/webhooks.ts';
import { makeSection, publishedArticle } from '../factories.ts';
import { type Cluster, SECRET_KEY, startCluster, until } from './harness.ts';
import { startReceiver, subscribe } from './receiver.ts';

/**
 * `kill -9` of a process in the middle of a job: webhook deliveries to a
 * receiver that holds its answers, so each process is caught holding the
 * lease of the delivery it is sending. A is killed there. B must deliver
 * everything, A's delivery once its lease has run out (not before: a lease
 * taken early would run a live job twice), and nothing may be delivered twice.
 */

const DELIVERIES = 8;
/** Short, so the takeover comes within the test; the default is five minutes. */
const LEASE_MS = 3_000;

describe('a process killed while it holds a job', () => {
  let c: Cluster;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const articleIds: number[] = [];

  beforeAll(async () => {
    receiver = await startReceiver();
    c = await startCluster({
      redisDb: 13,
      env: { JOB_LEASE_MS: String(LEASE_MS) },
      seed: async (db) => {
        const section = await makeSection(db, 'Daerah');
        for (let i = 0; i < DELIVERIES; i++)
          articleIds.push((await publishedArticle(db, section.id)).id);
      },
    });
    await subscribe(c, receiver.url, ['article.updated']);
  });
  afterAll(async () => {
    await c?.stop();
    await receiver?.close();
  });

  it('loses no job and completes none twice', async () => {
    receiver.holdAll();
    const config = loadConfig({}, { databaseUrl: c.databaseUrl, secretKey: SECRET_KEY });
    // Queued as an edit on any process queues them: one delivery, one job each.
    for (const articleId of articleIds)
      await dispatchEvent(c.db, config, 'article.updated', { articleId });

    // Each process runs one delivery at a time: two held requests are one from each.
    await until(() => receiver.received.length >= 2, 'both processes to be mid-delivery', 15_000);
    expect(receiver.received).toHaveLength(2);
    await c.a.server.kill();
    await until(
      () => receiver.received.some((r) => r.outcome === 'cut-off'),
      "A's connection to close",
      2_000,
    );
    const [cut, ...others] = [...receiver.received].sort((x, y) =>
      x.outcome === 'cut-off' ? -1 : y.outcome === 'cut-off' ? 1 : 0,
    );
    expect(others.map((r) => r.outcome)).toEqual(['held']);
    const lostId = cut?.deliveryId ?? 0;
    receiver.release();

    const k = c.db.kysely;
    await until(
      async () => {
        const open = await k
          .selectFrom('jobs')
          .select('id')
          .where('kind', '=', WEBHOOK_DELIVER)
          .where('status', '!=', 'done')
          .execute();
        return open.length === 0;
      },
      'B to finish every delivery job',
      25_000,
    );

    const deliveries = await k
      .selectFrom('webhook_deliveries')
      .select(['id', 'status', 'attempts'])
      .orderBy('id')
      .execute();
    expect(deliveries).toHaveLength(DELIVERIES);
    // Every delivery answered 200 exactly once, and recorded as one attempt that succeeded.
    expect(deliveries.every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
    const answered = receiver.answeredPerDelivery();
    expect(deliveries.map((d) => answered.get(d.id))).toEqual(Array(DELIVERIES).fill(1));

    // A's delivery: sent twice (A's copy cut off by the kill), its job claimed twice, and
    // taken over only after A's lease ran out.
    const forLost = receiver.received.filter((r) => r.deliveryId === lostId);
    expect(forLost.map((r) => r.outcome)).toEqual(['cut-off', 'answered']);
    const [first, second] = forLost;
    // (A claimed a few milliseconds before its request arrived: the margin allows for that.)
    expect((second?.arrivedAt ?? 0) - (first?.arrivedAt ?? 0)).toBeGreaterThan(LEASE_MS - 250);
    const jobs = await k
      .selectFrom('jobs')
      .select(['payload', 'attempts', 'status'])
      .where('kind', '=', WEBHOOK_DELIVER)
      .execute();
    const attempts = new Map(
      jobs.map((j) => [(JSON.parse(j.payload) as { deliveryId: number }).deliveryId, j.attempts]),
    );
    expect(attempts.get(lostId)).toBe(2);
    expect([...attempts.entries()].filter(([id]) => id !== lostId).map(([, n]) => n)).toEqual(
      Array(DELIVERIES - 1).fill(1),
    );
    // B, the survivor, still serves.
    expect((await c.b.get('/readyz')).status).toBe(200);
  }, 60_000);
});
