import { type ArticleCommandProps, runArticleStep, writeStatus } from './article-step.ts';

export interface UnpublishArticleProps extends ArticleCommandProps {
  /** Why it comes down (required, at most MAX_NOTE): kept in the audit log and the history. */
  reason: string | undefined;
}

/**
 * Takes a live article off the site (its URL then answers 404) for a stated
 * reason; audits it with the reason and announces it. REASON_REQUIRED without one.
 */
export async function articleUnpublisher(props: UnpublishArticleProps) {
  return runArticleStep(props, {
    action: 'unpublish',
    input: { note: props.reason },
    auditAction: 'unpublish',
    auditDetail: (next) => next.reason,
    write: (tx, row, next, now) => writeStatus(tx, props.articleId, row, next, now),
    announce: (events) => events.emit('article.unpublished', { articleId: props.articleId }),
  });
}
