import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, makeSection } from '../../test/factories.ts';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import { makeStaff } from '../../test/staff.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { runWorkflowAction } from '../content/commands/workflow-action.ts';
import { createArticle } from '../content/commands.ts';
import { enqueueScheduledPublish } from './publish-scheduled.ts';
import { backoffDelay, enqueueJob, startJobRunner, stopJobRunner } from './runner.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('backoff', () => {
  it('doubles from the base and stops at an hour', () => {
    expect(backoffDelay(1, 1000)).toBe(1000);
    expect(backoffDelay(2, 1000)).toBe(2000);
    expect(backoffDelay(4, 1000)).toBe(8000);
    expect(backoffDelay(40, 1000)).toBe(3_600_000);
  });
});

describe('JOB_POLL_MS', () => {
  const secretKey = 'test-secret-key-of-at-least-thirty-two-characters';
  it('is 5 s by default and takes a number of milliseconds; refuses anything else by name', () => {
    expect(loadConfig({}, { secretKey }).jobPollMs).toBe(5000);
    expect(loadConfig({ JOB_POLL_MS: '250' }, { secretKey }).jobPollMs).toBe(250);
    for (const bad of ['soon', '50', '1.5', '700000'])
      expect(() => loadConfig({ JOB_POLL_MS: bad }, { secretKey }), bad).toThrow(/JOB_POLL_MS/);
  });
});

describe.each(DIALECTS)('job runner on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(dialect);
  });
  afterAll(() => t.dispose());

  const status = async (id: number) =>
    t.db.kysely
      .selectFrom('jobs')
      .select(['status', 'attempts', 'last_error', 'run_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('runs a periodic job once per period across two runners, and again after a failure', async () => {
    let clock = 1_000_000;
    const now = () => clock;
    const runs: string[] = [];
    let fail = false;
    const handler = (who: string) => async () => {
      runs.push(who);
      if (fail) throw new Error('mail server down');
    };
    const a = startJobRunner(t.db, {}, { poll: false, now });
    const b = startJobRunner(t.db, {}, { poll: false, now });
    // Both processes declare it at start: one row.
    await a.every('sweep.test', 60_000, handler('a'));
    await b.every('sweep.test', 60_000, handler('b'));
    const rows = await t.db.kysely
      .selectFrom('jobs')
      .select('id')
      .where('unique_key', '=', 'sweep.test')
      .execute();
    expect(rows).toHaveLength(1);

    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    expect(runs).toHaveLength(1);
    clock += 59_000;
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toHaveLength(1);
    clock += 1_000;
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toHaveLength(2);

    // A failure is retried (after its backoff, never later than the period) and never given up.
    fail = true;
    for (let i = 0; i < 10; i++) {
      clock += 60_000;
      await a.runDue();
    }
    expect(runs).toHaveLength(12);
    const row = await status(rows[0]?.id ?? 0);
    expect(row.status).toBe('queued');
    expect(row.last_error).toBe('mail server down');
    await stopJobRunner(a);
    await stopJobRunner(b);
  });

  it('runs a due job once even with two runners polling the same database', async () => {
    const runs: number[] = [];
    const handler = async (p: Record<string, unknown>) => {
      await sleep(20);
      runs.push(Number(p.n));
    };
    const a = startJobRunner(t.db, { count: handler }, { pollMs: 60_000 });
    const b = startJobRunner(t.db, { count: handler }, { pollMs: 60_000 });
    const ids = await Promise.all([1, 2, 3, 4, 5].map((n) => enqueueJob(t.db, 'count', { n })));
    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    await stopJobRunner(a);
    await stopJobRunner(b);
    expect(runs.sort()).toEqual([1, 2, 3, 4, 5]);
    for (const id of ids) expect((await status(id)).status).toBe('done');
  });

  it('leaves future jobs alone', async () => {
    const runner = startJobRunner(t.db, { later: async () => {} }, { pollMs: 60_000 });
    const id = await enqueueJob(t.db, 'later', {}, Date.now() + 3_600_000);
    await runner.runDue();
    await stopJobRunner(runner);
    expect((await status(id)).status).toBe('queued');
  });

  it('retries a failing job with backoff, then marks it failed', async () => {
    let calls = 0;
    let clock = Date.now();
    const runner = startJobRunner(
      t.db,
      {
        flaky: async () => {
          calls++;
          throw new Error('smtp down');
        },
      },
      { pollMs: 60_000, maxAttempts: 2, backoffMs: 1000, now: () => clock },
    );
    const id = await enqueueJob(t.db, 'flaky', {}, clock);
    await runner.runDue();
    const first = await status(id);
    expect(first).toMatchObject({ status: 'queued', attempts: 1, last_error: 'smtp down' });
    expect(first.run_at).toBe(clock + 1000);
    await runner.runDue(); // not due yet
    expect(calls).toBe(1);
    clock += 1000;
    await runner.runDue();
    expect(await status(id)).toMatchObject({ status: 'failed', attempts: 2 });
    await stopJobRunner(runner);
  });

  it('reclaims a job whose worker died (lease expired)', async () => {
    const id = await enqueueJob(t.db, 'orphan', {});
    await t.db.kysely
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_until: Date.now() - 1 })
      .where('id', '=', id)
      .execute();
    let ran = false;
    const runner = startJobRunner(
      t.db,
      {
        orphan: async () => {
          ran = true;
        },
      },
      { pollMs: 60_000 },
    );
    await runner.runDue();
    await stopJobRunner(runner);
    expect(ran).toBe(true);
    expect(await status(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('publishes a scheduled article after a restart in between (two app instances)', async () => {
    const config = loadConfig(
      {},
      {
        databaseUrl: t.url,
        logLevel: 'silent',
        pageCacheTtl: 0,
        secretKey: 'test-secret-key-of-at-least-thirty-two-characters',
      },
    );
    const first = await buildApp(config, { db: t.db });
    const section = await makeSection(t.db);
    const id = await createArticle(t.db.kysely, buildArticle(section.id, { authorId: 1 }));
    const editor = { role: 'redaktur' as const, userId: (await makeStaff(t.db, 'redaktur')).id };
    const at = Date.now() + 1500;
    const on = { db: first.db, events: first.events, actor: editor, articleId: id };
    await runWorkflowAction({ ...on, action: 'submit' });
    await runWorkflowAction({ ...on, action: 'approve' });
    await runWorkflowAction({
      ...on,
      action: 'schedule',
      scheduleAt: at,
      onSchedule: enqueueScheduledPublish(first.db),
    });
    await first.close();
    await sleep(Math.max(0, at - Date.now()) + 50);

    // The second process has never heard of the article; the job is in the database.
    const second = await buildApp(config, { db: t.db });
    const published: number[] = [];
    second.events.on('article.published', (e) => void published.push(e.articleId));
    const deadline = Date.now() + 30_000;
    let row = { status: '', published_at: null as number | null };
    while (Date.now() < deadline) {
      row = await t.db.kysely
        .selectFrom('articles')
        .select(['status', 'published_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      if (row.status === 'published') break;
      await sleep(100);
    }
    await second.close();
    expect(row.status).toBe('published');
    expect(row.published_at).toBe(at);
    expect(published).toEqual([id]);
  }, 40_000);
});
