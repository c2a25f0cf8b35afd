import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commentableArticle,
  fields,
  postComment,
  postSolved,
  setSettings,
  tokenFor,
} from '../../test/comments-kit.ts';
import { DIALECTS, type TestApp, testApp } from '../../test/helpers.ts';
import { parsePrometheusText, type Sample } from '../../test/support/prom-text.ts';
import { enqueueJob } from '../jobs/runner.ts';
import { bearerMatches } from './metrics-route.ts';

const TOKEN = 'metrik-rahasia-uji-0123456789abcdef';

describe.each(DIALECTS)('/metrics (%s)', (dialect) => {
  let app: TestApp;
  let off: TestApp;
  beforeAll(async () => {
    // runJobs false: the queue stays as the test leaves it (the test runs jobs itself).
    app = await testApp(dialect, { metricsToken: TOKEN, pageCacheTtl: 60, runJobs: false });
    off = await testApp(dialect);
  });
  afterAll(async () => {
    await app?.dispose();
    await off?.dispose();
  });

  const scrape = async (): Promise<Sample[]> => {
    const res = await app.server.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers['cache-control']).toBe('no-store');
    return parsePrometheusText(res.body);
  };
  const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
    samples.find(
      (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    )?.value;

  it('is off (404) without METRICS_TOKEN', async () => {
    const res = await off.server.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(404);
  });

  it('asks for the bearer token: none, a wrong one and a near miss are 401', async () => {
    for (const authorization of [undefined, 'Bearer salah', `Bearer ${TOKEN}x`, TOKEN]) {
      const res = await app.server.inject({
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body).not.toContain('warta_');
    }
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches('Bearer ', '')).toBe(false);
  });

  it('is valid exposition text with the process metrics', async () => {
    const samples = await scrape();
    // CPU counted since the process's collectors started (with the first app): present, never negative.
    expect(value(samples, 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
    expect(value(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('times requests by route pattern, never the raw URL; a cache hit is counted, not timed', async () => {
    const a = await commentableArticle(app);
    const first = await app.server.inject({ url: a.url });
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await app.server.inject({ url: a.url });
    expect(second.headers['x-cache']).toBe('HIT');
    await app.server.inject({ url: '/tidak-ada/halaman-acak-98765' });
    const samples = await scrape();
    const routes = new Set(
      samples.filter((s) => s.name.startsWith('warta_http_')).map((s) => s.labels.route),
    );
    expect(routes).toContain('/:section/:id/:slug');
    expect([...routes].some((r) => r?.includes(String(a.id)) || r?.includes('98765'))).toBe(false);
    const article = { route: '/:section/:id/:slug', method: 'GET', status: '2xx' };
    // Rendered once; the hit is only in the cache counter.
    expect(value(samples, 'warta_http_request_duration_seconds_count', article)).toBe(1);
    expect(value(samples, 'warta_page_cache_requests_total', { result: 'hit' })).toBe(1);
    expect(value(samples, 'warta_page_cache_requests_total', { result: 'miss' })).toBe(1);
    expect(
      value(samples, 'warta_http_request_duration_seconds_count', { status: '4xx' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('counts job runs and failures by kind, and reads the queue from the table', async () => {
    app.jobs.handle('uji.baik', async () => {});
    await enqueueJob(app.db, 'uji.baik', {});
    await enqueueJob(app.db, 'uji.baik', {});
    await enqueueJob(app.db, 'uji.tanpa-penangan', {});
    await app.jobs.runDue();
    await app.jobs.runDue();
    await enqueueJob(app.db, 'uji.antre', {}, Date.now() - 30_000);
    await enqueueJob(app.db, 'uji.antre', {}, Date.now() - 5_000);
    await enqueueJob(app.db, 'uji.nanti', {}, Date.now() + 60_000);
    const samples = await scrape();
    expect(value(samples, 'warta_job_runs_total', { kind: 'uji.baik', outcome: 'done' })).toBe(2);
    expect(
      value(samples, 'warta_job_runs_total', { kind: 'uji.tanpa-penangan', outcome: 'failed' }),
    ).toBe(1);
    expect(value(samples, 'warta_jobs_due', { kind: 'uji.antre' })).toBe(2);
    const age = value(samples, 'warta_jobs_oldest_due_age_seconds', { kind: 'uji.antre' });
    expect(age).toBeGreaterThanOrEqual(30);
    expect(age).toBeLessThan(60);
    // Not due yet: not in the queue depth.
    expect(value(samples, 'warta_jobs_due', { kind: 'uji.nanti' })).toBeUndefined();
  });

  it('counts the comment decisions: published, held, spam and rejected', async () => {
    await setSettings(app, { trustAfter: 0, mode: 'post' });
    const a = await commentableArticle(app);
    expect((await postSolved(app, a)).statusCode).toBe(303);
    // No captcha (JavaScript off): held for an editor.
    expect((await postComment(app, a.action, fields(tokenFor(app, a.id)))).statusCode).toBe(303);
    // The honeypot filled in: spam, refused quietly.
    await postComment(app, a.action, fields(tokenFor(app, a.id), { telepon: '0812' }));
    // A forged form token: rejected.
    await postComment(
      app,
      a.action,
      fields('1.1700000000000.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'),
    );
    const samples = await scrape();
    for (const decision of ['published', 'held', 'spam', 'rejected']) {
      expect(value(samples, 'warta_comment_decisions_total', { decision }), decision).toBe(1);
    }
  });
});
