import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import { getPublishedArticle } from '../content/published-article.ts';
import type { Db } from '../db/connection.ts';
import { enqueueJob, type JobHandler } from '../jobs/runner.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { enqueueMail } from '../newsroom/outbox.ts';
import { DEFAULT_LIMITS, type SendLimits, sendSigned, signPayload } from './send.ts';
import { parseTargetUrl, resolveTarget } from './ssrf.ts';

/** The events an endpoint can subscribe to. */
export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'comment.approved',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The job kind that makes one delivery attempt. */
export const WEBHOOK_DELIVER = 'webhook.deliver';

/** Retries stop (and the endpoint is paused) once a delivery has failed for this long. */
export const GIVE_UP_MS = 24 * 3_600_000;

/** Delay before retry `n` (1-based): 30 s doubling, at most an hour; about 30 tries in 24 h. */
export function retryDelay(n: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, n - 1));
}

function sealKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('warta-webhooks:secret-seal').digest();
}

function seal(serverSecret: string, value: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', sealKey(serverSecret), iv);
  const data = Buffer.concat([c.update(value, 'utf8'), c.final()]);
  return [iv, c.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

function unseal(serverSecret: string, sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !data) throw new Error('bad sealed secret');
  const d = createDecipheriv('aes-256-gcm', sealKey(serverSecret), iv);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(data), d.final()]).toString('utf8');
}

/** An endpoint as the newsroom lists it. */
export interface EndpointInfo {
  id: number;
  url: string;
  events: WebhookEvent[];
  allowPrivate: boolean;
  pausedAt: number | null;
  createdAt: number;
}

/**
 * Adds an endpoint after checking its URL against SSRF (a private or loopback
 * target needs `allowPrivate`, the admin's explicit permission for this host).
 * Returns the signing secret, shown once.
 */
export async function createEndpoint(
  db: Db,
  config: Config,
  input: { url: string; events: WebhookEvent[]; allowPrivate: boolean; createdBy: number | null },
  now = Date.now(),
): Promise<{ id: number; secret: string }> {
  await resolveTarget(input.url, input.allowPrivate);
  if (input.events.length === 0) throw new AppError('BAD_REQUEST', 'no events');
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const row = await db.kysely
    .insertInto('webhook_endpoints')
    .values({
      url: parseTargetUrl(input.url).toString(),
      events: JSON.stringify(input.events),
      secret: seal(config.secretKey, secret),
      allow_private: input.allowPrivate ? 1 : 0,
      active: 1,
      paused_at: null,
      failing_since: null,
      created_by: input.createdBy,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, secret };
}

/** Every endpoint that is not deleted, newest first. */
export async function listEndpoints(db: Db): Promise<EndpointInfo[]> {
  const rows = await db.kysely
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    events: JSON.parse(r.events) as WebhookEvent[],
    allowPrivate: r.allow_private === 1,
    pausedAt: r.paused_at == null ? null : Number(r.paused_at),
    createdAt: Number(r.created_at),
  }));
}

/** Removes an endpoint (its log stays readable in the database); false when unknown. */
export async function deleteEndpoint(db: Db, id: number): Promise<boolean> {
  const r = await db.kysely
    .updateTable('webhook_endpoints')
    .set({ active: 0 })
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Resumes a paused endpoint: new events are delivered again. */
export async function resumeEndpoint(db: Db, id: number): Promise<void> {
  await db.kysely
    .updateTable('webhook_endpoints')
    .set({ paused_at: null, failing_since: null })
    .where('id', '=', id)
    .execute();
}

/** One line of an endpoint's delivery log. */
export interface DeliveryInfo {
  id: number;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  durationMs: number | null;
  excerpt: string;
  error: string;
  createdAt: number;
  lastAttemptAt: number | null;
}

/** The latest deliveries of an endpoint, newest first. */
export async function listDeliveries(
  db: Db,
  endpointId: number,
  limit = 100,
): Promise<DeliveryInfo[]> {
  const rows = await db.kysely
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    event: r.event,
    status: r.status,
    attempts: r.attempts,
    responseStatus: r.response_status,
    durationMs: r.duration_ms,
    excerpt: r.response_excerpt ?? '',
    error: r.error ?? '',
    createdAt: Number(r.created_at),
    lastAttemptAt: r.last_attempt_at == null ? null : Number(r.last_attempt_at),
  }));
}

