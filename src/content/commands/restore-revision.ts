import { AppError } from '../../lib/errors.ts';
import { audit } from '../../newsroom/audit.ts';
import { loadEditable } from '../editable.ts';
import { getRevision } from '../revision-history.ts';
import { saveArticle } from '../revisions.ts';
import { type Actor, mayEdit } from '../workflow.ts';
import type { ArticleCommandProps } from './article-step.ts';

export interface RestoreRevisionProps extends Omit<ArticleCommandProps, 'actor'> {
  /** The staff member restoring (a person: the system never restores). */
  actor: Actor;
  /** The revision whose text comes back. */
  revisionId: number;
  /** The version the restorer's page showed; anything else is a stale write. */
  expectedVersion: number;
}

/**
 * Brings an earlier revision's text back as a new version (the history is kept,
 * never rewritten). Only someone who may edit the article may restore it; the
 * save's own checks apply (lock, version, slug). Audits `article.restore` in
 * the save's transaction; a live article announces `article.updated`.
 */
export async function revisionRestorer(props: RestoreRevisionProps) {
  const k = props.db.kysely;
  const a = await loadEditable(k, props.articleId);
  if (!a) throw new AppError('NOT_FOUND');
  if (!mayEdit(props.actor, { status: a.status, authorId: a.authorId })) {
    throw new AppError('WORKFLOW_FORBIDDEN');
  }
  const rev = await getRevision(k, props.articleId, props.revisionId);
  if (!rev) throw new AppError('NOT_FOUND');
  const now = props.now ?? Date.now();
  return saveArticle(props.db, props.events, props.articleId, rev.snapshot, {
    expectedVersion: props.expectedVersion,
    userId: props.actor.userId,
    kind: 'restore',
    now,
    alsoInTransaction: (tx) =>
      audit(
        tx,
        {
          actorId: props.actor.userId,
          action: 'article.restore',
          target: `article:${props.articleId}`,
          detail: `revision ${props.revisionId}`,
          ipHash: props.ipHash ?? '',
        },
        now,
      ),
  });
}
