import { AppError } from '../../lib/errors.ts';
import { markPublished } from '../publication.ts';
import { SYSTEM } from '../workflow.ts';
import { type ArticleCommandProps, runArticleStep } from './article-step.ts';
import { assertAltText } from './publish-invariants.ts';

/**
 * Puts an article before readers now (an editor) or at its scheduled time
 * (SYSTEM, from the publish job). Refuses while a photo lacks alt text; keeps
 * the earlier publication time unless `bump`; audits `article.published` and announces
 * `article.published`. Throws WORKFLOW_INVALID when the article moved on
 * between the read and the write.
 */
export interface PublishArticleProps extends ArticleCommandProps {
  /**
   * For SYSTEM: the publication time the job was made for. A job left over
   * from an earlier schedule (rescheduled since) is refused with WORKFLOW_INVALID.
   */
  scheduledFor?: number;
  /**
   * Re-publishing keeps the earlier publication time (the page then says
   * "Diperbarui" when the content changed since); `bump` puts it at now, for
   * a genuinely new story. A first publication always takes now.
   */
  bump?: boolean;
}

export async function articlePublisher(props: PublishArticleProps) {
  const due = props.actor === SYSTEM;
  return runArticleStep(props, {
    action: due ? 'publish-due' : 'publish',
    auditAction: 'published',
    check: async (k, row) => {
      if (due && props.scheduledFor !== undefined && row.scheduledAt !== props.scheduledFor) {
        throw new AppError('WORKFLOW_INVALID');
      }
      await assertAltText(k, props.articleId);
    },
    write: (tx, row, _next, now) =>
      markPublished(tx, props.articleId, due ? (row.scheduledAt ?? now) : now, [row.status], {
        keepTime: !props.bump,
      }),
    announce: (events) => events.emit('article.published', { articleId: props.articleId }),
  });
}