/** Queues a delivery of `payload` to one endpoint (a row in the log plus a job). */
async function queueDelivery(
  db: Db,
  endpointId: number,
  event: string,
  payload: string,
  now = Date.now(),
): Promise<number> {
  const row = await db.kysely
    .insertInto('webhook_deliveries')
    .values({
      endpoint_id: endpointId,
      event,
      payload,
      status: 'queued',
      response_status: null,
      duration_ms: null,
      response_excerpt: null,
      error: null,
      created_at: now,
      last_attempt_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueJob(db, WEBHOOK_DELIVER, { deliveryId: row.id }, now);
  return row.id;
}

/** "Send again": a new delivery of the same body (a fresh 24-hour retry window). */
export async function resendDelivery(db: Db, deliveryId: number): Promise<number | null> {
  const d = await db.kysely
    .selectFrom('webhook_deliveries')
    .select(['endpoint_id', 'event', 'payload'])
    .where('id', '=', deliveryId)
    .executeTakeFirst();
  if (!d) return null;
  return queueDelivery(db, d.endpoint_id, d.event, d.payload);
}

/**
 * Queues one delivery per subscribed, unpaused endpoint. The body says what
 * happened and, for a published or updated article, what a reader sees (read
 * through the pages' own lookup, so nothing unpublished leaks).
 */
export async function dispatchEvent(
  db: Db,
  config: Config,
  event: WebhookEvent,
  data: { articleId: number; commentId?: number },
  now = Date.now(),
): Promise<number> {
  const endpoints = (await listEndpoints(db)).filter(
    (e) => e.pausedAt == null && e.events.includes(event),
  );
  if (endpoints.length === 0) return 0;
  let article: Record<string, unknown> = { id: data.articleId };
  if (event !== 'article.unpublished') {
    const found = await getPublishedArticle(db.kysely, data.articleId, now);
    if (found.kind === 'found') {
      const a = found.article;
      article = {
        id: a.id,
        url: `${config.siteUrl}${a.url}`,
        headline: a.headline,
        section: a.section.slug,
        published_at: new Date(a.publishedAt).toISOString(),
        updated_at: new Date(a.updatedAt).toISOString(),
      };
    }
  }
  const body = JSON.stringify({
    event,
    occurred_at: new Date(now).toISOString(),
    data: { article, ...(data.commentId ? { comment: { id: data.commentId } } : {}) },
  });
  for (const e of endpoints) await queueDelivery(db, e.id, event, body, now);
  return endpoints.length;
}

/** Subscribes webhooks to the domain events: listeners only queue jobs, never deliver. */
export function wireWebhooks(events: EventBus, db: Db, config: Config): void {
  for (const name of ['article.published', 'article.updated', 'article.unpublished'] as const) {
    events.on(name, ({ articleId }) =>
      dispatchEvent(db, config, name, { articleId }).then(() => {}),
    );
  }
  events.on('comment.approved', ({ articleId, commentId }) =>
    dispatchEvent(db, config, 'comment.approved', { articleId, commentId }).then(() => {}),
  );
}

/**
 * The job that makes one attempt. Success clears the endpoint's failure
 * state; a failure schedules the next attempt with exponential backoff until
 * the delivery has failed for 24 hours, then the endpoint is paused and every
 * admin gets an email (through the outbox). Nothing is retried forever.
 */
export function deliveryHandler(
  db: Db,
  config: Config,
  opts: { limits?: SendLimits; now?: () => number } = {},
): JobHandler {
  const now = opts.now ?? Date.now;
  return async (payload) => {
    const deliveryId = Number(payload.deliveryId);
    const k = db.kysely;
    const d = await k
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .select([
        'd.id',
        'd.payload',
        'd.event',
        'd.attempts',
        'd.created_at',
        'd.status',
        'e.id as endpoint_id',
        'e.url',
        'e.secret',
        'e.allow_private',
        'e.active',
        'e.paused_at',
      ])
      .where('d.id', '=', deliveryId)
      .executeTakeFirst();
    if (!d || d.status === 'delivered' || d.status === 'failed') return;
    if (d.active !== 1) {
      await k
        .updateTable('webhook_deliveries')
        .set({ status: 'failed', error: 'endpoint removed' })
        .where('id', '=', d.id)
        .execute();
      return;
    }
    const t = now();
    const ts = Math.floor(t / 1000);
    let result: Awaited<ReturnType<typeof sendSigned>>;
    try {
      const target = await resolveTarget(d.url, d.allow_private === 1);
      result = await sendSigned(
        target,
        {
          'warta-webhook-id': String(d.id),
          'warta-webhook-event': d.event,
          'warta-webhook-timestamp': String(ts),
          'warta-webhook-signature': signPayload(unseal(config.secretKey, d.secret), ts, d.payload),
        },
        d.payload,
        opts.limits ?? DEFAULT_LIMITS,
      );
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'error';
      result = { ok: false, status: null, durationMs: 0, excerpt: '', error: code };
    }
    const attempts = d.attempts + 1;
    const common = {
      attempts,
      response_status: result.status,
      duration_ms: result.durationMs,
      response_excerpt: result.excerpt,
      error: result.error,
      last_attempt_at: t,
    };
    if (result.ok) {
      await k
        .updateTable('webhook_deliveries')
        .set({ ...common, status: 'delivered' })
        .where('id', '=', d.id)
        .execute();
      await k
        .updateTable('webhook_endpoints')
        .set({ failing_since: null })
        .where('id', '=', d.endpoint_id)
        .execute();
      return;
    }
    await k
      .updateTable('webhook_endpoints')
      .set({ failing_since: t })
      .where('id', '=', d.endpoint_id)
      .where('failing_since', 'is', null)
      .execute();
    if (t - Number(d.created_at) < GIVE_UP_MS) {
      await k
        .updateTable('webhook_deliveries')
        .set({ ...common, status: 'retrying' })
        .where('id', '=', d.id)
        .execute();
      await enqueueJob(db, WEBHOOK_DELIVER, { deliveryId: d.id }, t + retryDelay(attempts));
      return;
    }
    await k
      .updateTable('webhook_deliveries')
      .set({ ...common, status: 'failed' })
      .where('id', '=', d.id)
      .execute();
    const paused = await k
      .updateTable('webhook_endpoints')
      .set({ paused_at: t })
      .where('id', '=', d.endpoint_id)
      .where('paused_at', 'is', null)
      .executeTakeFirst();
    if (Number(paused.numUpdatedRows) === 1) await tellAdmins(db, config, d.url, t);
  };
}

async function tellAdmins(db: Db, config: Config, url: string, now: number): Promise<void> {
  const admins = await db.kysely
    .selectFrom('users')
    .select(['email', 'lang'])
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .execute();
  for (const a of admins) {
    const en = a.lang === 'en';
    await enqueueMail(
      db,
      {
        to: a.email,
        subject: en ? `Webhook paused: ${url}` : `Webhook dihentikan sementara: ${url}`,
        text: en
          ? `Deliveries to ${url} have failed for 24 hours, so the endpoint is paused.\nCheck the receiver, then resume it in the newsroom: ${config.siteUrl}/newsroom/api`
          : `Pengiriman ke ${url} gagal selama 24 jam, jadi endpoint ini dihentikan sementara.\nPeriksa penerimanya, lalu aktifkan lagi di redaksi: ${config.siteUrl}/newsroom/api`,
      },
      now,
    );
  }
}
