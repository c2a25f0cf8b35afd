import type { ScheduleHook } from '../workflow.ts';
import { type ArticleCommandProps, runArticleStep, writeStatus } from './article-step.ts';
import { assertAltText } from './publish-invariants.ts';

export interface ScheduleArticleProps extends ArticleCommandProps {
  /** When the article goes live (epoch ms, in the future). */
  scheduleAt: number | undefined;
  /** Persists the job that will publish it; runs before the article becomes scheduled. */
  onSchedule: ScheduleHook;
}

/**
 * Schedules an approved (or rescheduled) article. Same alt-text invariant as
 * publishing. The publish job is written BEFORE the article becomes scheduled:
 * a crash in between leaves a job that finds nothing to do, never a scheduled
 * article without a job.
 */
export async function articleScheduler(props: ScheduleArticleProps) {
  return runArticleStep(props, {
    action: 'schedule',
    input: { scheduleAt: props.scheduleAt },
    auditAction: 'schedule',
    check: (k) => assertAltText(k, props.articleId),
    before: async (next) => {
      if (next.scheduledAt != null) await props.onSchedule(props.articleId, next.scheduledAt);
    },
    write: (tx, row, next, now) => writeStatus(tx, props.articleId, row, next, now),
    announce: (events, next) =>
      events.emit('article.workflow', {
        articleId: props.articleId,
        action: 'schedule',
        status: next.status,
      }),
  });
}
