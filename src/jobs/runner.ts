import type { Db } from '../db/connection.ts';

/**
 * A persisted job queue in the `jobs` table, run in-process by a poller. Jobs
 * survive restarts; claiming is one conditional UPDATE per job, so any number
 * of processes can poll the same database (SQLite or PostgreSQL) and no job is
 * run twice at once. A job whose worker died is claimable again once its lease
 * (`locked_until`) has passed. Failures are retried with exponential backoff.
 */

/** A handler does the work; throwing means "retry later". */
export type JobHandler = (
  payload: Record<string, unknown>,
  job: { id: number; attempts: number },
) => Promise<void>;

export interface JobRunnerOptions {
  /** How often to look for due jobs (ms). */
  pollMs?: number;
  /** How long a claimed job is leased to this process (ms). */
  leaseMs?: number;
  /** Attempts before a job is marked failed. */
  maxAttempts?: number;
  /** First retry delay (ms); doubles with each attempt. */
  backoffMs?: number;
  /** Jobs claimed per poll. */
  batch?: number;
  /**
   * Poll the queue (default true). False for a process started with
   * `--no-jobs`: it still queues jobs and registers handlers, others run them.
   */
  poll?: boolean;
  onError?: (err: unknown, job: { id: number; kind: string }) => void;
  /** Called after each job that ran to the end (metrics). */
  onDone?: (job: { id: number; kind: string }) => void;
  now?: () => number;
}

export interface JobRunner {
  /**
   * Registers (or replaces) the handler for a job kind. `concurrent` jobs
   * (network polls that may hang until their own deadline) run alongside the
   * tick instead of one after another, so one slow job never delays the others.
   */
  handle(kind: string, handler: JobHandler, opts?: { concurrent?: boolean }): void;
  /**
   * A periodic job: one row in the queue under the kind as its unique key,
   * queued again `periodMs` after each run (or after a failure's backoff), so
   * it runs once per period whichever of the processes claims it.
   */
  every(kind: string, periodMs: number, handler: JobHandler): Promise<void>;
  /** Resolves when every concurrent job started so far has finished (tests, shutdown). */
  settled(): Promise<void>;
  /** Runs every due job once now; resolves with how many ran. Tests and `stop` use it. */
  runDue(): Promise<number>;
  /** True between start and stop. */
  readonly running: boolean;
  /** @internal */
  stopInternal(): Promise<void>;
}

const DEFAULTS = {
  pollMs: 5_000,
  leaseMs: 5 * 60_000,
  maxAttempts: 8,
  backoffMs: 10_000,
  batch: 10,
};

