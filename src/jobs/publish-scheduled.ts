import { articlePublisher } from '../content/commands/publish-article.ts';
import { SYSTEM } from '../content/workflow.ts';
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
 * Publishes the article through the same command as the newsroom's button, if
 * it is still scheduled for this job's time. A job left over from an earlier
 * schedule (rescheduled, sent back, published by hand, deleted) finds nothing
 * to do and finishes quietly. A photo that lost its alt text meanwhile fails
 * the job (ALT_TEXT_MISSING), so it shows in the jobs' failures.
 */
export function publishScheduledHandler(db: Db, events: EventBus): JobHandler {
  return async (payload) => {
    const articleId = Number(payload.articleId);
    const scheduledAt = Number(payload.scheduledAt);
    if (!Number.isInteger(articleId) || !Number.isFinite(scheduledAt)) return;
    try {
      await articlePublisher({ db, events, actor: SYSTEM, articleId, scheduledFor: scheduledAt });
    } catch (err) {
      if (err instanceof AppError && (err.code === 'WORKFLOW_INVALID' || err.code === 'NOT_FOUND'))
        return;
      throw err;
    }
  };
}
