import type { Kysely } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import type { EventBus } from '../../lib/events.ts';
import { audit } from '../../newsroom/audit.ts';
import {
  type Actor,
  type NextState,
  type SYSTEM,
  type TransitionInput,
  transition,
  type WorkflowAction,
} from '../workflow.ts';

/** What every article command is told. */
export interface ArticleCommandProps {
  /** The database the command writes to. */
  db: Db;
  /** Where the command announces what it did, once committed. */
  events: EventBus;
  /** Who acts: a staff member, or SYSTEM for the scheduler. */
  actor: Actor | typeof SYSTEM;
  /** The article acted on. */
  articleId: number;
  /** Keyed hash of the address the request came from, for the audit log; '' for the system. */
  ipHash?: string;
  /** The clock (epoch ms); defaults to now. */
  now?: number;
}

/** The stored facts a step decides on. */
export interface ArticleRow {
  status: Database['articles']['status'];
  authorId: number | null;
  scheduledAt: number | null;
  headline: string;
  reviewStartedBy: number | null;
}

type Tx = Kysely<Database>;

/** How one workflow command differs from the others. */
export interface StepSpec {
  action: WorkflowAction | 'publish-due';
  input?: TransitionInput;
  /** The audit verb after `article.`, e.g. 'published'. */
  auditAction: string;
  /** The audit entry's detail (a reason, a note); the headline when absent. */
  auditDetail?: (next: NextState) => string | undefined;
  /** Invariants beyond the state machine, checked after it and before any write. */
  check?: (k: Tx, row: ArticleRow) => Promise<void>;
  /** Runs before the transaction (the schedule hook writes its job first). */
  before?: (next: NextState) => Promise<void>;
  /** The write, inside the transaction; false when the article changed under us. */
  write: (tx: Tx, row: ArticleRow, next: NextState, now: number) => Promise<boolean>;
  /** What to announce once committed. */
  announce: (events: EventBus, next: NextState) => Promise<void>;
}

/**
 * The shape every workflow command shares: load the article, ask the state
 * machine (permission first, then state, then input), check the command's
 * invariants, then write and audit in one transaction and announce after the
 * commit, so no listener sees a change that could still roll back.
 */
export async function runArticleStep(props: ArticleCommandProps, spec: StepSpec) {
  const now = props.now ?? Date.now();
  const k = props.db.kysely;
  const found = await k
    .selectFrom('articles')
    .select(['status', 'author_id', 'scheduled_at', 'headline', 'review_started_by'])
    .where('id', '=', props.articleId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!found) throw new AppError('NOT_FOUND');
  const row: ArticleRow = {
    status: found.status,
    authorId: found.author_id,
    scheduledAt: found.scheduled_at,
    headline: found.headline,
    reviewStartedBy: found.review_started_by,
  };
  const result = transition(row, spec.action, props.actor, now, spec.input);
  if (!result.ok) throw new AppError(result.code);
  const { next } = result;
  await spec.check?.(k, row);
  await spec.before?.(next);
  await k.transaction().execute(async (tx) => {
    if (!(await spec.write(tx, row, next, now))) throw new AppError('WORKFLOW_INVALID');
    await audit(
      tx,
      {
        actorId: typeof props.actor === 'object' ? props.actor.userId : null,
        action: `article.${spec.auditAction}`,
        target: `article:${props.articleId}`,
        detail: spec.auditDetail?.(next) ?? row.headline,
        ipHash: props.ipHash ?? '',
      },
      now,
    );
  });
  await spec.announce(props.events, next);
  return next;
}

/**
 * The plain status change of submit, approve, schedule and back-to-draft:
 * conditional on the state read, so two editors acting at once cannot both win.
 * `fresh` starts a new round at the desk (the previous editor's note and review
 * mark are cleared); `unreviewed` writes only while no editor has opened the
 * article (a withdrawal loses to an editor who opened it meanwhile).
 */
export async function writeStatus(
  tx: Tx,
  articleId: number,
  row: ArticleRow,
  next: NextState,
  now: number,
  opts: { fresh?: boolean; unreviewed?: boolean } = {},
): Promise<boolean> {
  let update = tx
    .updateTable('articles')
    .set((eb) => ({
      status: next.status,
      scheduled_at: next.scheduledAt,
      ...(next.submittedAt !== undefined ? { submitted_at: next.submittedAt } : {}),
      ...(next.editorNote !== undefined ? { editor_note: next.editorNote } : {}),
      ...(opts.fresh ? { editor_note: '', review_started_by: null } : {}),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', articleId)
    .where('status', '=', row.status);
  if (opts.unreviewed) update = update.where('review_started_by', 'is', null);
  const updated = await update.executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
