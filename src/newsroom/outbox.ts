import type nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { lazyRequire } from '../lib/lazy-require.ts';
import { pageOf } from './paging.ts';

/**
 * Outgoing email. Everything goes into the `outbox` table first; the periodic
 * job `mail.send-due` delivers it by SMTP when SMTP_URL is set. A failed send is kept and
 * retried with growing delays (attempts, last_error, next_attempt_at); rows are
 * never deleted, so no message is lost. Without SMTP, admins read the messages
 * on the outbox page.
 */

/** Delay before retry n (1-based): 30 s, 1 min, 2 min, … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** Queues a plain-text message; returns its id. */
export async function enqueueMail(
  db: Db,
  mail: { to: string; subject: string; text: string },
  now = Date.now(),
): Promise<number> {
  const row = await db.kysely
    .insertInto('outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject.slice(0, 200),
      body_text: mail.text,
      created_at: now,
      next_attempt_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await nudgeSender(db, now);
  return row.id;
}

/** Something that sends one message (nodemailer's transport has this shape). */
export interface MailTransport {
  sendMail(msg: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close?(): void;
}

/** nodemailer (290 KB of code), loaded when there is mail to send, not at every start. */
const mailer = lazyRequire<typeof nodemailer>('nodemailer');

/** The SMTP transport for SMTP_URL, or null when mail should stay in the outbox. */
export function smtpTransport(config: Pick<Config, 'smtpUrl'>): MailTransport | null {
  if (!config.smtpUrl) return null;
  const transport: MailTransport = mailer().createTransport({
    url: config.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return transport;
}

/**
 * Sends every due message once (at most `limit`). Each row is claimed first,
 * so two processes never send the same message. Returns how many were sent
 * and how many failed.
 */
export async function sendDue(
  db: Db,
  transport: MailTransport,
  from: string,
  now = Date.now(),
  limit = 20,
): Promise<{ sent: number; failed: number }> {
  const due = await db.kysely
    .selectFrom('outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .where('claimed_until', '<', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    const claim = await db.kysely
      .updateTable('outbox')
      .set({ claimed_until: now + 120_000 })
      .where('id', '=', row.id)
      .where('sent_at', 'is', null)
      .where('claimed_until', '<', now)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    try {
      await transport.sendMail({
        from,
        to: row.to_address,
        subject: row.subject,
        text: row.body_text,
      });
      await db.kysely
        .updateTable('outbox')
        .set({ sent_at: Date.now(), attempts: row.attempts + 1, last_error: '', claimed_until: 0 })
        .where('id', '=', row.id)
        .execute();
      sent += 1;
    } catch (err) {
      const attempts = row.attempts + 1;
      await db.kysely
        .updateTable('outbox')
        .set({
          attempts,
          last_error: String((err as Error)?.message ?? err).slice(0, 500),
          next_attempt_at: now + retryDelayMs(attempts),
          claimed_until: 0,
        })
        .where('id', '=', row.id)
        .execute();
      failed += 1;
    }
  }
  return { sent, failed };
}

/** The periodic job that sends due mail: once per period across all processes that run jobs. */
export const MAIL_SEND_DUE = 'mail.send-due';
/**
 * The sweep's period. New mail does not wait for it: `enqueueMail` moves the
 * sweep forward to now, so a message goes out at the job runner's next poll;
 * the sweep picks up retries (30 s and more after a failure).
 */
export const MAIL_SWEEP_MS = 30_000;

/**
 * Registers the mail sender as the periodic job MAIL_SEND_DUE. Without SMTP
 * (and no transport given) the job still runs and finds nothing to do, so
 * setting SMTP_URL later needs no other change than a restart.
 */
export async function registerMailJob(
  jobs: Pick<JobRunner, 'every'>,
  db: Db,
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  opts: { transport?: MailTransport } = {},
): Promise<void> {
  await jobs.every(MAIL_SEND_DUE, MAIL_SWEEP_MS, async () => {
    // A transport per pass: nodemailer's unpooled SMTP transport holds no connection between messages.
    const transport = opts.transport ?? smtpTransport(config);
    if (!transport) return;
    try {
      const { failed } = await sendDue(db, transport, config.mailFrom);
      // Kept and retried by the outbox itself; the job only reports it.
      if (failed > 0) throw new Error(`${failed} message(s) could not be sent; retried later`);
    } finally {
      if (!opts.transport) transport.close?.();
    }
  });
}

/** Brings the sweep forward to `now` (a queued periodic row only; a running one sweeps anyway). */
async function nudgeSender(db: Db, now: number): Promise<void> {
  await db.kysely
    .updateTable('jobs')
    .set({ run_at: now })
    .where('unique_key', '=', MAIL_SEND_DUE)
    .where('status', '=', 'queued')
    .where('run_at', '>', now)
    .execute();
}

export interface OutboxRow {
  id: number;
  to: string;
  subject: string;
  text: string;
  createdAt: number;
  attempts: number;
  lastError: string;
  nextAttemptAt: number;
  sentAt: number | null;
}

/** One page of the outbox, newest first (unsent first when `pendingOnly`). */
export async function listOutbox(
  db: Db,
  opts: { page: number; pageSize?: number; pendingOnly?: boolean },
): Promise<{ items: OutboxRow[]; hasMore: boolean }> {
  const size = opts.pageSize ?? 30;
  let q = db.kysely.selectFrom('outbox').selectAll();
  if (opts.pendingOnly) q = q.where('sent_at', 'is', null);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(size + 1)
    .offset((opts.page - 1) * size)
    .execute();
  return pageOf(rows, size, (r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.body_text,
    createdAt: r.created_at,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    sentAt: r.sent_at,
  }));
}
