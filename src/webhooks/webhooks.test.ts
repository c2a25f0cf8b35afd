import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeSection, publishedArticle } from '../../test/factories.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { makeStaff } from '../../test/staff.ts';
import { AppError } from '../lib/errors.ts';
import { isPrivateAddress } from './ssrf.ts';
import {
  createEndpoint,
  deliveryHandler,
  dispatchEvent,
  GIVE_UP_MS,
  listDeliveries,
  resendDelivery,
} from './webhooks.ts';

/** What the receiver answers next (status, headers), per test. */
type Answer = { status: number; headers?: Record<string, string>; hang?: boolean };

/**
 * Verification exactly as the README shows receivers: HMAC-SHA256 over
 * `timestamp.body`, compared in constant time, timestamp not older than 5 minutes.
 */
function verify(secret: string, req: IncomingMessage, body: string): boolean {
  const ts = String(req.headers['warta-webhook-timestamp']);
  const sig = String(req.headers['warta-webhook-signature']);
  const want = `v1=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;
  const fresh = Math.abs(Date.now() / 1000 - Number(ts)) < 300;
  return (
    fresh && sig.length === want.length && timingSafeEqual(Buffer.from(sig), Buffer.from(want))
  );
}

describe('webhook targets and server-side request forgery', () => {
  it('tells private, loopback and link-local addresses from public ones', () => {
    for (const a of [
      '127.0.0.1',
      '10.2.3.4',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '100.64.0.1',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111'])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe.each(DIALECTS)('webhooks on %s', (dialect) => {
  let app: TestApp;
  let receiver: Server;
  let base: string;
  let answers: Answer[] = [];
  let hits: { req: IncomingMessage; body: string }[] = [];
  let section: { id: number };

  beforeAll(async () => {
    app = await testApp(dialect);
    section = await makeSection(app.db, 'Hukum');
    await makeStaff(app.db, 'admin', { lang: 'id' });
    receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        hits.push({ req, body });
        const a = answers.shift() ?? { status: 200 };
        if (a.hang) return;
        res.writeHead(a.status, a.headers).end(`jawaban ${a.status}`);
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
    await app.dispose();
  });
  beforeEach(async () => {
    answers = [];
    hits = [];
    await app.db.kysely.updateTable('webhook_endpoints').set({ active: 0 }).execute();
  });

  const blocked = async (url: string) => {
    const e = await createEndpoint(app.db, app.config, {
      url,
      events: ['article.published'],
      allowPrivate: false,
      createdBy: null,
    }).catch((x) => x);
    return e instanceof AppError ? e.code : 'accepted';
  };

  it('refuses loopback, metadata and private targets unless the host is allowed', async () => {
    expect(await blocked(`${base}/terima`)).toBe('WEBHOOK_URL_BLOCKED');
    expect(await blocked('http://169.254.169.254/latest/meta-data')).toBe('WEBHOOK_URL_BLOCKED');
    expect(await blocked('http://localhost:9/x')).toBe('WEBHOOK_URL_BLOCKED');
    expect(await blocked('http://[::1]/x')).toBe('WEBHOOK_URL_BLOCKED');
    expect(await blocked('http://10.0.0.5/x')).toBe('WEBHOOK_URL_BLOCKED');
    expect(await blocked('ftp://example.com/x')).toBe('WEBHOOK_URL_INVALID');
    expect(await blocked('http://user:rahasia@example.com/x')).toBe('WEBHOOK_URL_INVALID');
    expect(await blocked('bukan alamat')).toBe('WEBHOOK_URL_INVALID');
    const ok = await createEndpoint(app.db, app.config, {
      url: `${base}/terima`,
      events: ['article.published'],
      allowPrivate: true,
      createdBy: null,
    });
    expect(ok.secret).toMatch(/^whsec_/);
  });

  it('queues on publish, delivers from the job runner, signed', async () => {
    const { secret, id } = await createEndpoint(app.db, app.config, {
      url: `${base}/terima`,
      events: ['article.published', 'article.updated'],
      allowPrivate: true,
      createdBy: null,
    });
    const a = await publishedArticle(
      app.db,
      section.id,
      { headline: 'Sidang sengketa lahan Canggu ditunda' },
      Date.now() - 60_000,
      app.events,
    );
    expect(hits).toHaveLength(0); // nothing is sent from the request that published
    const [queued] = await listDeliveries(app.db, id);
    expect(queued?.status).toBe('queued');
    await app.jobs.runDue();
    expect(hits).toHaveLength(1);
    const hit = hits[0] as { req: IncomingMessage; body: string };
    expect(verify(secret, hit.req, hit.body)).toBe(true);
    expect(verify('whsec_lain', hit.req, hit.body)).toBe(false);
    const sent = JSON.parse(hit.body);
    expect(sent).toMatchObject({
      event: 'article.published',
      data: { article: { id: a.id, headline: 'Sidang sengketa lahan Canggu ditunda' } },
    });
    const [log] = await listDeliveries(app.db, id);
    expect(log).toMatchObject({
      status: 'delivered',
      responseStatus: 200,
      excerpt: 'jawaban 200',
      attempts: 1,
    });
    // "Send again" makes a new delivery of the same body.
    await resendDelivery(app.db, log?.id as number);
    await app.jobs.runDue();
    expect(hits[1]?.body).toBe(hit.body);
  });

  it('retries a failing target with backoff, and does not follow redirects', async () => {
    const { id } = await createEndpoint(app.db, app.config, {
      url: `${base}/terima`,
      events: ['article.published'],
      allowPrivate: true,
      createdBy: null,
    });
    answers = [
      { status: 500 },
      { status: 302, headers: { location: `${base}/lain` } },
      { status: 204 },
    ];
    await dispatchEvent(app.db, app.config, 'article.published', { articleId: 999 });
    await app.jobs.runDue();
    let [log] = await listDeliveries(app.db, id);
    expect(log).toMatchObject({ status: 'retrying', responseStatus: 500, attempts: 1 });
    const due = await app.db.kysely
      .selectFrom('jobs')
      .select(['id', 'run_at'])
      .where('kind', '=', 'webhook.deliver')
      .where('status', '=', 'queued')
      .execute();
    expect(due).toHaveLength(1);
    expect(Number(due[0]?.run_at)).toBeGreaterThan(Date.now() + 20_000);
    const makeDue = () =>
      app.db.kysely
        .updateTable('jobs')
        .set({ run_at: Date.now() - 1 })
        .where('kind', '=', 'webhook.deliver')
        .where('status', '=', 'queued')
        .execute();
    await makeDue();
    await app.jobs.runDue();
    [log] = await listDeliveries(app.db, id);
    expect(log).toMatchObject({
      status: 'retrying',
      responseStatus: 302,
      error: 'redirect not followed',
    });
    expect(hits.map((h) => h.req.url)).toEqual(['/terima', '/terima']);
    await makeDue();
    await app.jobs.runDue();
    [log] = await listDeliveries(app.db, id);
    expect(log).toMatchObject({ status: 'delivered', responseStatus: 204, attempts: 3 });
  });

  it('gives up after 24 hours, pauses the endpoint and tells the admins', async () => {
    const { id } = await createEndpoint(app.db, app.config, {
      url: `${base}/terima`,
      events: ['article.published'],
      allowPrivate: true,
      createdBy: null,
    });
    answers = [{ status: 503 }];
    await dispatchEvent(
      app.db,
      app.config,
      'article.published',
      { articleId: 999 },
      Date.now() - GIVE_UP_MS - 1000,
    );
    await app.db.kysely
      .updateTable('jobs')
      .set({ run_at: Date.now() - 1 })
      .where('kind', '=', 'webhook.deliver')
      .where('status', '=', 'queued')
      .execute();
    await app.jobs.runDue();
    const [log] = await listDeliveries(app.db, id);
    expect(log?.status).toBe('failed');
    const ep = await app.db.kysely
      .selectFrom('webhook_endpoints')
      .select('paused_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(ep.paused_at).not.toBeNull();
    const mail = await app.db.kysely
      .selectFrom('outbox')
      .select('subject')
      .where('subject', 'like', 'Webhook dihentikan%')
      .execute();
    expect(mail).toHaveLength(1);
    expect(
      await app.db.kysely
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'webhook.deliver')
        .where('status', '=', 'queued')
        .execute(),
    ).toHaveLength(0);
    // A paused endpoint gets no new deliveries.
    expect(await dispatchEvent(app.db, app.config, 'article.published', { articleId: 999 })).toBe(
      0,
    );
  });

  it('bounds a target that hangs, and re-checks the address when delivering', async () => {
    const { id } = await createEndpoint(app.db, app.config, {
      url: `${base}/terima`,
      events: ['article.published'],
      allowPrivate: true,
      createdBy: null,
    });
    answers = [{ status: 200, hang: true }];
    await dispatchEvent(app.db, app.config, 'article.published', { articleId: 999 });
    const [queued] = await listDeliveries(app.db, id);
    const quick = deliveryHandler(app.db, app.config, {
      limits: { timeoutMs: 200, maxResponseBytes: 1024 },
    });
    await quick({ deliveryId: queued?.id }, { id: 0, attempts: 1 });
    let [log] = await listDeliveries(app.db, id);
    expect(log).toMatchObject({ status: 'retrying', error: 'timeout' });
    // The permission is withdrawn (as if the name now pointed inside): nothing is sent.
    await app.db.kysely
      .updateTable('webhook_endpoints')
      .set({ allow_private: 0 })
      .where('id', '=', id)
      .execute();
    const before = hits.length;
    await quick({ deliveryId: queued?.id }, { id: 0, attempts: 2 });
    [log] = await listDeliveries(app.db, id);
    expect(log).toMatchObject({ status: 'retrying', error: 'WEBHOOK_URL_BLOCKED' });
    expect(hits.length).toBe(before);
  });

  it('verifies HTTPS certificates: a self-signed target fails with a clear logged error', async () => {
    const tls = new URL('../../test/fixtures/tls/', import.meta.url);
    let reached = 0;
    const secure = createHttpsServer(
      {
        key: readFileSync(new URL('self-signed.key', tls)),
        cert: readFileSync(new URL('self-signed.crt', tls)),
      },
      (_req, res) => {
        reached += 1;
        res.end('ok');
      },
    );
    await new Promise<void>((r) => secure.listen(0, '127.0.0.1', r));
    try {
      const { id } = await createEndpoint(app.db, app.config, {
        url: `https://127.0.0.1:${(secure.address() as AddressInfo).port}/terima`,
        events: ['article.published'],
        allowPrivate: true,
        createdBy: null,
      });
      await dispatchEvent(app.db, app.config, 'article.published', { articleId: 999 });
      await app.jobs.runDue();
      const [log] = await listDeliveries(app.db, id);
      expect(log).toMatchObject({ status: 'retrying', responseStatus: null, attempts: 1 });
      expect(log?.error).toMatch(/^TLS certificate not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
      expect(reached).toBe(0);
    } finally {
      secure.closeAllConnections();
      await new Promise((r) => secure.close(r));
    }
  });

  it('never follows a target that redirects forever, and gives it up after 24 hours', async () => {
    const { id } = await createEndpoint(app.db, app.config, {
      url: `${base}/terima`,
      events: ['article.published'],
      allowPrivate: true,
      createdBy: null,
    });
    answers = [{ status: 307, headers: { location: `${base}/terima` } }];
    await dispatchEvent(
      app.db,
      app.config,
      'article.published',
      { articleId: 999 },
      Date.now() - GIVE_UP_MS - 1000,
    );
    await app.jobs.runDue();
    const [log] = await listDeliveries(app.db, id);
    expect(log).toMatchObject({
      status: 'failed',
      responseStatus: 307,
      error: 'redirect not followed',
      attempts: 1,
    });
    expect(hits).toHaveLength(1);
  });
});
