import { applyWorkflow, SYSTEM } from '../content/workflow.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { enqueueJob, type JobHandler } from './runner.ts';

/** The job kind that publishes a scheduled article at its time. */
export const PUBLISH_SCHEDULED = 'publish-scheduled';

/** The workflow's schedule hook: persists a job due at the article's publication time. */
export function enqueueScheduledPublish(db: Db) {
  return async (articleId: number, at: number): Promise<void> => {
    await enqueueJob(db, PUBLISH_SCHEDULED, { articleId, scheduledAt: at }, at);
  };
}

/**
 * Publishes the article if it is still scheduled for this job's time. A job left
 * over from an earlier schedule (rescheduled, sent back, published by hand,
 * deleted) finds nothing to do and finishes quietly.
 */
export function publishScheduledHandler(db: Db, events: EventBus): JobHandler {
  return async (payload) => {
    const articleId = Number(payload.articleId);
    const scheduledAt = Number(payload.scheduledAt);
    if (!Number.isInteger(articleId) || !Number.isFinite(scheduledAt)) return;
    const row = await db.kysely
      .selectFrom('articles')
      .select(['status', 'scheduled_at'])
      .where('id', '=', articleId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (row?.status !== 'scheduled' || row.scheduled_at !== scheduledAt) return;
    try {
      await applyWorkflow(db, events, articleId, 'publish-due', SYSTEM);
    } catch (err) {
      // Someone changed it between our read and the write: nothing left to do.
      if (err instanceof AppError && err.code === 'WORKFLOW_INVALID') return;
      throw err;
    }
  };
}
