import type { Db } from '../db/connection.ts';
import type { ArticleStatus } from '../db/schema.ts';
import { AppError, type ErrorCode } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { type Action, can, type Role } from '../newsroom/policy.ts';
import { deleteArticle, publishArticle, unpublishArticle } from './commands.ts';

/**
 * The writing workflow: draft → submitted → approved → scheduled / published →
 * unpublished, with back-to-draft carrying an editor's note. `transition` is a
 * pure function (state, action, actor, now) → next state or error code; who may
 * do what is decided by the policy module's `can()`, never here.
 */

export const WORKFLOW_ACTIONS = [
  'submit',
  'approve',
  'publish',
  'schedule',
  'unpublish',
  'return',
  'delete',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** The job runner publishing a scheduled article; no person, no policy. */
export const SYSTEM = 'system' as const;

export interface Actor {
  role: Role;
  userId: number;
}

/** What the machine needs to know about an article. */
export interface WorkflowState {
  status: ArticleStatus;
  authorId: number | null;
  scheduledAt?: number | null;
}

export interface TransitionInput {
  /** For `schedule`: when to go live (epoch ms). */
  scheduleAt?: number;
  /** For `return`: the editor's note to the author. */
  note?: string;
}

/** The next state and the columns that change with it. */
export interface NextState {
  status: ArticleStatus;
  scheduledAt: number | null;
  submittedAt?: number;
  editorNote?: string;
}

export type TransitionResult = { ok: true; next: NextState } | { ok: false; code: ErrorCode };

/** From which states each action may start. */
const FROM: Record<WorkflowAction | 'publish-due', readonly ArticleStatus[]> = {
  submit: ['draft'],
  approve: ['submitted'],
  publish: ['approved', 'scheduled', 'unpublished'],
  schedule: ['approved', 'scheduled'],
  unpublish: ['published'],
  return: ['submitted', 'approved', 'scheduled', 'unpublished'],
  delete: ['draft', 'submitted', 'approved', 'scheduled', 'published', 'unpublished'],
  'publish-due': ['scheduled'],
};

/** The policy action each workflow action needs. */
const NEEDS: Record<WorkflowAction, Action> = {
  submit: 'article.submit',
  approve: 'article.approve',
  publish: 'article.publish',
  schedule: 'article.schedule',
  unpublish: 'article.unpublish',
  return: 'article.return',
  delete: 'article.delete',
};

/** Longest editor's note we keep. */
export const MAX_NOTE = 1000;

/** May this person change this article's text: any article, or their own draft. */
export function mayEdit(actor: Actor, article: WorkflowState): boolean {
  if (can(actor.role, 'article.edit.any')) return true;
  return (
    article.status === 'draft' &&
    article.authorId !== null &&
    can(actor.role, 'article.edit.own', { userId: actor.userId, authorId: article.authorId })
  );
}

/** May this person see this article in the newsroom (own, desk or any). */
export function mayView(actor: Actor, article: WorkflowState): boolean {
  if (can(actor.role, 'article.edit.any')) return true;
  if (article.authorId === actor.userId) return true;
  return can(actor.role, 'article.view.desk') && article.status !== 'draft';
}

/**
 * The state machine. Permission first (so a crafted request learns nothing about
 * the article's state), then the from-state, then the action's own input.
 */
export function transition(
  article: WorkflowState,
  action: WorkflowAction | 'publish-due',
  actor: Actor | typeof SYSTEM,
  now: number,
  input: TransitionInput = {},
): TransitionResult {
  if (action === 'publish-due') {
    if (actor !== SYSTEM) return { ok: false, code: 'WORKFLOW_FORBIDDEN' };
    if (!FROM[action].includes(article.status)) return { ok: false, code: 'WORKFLOW_INVALID' };
    if (article.scheduledAt == null || article.scheduledAt > now) {
      return { ok: false, code: 'WORKFLOW_INVALID' };
    }
    return { ok: true, next: { status: 'published', scheduledAt: null } };
  }
  if (actor === SYSTEM) return { ok: false, code: 'WORKFLOW_FORBIDDEN' };
  if (!can(actor.role, NEEDS[action])) return { ok: false, code: 'WORKFLOW_FORBIDDEN' };
  if (!FROM[action].includes(article.status)) return { ok: false, code: 'WORKFLOW_INVALID' };
  // Submitting is a writer's act on their own text (or an editor's on anyone's).
  if (action === 'submit' && !mayEdit(actor, article)) {
    return { ok: false, code: 'WORKFLOW_FORBIDDEN' };
  }

  switch (action) {
    case 'submit':
      return { ok: true, next: { status: 'submitted', scheduledAt: null, submittedAt: now } };
    case 'approve':
      return { ok: true, next: { status: 'approved', scheduledAt: null } };
    case 'publish':
      return { ok: true, next: { status: 'published', scheduledAt: null } };
    case 'schedule': {
      const at = input.scheduleAt;
      if (at === undefined || !Number.isFinite(at)) return { ok: false, code: 'SCHEDULE_REQUIRED' };
      if (at <= now) return { ok: false, code: 'SCHEDULE_IN_PAST' };
      return { ok: true, next: { status: 'scheduled', scheduledAt: at } };
    }
    case 'unpublish':
      return { ok: true, next: { status: 'unpublished', scheduledAt: null } };
    case 'return': {
      const note = (input.note ?? '').trim();
      if (note === '') return { ok: false, code: 'NOTE_REQUIRED' };
      if (note.length > MAX_NOTE) return { ok: false, code: 'NOTE_TOO_LONG' };
      return { ok: true, next: { status: 'draft', scheduledAt: null, editorNote: note } };
    }
    case 'delete':
      return { ok: true, next: { status: article.status, scheduledAt: null } };
  }
}

/** The actions this person could take on this article now (for buttons). */
export function availableActions(article: WorkflowState, actor: Actor): WorkflowAction[] {
  const probe = { scheduleAt: Number.MAX_SAFE_INTEGER, note: 'x' };
  return WORKFLOW_ACTIONS.filter((a) => transition(article, a, actor, 0, probe).ok);
}

/** Announces a scheduled article so the job runner publishes it on time. */
export type ScheduleHook = (articleId: number, at: number) => Promise<void>;

/**
 * Applies a workflow action to a stored article: loads its state, asks
 * `transition`, then writes. Publishing, unpublishing and deleting go through
 * the content commands so the domain events fire. The write is conditional on
 * the state read, so two editors acting at once cannot both win.
 */
export async function applyWorkflow(
  db: Db,
  events: EventBus,
  articleId: number,
  action: WorkflowAction | 'publish-due',
  actor: Actor | typeof SYSTEM,
  opts: TransitionInput & { now?: number; onSchedule?: ScheduleHook } = {},
): Promise<NextState> {
  const now = opts.now ?? Date.now();
  const k = db.kysely;
  const row = await k
    .selectFrom('articles')
    .select(['status', 'author_id', 'scheduled_at'])
    .where('id', '=', articleId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const state = { status: row.status, authorId: row.author_id, scheduledAt: row.scheduled_at };
  const result = transition(state, action, actor, now, opts);
  if (!result.ok) throw new AppError(result.code);
  const { next } = result;

  if (action === 'publish' || action === 'publish-due') {
    const at = action === 'publish-due' ? (row.scheduled_at ?? now) : now;
    const done = await publishArticle(k, events, articleId, at, { fromStatus: [row.status] });
    if (!done) throw new AppError('WORKFLOW_INVALID');
    return next;
  }
  if (action === 'unpublish') {
    await unpublishArticle(k, events, articleId);
    return next;
  }
  if (action === 'delete') {
    await deleteArticle(k, events, articleId);
    return next;
  }
  // The publish job is written BEFORE the article becomes scheduled: a crash in
  // between leaves a job that finds nothing to do, never a scheduled article
  // without a job.
  if (action === 'schedule' && next.scheduledAt != null) {
    await opts.onSchedule?.(articleId, next.scheduledAt);
  }
  const updated = await k
    .updateTable('articles')
    .set((eb) => ({
      status: next.status,
      scheduled_at: next.scheduledAt,
      ...(next.submittedAt !== undefined ? { submitted_at: next.submittedAt } : {}),
      ...(next.editorNote !== undefined ? { editor_note: next.editorNote } : {}),
      // A new submission clears the previous round's note.
      ...(action === 'submit' ? { editor_note: '' } : {}),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', articleId)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('WORKFLOW_INVALID');
  await events.emit('article.workflow', { articleId, action, status: next.status });
  return next;
}
