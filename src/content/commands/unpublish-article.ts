import { type ArticleCommandProps, runArticleStep, writeStatus } from './article-step.ts';

/** Takes a live article off the site (its URL then answers 404); audits and announces it. */
export async function articleUnpublisher(props: ArticleCommandProps) {
  return runArticleStep(props, {
    action: 'unpublish',
    auditAction: 'unpublish',
    write: (tx, row, next, now) => writeStatus(tx, props.articleId, row, next, now),
    announce: (events) => events.emit('article.unpublished', { articleId: props.articleId }),
  });
}
