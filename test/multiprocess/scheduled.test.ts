import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkflowAction } from '../../src/content/commands/workflow-action.ts';
import { createArticle } from '../../src/content/commands.ts';
import { enqueueScheduledPublish, PUBLISH_SCHEDULED } from '../../src/jobs/publish-scheduled.ts';
import { EventBus } from '../../src/lib/events.ts';
import { buildArticle, makeSection } from '../factories.ts';
import { makeStaff } from '../staff.ts';
import { type Cluster, startCluster, until } from './harness.ts';
import { startReceiver, subscribe } from './receiver.ts';

/**
 * Scheduled publishing while both processes run jobs: every article due at
 * the same moment is published exactly once. The runner polls every five
 * seconds and takes ten due jobs per poll, so with more articles than that
 * both processes publish some (each process's SITE_URL differs here only so
 * the webhook body, which names the article's address, tells who published).
 */

const ARTICLES = 12;

describe('scheduled publishing with two processes running jobs', () => {
  let c: Cluster;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let sectionId = 0;
  let editorId = 0;

  beforeAll(async () => {
    receiver = await startReceiver();
    c = await startCluster({
      redisDb: 12,
      envA: { SITE_URL: 'http://a.warta-mp.test' },
      envB: { SITE_URL: 'http://b.warta-mp.test' },
      seed: async (db) => {
        sectionId = (await makeSection(db, 'Daerah')).id;
        editorId = (await makeStaff(db, 'redaktur')).id;
      },
    });
    await subscribe(c, receiver.url, ['article.published']);
  });
  afterAll(async () => {
    await c?.stop();
    await receiver?.close();
  });

  it('publishes each article once: one job run, one audit entry, one published event', async () => {
    const at = Date.now() + 1_500;
    const actor = { role: 'redaktur' as const, userId: editorId };
    const ids: number[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const id = await createArticle(
        c.db.kysely,
        buildArticle(sectionId, { authorId: editorId, headline: `Terjadwal ${i + 1} pukul lima` }),
      );
      // The same commands as the newsroom's buttons; the schedule hook writes the job.
      const on = { db: c.db, events: new EventBus(), actor, articleId: id };
      await runWorkflowAction({ ...on, action: 'submit' });
      await runWorkflowAction({ ...on, action: 'approve' });
      await runWorkflowAction({
        ...on,
        action: 'schedule',
        scheduleAt: at,
        onSchedule: enqueueScheduledPublish(c.db),
      });
      ids.push(id);
    }
    const k = c.db.kysely;
    await until(
      async () => {
        const rows = await k
          .selectFrom('articles')
          .select('id')
          .where('id', 'in', ids)
          .where('status', '=', 'published')
          .execute();
        return rows.length === ARTICLES;
      },
      'every article to be published',
      30_000,
    );
    // Their webhooks are jobs too: wait for every one to be answered.
    await until(() => receiver.received.length >= ARTICLES, 'the published events', 20_000);
    // A moment for a second copy of anything to show up, if it were going to.
    await new Promise((r) => setTimeout(r, 300));

    const articles = await k
      .selectFrom('articles')
      .select(['id', 'status', 'published_at'])
      .where('id', 'in', ids)
      .execute();
    expect(articles.every((a) => a.status === 'published' && Number(a.published_at) === at)).toBe(
      true,
    );
    const jobs = await k
      .selectFrom('jobs')
      .select(['payload', 'status', 'attempts'])
      .where('kind', '=', PUBLISH_SCHEDULED)
      .execute();
    expect(jobs).toHaveLength(ARTICLES);
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    const audits = await k
      .selectFrom('audit_log')
      .select('target')
      .where('action', '=', 'article.published')
      .execute();
    expect(audits.map((a) => a.target).sort()).toEqual(ids.map((id) => `article:${id}`).sort());

    // One published event per article, announced by whichever process published it.
    const events = receiver.received.map((r) => {
      const article = (r.body.data as { article: { id: number; url: string } }).article;
      return { id: article.id, by: new URL(article.url).hostname.split('.')[0] };
    });
    expect(events.map((e) => e.id).sort((x, y) => x - y)).toEqual(ids);
    const byProcess = { a: 0, b: 0 };
    for (const e of events) byProcess[e.by as 'a' | 'b'] += 1;
    console.log(`[multiprocess] scheduled: published by A ${byProcess.a}, by B ${byProcess.b}`);
    expect(byProcess.a).toBeGreaterThan(0);
    expect(byProcess.b).toBeGreaterThan(0);
    const deliveries = await k.selectFrom('webhook_deliveries').select('status').execute();
    expect(deliveries.map((d) => d.status)).toEqual(Array(ARTICLES).fill('delivered'));
  }, 60_000);
});
