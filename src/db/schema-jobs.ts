import type { Generated } from 'kysely';

/**
 * Table types of background work: the mail outbox a sender drains and the job
 * queue (one-off and periodic jobs) the worker claims and runs.
 */

// --- Mail outbox (migration 002-newsroom) -------------------------------------

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: number;
  attempts: Generated<number>;
  last_error: Generated<string>;
  next_attempt_at: number;
  sent_at: number | null;
  /** A sender holds the row until this time, so two processes never send it twice. */
  claimed_until: Generated<number>;
}

// --- Job queue (migrations 005-workflow, 016-periodic-jobs) -------------------

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobTable {
  id: Generated<number>;
  kind: string;
  /** JSON object handed to the job's handler. */
  payload: string;
  run_at: number;
  status: JobStatus;
  attempts: Generated<number>;
  /** A claimed job is leased until then; a crashed worker's job is claimable again after it. */
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  /** A periodic job's name: at most one row per key (migration 016). */
  unique_key: string | null;
}
