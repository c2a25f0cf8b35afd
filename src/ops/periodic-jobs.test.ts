import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentableArticle } from '../../test/comments-kit.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { startSmtpServer } from '../../test/smtp-server.ts';
import { type App, buildApp } from '../app.ts';
import { COMMENTS_RETENTION, RETENTION_PERIOD_MS } from '../comments/retention-job.ts';
import { enqueueMail, listOutbox, MAIL_SEND_DUE, MAIL_SWEEP_MS } from '../newsroom/outbox.ts';

/**
 * The mail sender and the comments' retention sweep are periodic jobs: one
 * row each in the queue however many processes register them, run by
 * whichever process claims it, and nothing of theirs runs on a timer.
 */
describe.each(DIALECTS)('mail and retention as periodic jobs (%s)', (dialect) => {
  let app: TestApp;
  let second: App;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await testApp(dialect, { smtpUrl: smtp.url, mailFrom: 'Warta <redaksi@warta.test>' });
    // A second process on the same database (`serve --no-jobs` next to a worker).
    second = await buildApp({ ...app.config, runJobs: false }, { db: app.db });
  });
  afterAll(async () => {
    await second?.close();
    await app?.dispose();
    await smtp?.close();
  });

  const periodic = (kind: string) =>
    app.db.kysely
      .selectFrom('jobs')
      .select(['id', 'status', 'run_at', 'unique_key'])
      .where('kind', '=', kind)
      .execute();
  /** Settles the job runner's own first poll, so the test's runDue is the one that runs. */
  const dueNow = async (kind: string) => {
    await app.jobs.runDue();
    await app.db.kysely
      .updateTable('jobs')
      .set({ run_at: 0 })
      .where('unique_key', '=', kind)
      .execute();
  };

  it('registers each job once, across two apps on one database', async () => {
    for (const kind of [MAIL_SEND_DUE, COMMENTS_RETENTION]) {
      const rows = await periodic(kind);
      expect(rows, kind).toHaveLength(1);
      expect(rows[0]?.unique_key).toBe(kind);
    }
  });

  it('new mail brings the sweep forward; the job sends it and waits a period again', async () => {
    await app.jobs.runDue();
    const [before] = await periodic(MAIL_SEND_DUE);
    expect(before?.run_at).toBeGreaterThan(Date.now());
    const to = `pembaca.${dialect}@warta.test`;
    const id = await enqueueMail(app.db, { to, subject: 'Uji antrean', text: 'Isi surat uji' });
    const [nudged] = await periodic(MAIL_SEND_DUE);
    expect(nudged?.run_at).toBeLessThanOrEqual(Date.now());
    // The --no-jobs app never runs it (it does not poll); the job-running app does.
    await app.jobs.runDue();
    expect(smtp.received.map((m) => m.to)).toContainEqual([`<${to}>`]);
    const row = (await listOutbox(app.db, { page: 1 })).items.find((r) => r.id === id);
    expect(row?.sentAt).not.toBeNull();
    const [after] = await periodic(MAIL_SEND_DUE);
    expect(after?.status).toBe('queued');
    expect(after?.run_at).toBeGreaterThan(Date.now() + MAIL_SWEEP_MS - 5_000);
  });

  it('the retention job drops expired address hashes and spent challenges', async () => {
    const a = await commentableArticle(app);
    const old = Date.now() - 400 * 86_400_000;
    const comment = await app.db.kysely
      .insertInto('comments')
      .values({
        article_id: a.id,
        parent_id: null,
        depth: 0,
        author_name: 'Lama',
        body: 'Komentar lama sekali.',
        status: 'approved',
        created_at: old,
        updated_at: old,
        email_hash: 'e'.repeat(64),
        body_hash: `b${dialect}`.padEnd(64, '0'),
        ip_hash: 'i'.repeat(64),
        website: '',
        held_reasons: '[]',
        notify_email: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await app.db.kysely
      .insertInto('comment_challenges_spent')
      .values({ nonce: `n-${dialect}`, expires_at: Date.now() - 1000 })
      .execute();
    await dueNow(COMMENTS_RETENTION);
    await app.jobs.runDue();
    const row = await app.db.kysely
      .selectFrom('comments')
      .select('ip_hash')
      .where('id', '=', comment.id)
      .executeTakeFirstOrThrow();
    expect(row.ip_hash).toBeNull();
    const spent = await app.db.kysely
      .selectFrom('comment_challenges_spent')
      .select('nonce')
      .where('nonce', '=', `n-${dialect}`)
      .execute();
    expect(spent).toHaveLength(0);
    const [job] = await periodic(COMMENTS_RETENTION);
    expect(job?.status).toBe('queued');
    expect(job?.run_at).toBeGreaterThan(Date.now() + RETENTION_PERIOD_MS - 60_000);
  });
});
