import type { EventBus } from '../../lib/events.ts';
import type { NextState } from '../workflow.ts';
import { type ArticleCommandProps, runArticleStep, writeStatus } from './article-step.ts';

const announce =
  (articleId: number, action: string) =>
  (events: EventBus, next: NextState): Promise<void> =>
    events.emit('article.workflow', { articleId, action, status: next.status });

/** A writer hands their draft to the desk; a new round clears the previous editor's note. */
export async function articleSubmitter(props: ArticleCommandProps) {
  return runArticleStep(props, {
    action: 'submit',
    auditAction: 'submit',
    write: (tx, row, next, now) => writeStatus(tx, props.articleId, row, next, now, true),
    announce: announce(props.articleId, 'submit'),
  });
}

/** An editor approves a submitted article for publication. */
export async function articleApprover(props: ArticleCommandProps) {
  return runArticleStep(props, {
    action: 'approve',
    auditAction: 'approve',
    write: (tx, row, next, now) => writeStatus(tx, props.articleId, row, next, now),
    announce: announce(props.articleId, 'approve'),
  });
}

export interface ReturnArticleProps extends ArticleCommandProps {
  /** The editor's note telling the writer what to change (required, at most MAX_NOTE). */
  note: string | undefined;
}

/** An editor sends an article back to draft with a note for its writer. */
export async function articleReturner(props: ReturnArticleProps) {
  return runArticleStep(props, {
    action: 'return',
    input: { note: props.note },
    auditAction: 'return',
    write: (tx, row, next, now) => writeStatus(tx, props.articleId, row, next, now),
    announce: announce(props.articleId, 'return'),
  });
}

/** Soft-deletes an article (its URL answers 410 Gone from now on); audits and announces it. */
export async function articleDeleter(props: ArticleCommandProps) {
  return runArticleStep(props, {
    action: 'delete',
    auditAction: 'deleted',
    write: async (tx, _row, _next, now) => {
      const r = await tx
        .updateTable('articles')
        .set({ deleted_at: now })
        .where('id', '=', props.articleId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    announce: (events) => events.emit('article.deleted', { articleId: props.articleId }),
  });
}
