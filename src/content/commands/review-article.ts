import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { EventBus } from '../../lib/events.ts';
import type { NextState } from '../workflow.ts';
import { type ArticleCommandProps, runArticleStep, writeStatus } from './article-step.ts';

const actorId = (props: ArticleCommandProps) =>
  typeof props.actor === 'object' ? props.actor.userId : null;

const announce =
  (articleId: number, action: string) =>
  (events: EventBus, next: NextState): Promise<void> =>
    events.emit('article.workflow', { articleId, action, status: next.status });

/**
 * A writer hands their draft to the desk; a new round clears the previous
 * editor's note. The writer's edit lock goes with it (they may no longer edit
 * it, and the desk must not find it held), in the same transaction.
 */
export async function articleSubmitter(props: ArticleCommandProps) {
  return runArticleStep(props, {
    action: 'submit',
    auditAction: 'submit',
    write: async (tx, row, next, now) => {
      if (!(await writeStatus(tx, props.articleId, row, next, now, { fresh: true }))) return false;
      const writers = [row.authorId, actorId(props)].filter((x): x is number => x != null);
      if (writers.length) {
        await tx
          .deleteFrom('article_locks')
          .where('article_id', '=', props.articleId)
          .where('user_id', 'in', writers)
          .execute();
      }
      return true;
    },
    announce: announce(props.articleId, 'submit'),
  });
}

/**
 * A writer takes back a submission no editor has opened yet (back to draft,
 * audited as `article.withdraw`); once an editor opened it, REVIEW_STARTED.
 */
export async function articleWithdrawer(props: ArticleCommandProps) {
  return runArticleStep(props, {
    action: 'withdraw',
    auditAction: 'withdraw',
    check: async (_k, row) => {
      if (row.reviewStartedBy != null) throw new AppError('REVIEW_STARTED');
    },
    write: (tx, row, next, now) =>
      writeStatus(tx, props.articleId, row, next, now, { unreviewed: true }),
    announce: announce(props.articleId, 'withdraw'),
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
    auditDetail: (next) => next.editorNote,
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

/**
 * Notes that an editor (not the writer) opened a submitted article in the
 * editor: from then on the writer can no longer withdraw it. Only the first
 * opener is kept; nothing changes for any other state.
 */
export async function markReviewStarted(
  db: Kysely<Database>,
  articleId: number,
  userId: number,
): Promise<void> {
  await db
    .updateTable('articles')
    .set({ review_started_by: userId })
    .where('id', '=', articleId)
    .where('status', '=', 'submitted')
    .where('review_started_by', 'is', null)
    .where((eb) => eb.or([eb('author_id', 'is', null), eb('author_id', '!=', userId)]))
    .execute();
}
