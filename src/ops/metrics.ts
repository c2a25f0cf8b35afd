import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SubmitResult } from '../comments/submit.ts';
import type { Db } from '../db/connection.ts';
import { processMetrics } from './process-metrics.ts';

/**
 * The app's Prometheus metrics, in a registry of its own (tests build many
 * apps in one process; the global registry would mix them). Everything is
 * counted in memory where it happens, except the job queue, which is read
 * from the `jobs` table at scrape time (one query), so it shows the queue of
 * every process, not this one's share.
 *
 * The page cache's hit path only increments a counter: a hit is not in the
 * request histogram (its latency is the cache's, measured by the cache's own tests).
 */
export interface AppMetrics {
  readonly registry: Registry;
  /** One answered request (not a cache hit): route pattern, method, status class, seconds. */
  request(route: string | undefined, method: string, status: number, seconds: number): void;
  cacheHit(state: 'HIT' | 'STALE'): void;
  cacheMiss(): void;
  /** A job ran to the end (`done`) or threw (`failed`; kind "poll" for a failed poll). */
  jobRun(kind: string, outcome: 'done' | 'failed'): void;
  /** What the comment pipeline decided for one submitted comment. */
  commentDecision(result: SubmitResult): void;
  /** The whole exposition text: this app's metrics and the process's. */
  text(): Promise<string>;
  readonly contentType: string;
}

/** Refusals that are spam's signature rather than a reader's mistake. */
const SPAM_CODES: ReadonlySet<string> = new Set([
  'COMMENT_REJECTED', // the honeypot, refused quietly
  'COMMENT_BANNED_WORD',
  'COMMENT_CAPTCHA',
  'COMMENT_CAPTCHA_USED',
]);

export type CommentDecision = 'published' | 'held' | 'spam' | 'rejected';

/** The decision a submit result stands for; null for a form with field errors (nothing decided). */
export function decisionOf(result: SubmitResult): CommentDecision | null {
  if (result.kind === 'stored') return result.status === 'approved' ? 'published' : 'held';
  if (result.kind === 'refused') return SPAM_CODES.has(result.code) ? 'spam' : 'rejected';
  return null;
}

/** Latency buckets (seconds): pages render in milliseconds, uploads and imports take seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(db: Db): AppMetrics {
  // The process's collectors start with the first app that counts, not at the first
  // scrape: their CPU counters count from when they start.
  processMetrics();
  const registry = new Registry();
  const requests = new Histogram({
    name: 'warta_http_request_duration_seconds',
    help: 'Time to answer a request not served from the page cache, by route pattern, method and status class',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const cache = new Counter({
    name: 'warta_page_cache_requests_total',
    help: 'Cacheable page requests by outcome: hit, stale (served while re-rendered) or miss (rendered)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const hit = cache.labels('hit');
  const stale = cache.labels('stale');
  const miss = cache.labels('miss');
  const jobRuns = new Counter({
    name: 'warta_job_runs_total',
    help: 'Jobs run by this process, by kind and outcome (done or failed)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const decisions = new Counter({
    name: 'warta_comment_decisions_total',
    help: 'Submitted comments by decision: published, held for moderation, spam or rejected',
    labelNames: ['decision'] as const,
    registers: [registry],
  });
  const due = new Gauge({
    name: 'warta_jobs_due',
    help: 'Jobs waiting to run now (queued and due), by kind, across all processes',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const running = new Gauge({
    name: 'warta_jobs_running',
    help: 'Jobs claimed by a process and running (or whose process died, until the lease ends), by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const oldest = new Gauge({
    name: 'warta_jobs_oldest_due_age_seconds',
    help: 'How long the oldest due job of each kind has waited past its run time',
    labelNames: ['kind'] as const,
    registers: [registry],
  });

  /** The queue's state, read once per scrape; kinds with nothing due disappear. */
  async function readQueue(): Promise<void> {
    const now = Date.now();
    const rows = await db.kysely
      .selectFrom('jobs')
      .select((eb) => [
        'kind',
        'status',
        eb.fn.countAll().as('n'),
        eb.fn.min('run_at').as('oldest'),
      ])
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
          eb('status', '=', 'running'),
        ]),
      )
      .groupBy(['kind', 'status'])
      .execute();
    due.reset();
    running.reset();
    oldest.reset();
    for (const r of rows) {
      if (r.status === 'running') {
        running.set({ kind: r.kind }, Number(r.n));
      } else {
        due.set({ kind: r.kind }, Number(r.n));
        oldest.set({ kind: r.kind }, Math.max(0, (now - Number(r.oldest)) / 1000));
      }
    }
  }

  return {
    registry,
    contentType: registry.contentType,
    request(route, method, status, seconds) {
      requests.observe(
        { route: route ?? '(unmatched)', method, status: `${Math.floor(status / 100)}xx` },
        seconds,
      );
    },
    cacheHit(state) {
      (state === 'HIT' ? hit : stale).inc();
    },
    cacheMiss() {
      miss.inc();
    },
    jobRun(kind, outcome) {
      jobRuns.inc({ kind, outcome });
    },
    commentDecision(result) {
      const decision = decisionOf(result);
      if (decision) decisions.inc({ decision });
    },
    async text() {
      await readQueue();
      return `${await registry.metrics()}${await processMetrics().metrics()}`;
    },
  };
}