/** Puts a job in the queue, due at `runAt` (default now); returns its id. */
export async function enqueueJob(
  db: Db,
  kind: string,
  payload: Record<string, unknown>,
  runAt: number = Date.now(),
): Promise<number> {
  const row = await db.kysely
    .insertInto('jobs')
    .values({
      kind,
      payload: JSON.stringify(payload),
      run_at: runAt,
      status: 'queued',
      attempts: 0,
      locked_until: null,
      last_error: null,
      created_at: Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Delay before retry number `attempts` (1-based), capped at an hour. */
export function backoffDelay(attempts: number, base = DEFAULTS.backoffMs): number {
  return Math.min(3_600_000, base * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims one job for this process: a single UPDATE that only succeeds while the
 * job is still queued (or its previous lease has expired). Works the same on
 * SQLite and PostgreSQL without row locks or dialect-specific SQL.
 */
async function claim(db: Db, id: number, now: number, leaseMs: number): Promise<boolean> {
  const result = await db.kysely
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running' as const,
      locked_until: now + leaseMs,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .where('run_at', '<=', now)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', '=', 'queued'),
          eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]),
        ]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Starts polling the jobs table; call `stopJobRunner` before closing the database. */
export function startJobRunner(
  db: Db,
  handlers: Record<string, JobHandler> = {},
  options: JobRunnerOptions = {},
): JobRunner {
  const opts = { ...DEFAULTS, ...options };
  const now = options.now ?? Date.now;
  const table = new Map(Object.entries(handlers));
  const concurrentKinds = new Set<string>();
  const periods = new Map<string, number>();
  const detached = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let running = true;
  let inFlight: Promise<number> | null = null;

  async function runOne(job: {
    id: number;
    kind: string;
    payload: string;
    attempts: number;
    unique_key: string | null;
  }) {
    const handler = table.get(job.kind);
    const attempts = job.attempts + 1;
    const period = job.unique_key === null ? undefined : periods.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(JSON.parse(job.payload) as Record<string, unknown>, { id: job.id, attempts });
      await db.kysely
        .updateTable('jobs')
        .set(
          period === undefined
            ? { status: 'done', locked_until: null, last_error: null }
            : {
                status: 'queued',
                run_at: now() + period,
                attempts: 0,
                locked_until: null,
                last_error: null,
              },
        )
        .where('id', '=', job.id)
        .execute();
      opts.onDone?.(job);
    } catch (err) {
      opts.onError?.(err, job);
      // A periodic job is never given up: it waits for its backoff or its next period.
      const failed = period === undefined && attempts >= opts.maxAttempts;
      await db.kysely
        .updateTable('jobs')
        .set({
          status: failed ? 'failed' : 'queued',
          run_at:
            now() +
            Math.min(backoffDelay(attempts, opts.backoffMs), period ?? Number.POSITIVE_INFINITY),
          locked_until: null,
          last_error: String((err as Error)?.message ?? err).slice(0, 2000),
        })
        .where('id', '=', job.id)
        .execute();
    }
  }

  async function tick(): Promise<number> {
    const t = now();
    const due = await db.kysely
      .selectFrom('jobs')
      .select(['id', 'kind', 'payload', 'attempts', 'unique_key'])
      .where('run_at', '<=', t)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', t)]),
        ]),
      )
      .orderBy('run_at')
      .orderBy('id')
      .limit(opts.batch)
      .execute();
    let ran = 0;
    for (const job of due) {
      if (!(await claim(db, job.id, t, opts.leaseMs))) continue;
      if (concurrentKinds.has(job.kind)) {
        const p: Promise<void> = runOne(job).finally(() => detached.delete(p));
        detached.add(p);
        ran++;
        continue;
      }
      await runOne(job);
      ran++;
    }
    return ran;
  }

  function runDue(): Promise<number> {
    // One tick at a time per process; a caller during a tick waits for it and then runs again.
    const previous = inFlight ?? Promise.resolve(0);
    const next = previous.then(tick, tick).finally(() => {
      if (inFlight === next) inFlight = null;
    });
    inFlight = next;
    return next;
  }

  function schedule() {
    if (!running) return;
    timer = setTimeout(() => {
      runDue()
        .catch((err) => opts.onError?.(err, { id: 0, kind: 'poll' }))
        .finally(schedule);
    }, opts.pollMs);
    timer.unref?.();
  }
  if (opts.poll !== false) {
    schedule();
    // A restart picks up what fell due while the process was down, without waiting a poll.
    setImmediate(() => {
      if (running) runDue().catch((err) => opts.onError?.(err, { id: 0, kind: 'poll' }));
    });
  }

  return {
    handle(kind, handler, handleOpts) {
      table.set(kind, handler);
      if (handleOpts?.concurrent) concurrentKinds.add(kind);
      else concurrentKinds.delete(kind);
    },
    async every(kind, periodMs, handler) {
      table.set(kind, handler);
      periods.set(kind, periodMs);
      await db.kysely
        .insertInto('jobs')
        .values({
          kind,
          payload: '{}',
          run_at: now(),
          status: 'queued',
          locked_until: null,
          last_error: null,
          created_at: now(),
          unique_key: kind,
        })
        .onConflict((oc) => oc.column('unique_key').doNothing())
        .execute();
    },
    async settled() {
      while (detached.size > 0) await Promise.allSettled([...detached]);
    },
    runDue,
    get running() {
      return running;
    },
    async stopInternal() {
      running = false;
      if (timer) clearTimeout(timer);
      await inFlight?.catch(() => 0);
      while (detached.size > 0) await Promise.allSettled([...detached]);
    },
  };
}

/** Stops polling and waits for the job in progress, so the database can close safely. */
export async function stopJobRunner(runner: JobRunner): Promise<void> {
  await runner.stopInternal();
}
