import type { Db } from '../db/connection.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { runRetention } from './moderation.ts';
import { loadSettings } from './settings.ts';

/** The comments' privacy housekeeping, as a periodic job: once an hour across all processes. */
export const COMMENTS_RETENTION = 'comments.retention';
export const RETENTION_PERIOD_MS = 3_600_000;

/**
 * Registers the retention sweep (address hashes and the like dropped after the
 * settings' retention days, see runRetention). A failure is logged by the job
 * runner and retried after its backoff, at the latest in the next period.
 */
export async function registerRetentionJob(
  jobs: Pick<JobRunner, 'every'>,
  db: Db,
  now: () => number = Date.now,
): Promise<void> {
  await jobs.every(COMMENTS_RETENTION, RETENTION_PERIOD_MS, async () => {
    const settings = await loadSettings(db.kysely);
    await runRetention(db.kysely, settings.retentionDays, now());
  });
}
