import type { ArticleStatus } from '../db/schema.ts';
import type { ErrorCode } from '../lib/errors.ts';
import { type Action, can, type Role } from '../newsroom/policy.ts';

/**
 * The writing workflow: draft → submitted → approved → scheduled / published →
 * unpublished, with back-to-draft carrying an editor's note, unpublishing a
 * reason, and a writer's withdrawal of a submission no editor has opened yet. `transition` is a
 * pure function (state, action, actor, now) → next state or error code; who may
 * do what is decided by the policy module's `can()`, never here.
 */

export const WORKFLOW_ACTIONS = [
  'submit',
  'withdraw',
  'approve',
  'publish',
  'schedule',
  'unpublish',
  'return',
  'delete',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Type guard for an action name from a form. */
export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return WORKFLOW_ACTIONS.some((a) => a === value);
}

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
  /** The editor who opened the submitted article (then it can no longer be withdrawn). */
  reviewStartedBy?: number | null;
}

export interface TransitionInput {
  /** For `schedule`: when to go live (epoch ms). */
  scheduleAt?: number;
  /** For `return`: the editor's note to the author; for `unpublish`: the reason. */
  note?: string;
}

/** The next state and the columns that change with it. */
export interface NextState {
  status: ArticleStatus;
  scheduledAt: number | null;
  submittedAt?: number;
  editorNote?: string;
  /** For `unpublish`: the reason, kept in the audit log and shown in the history. */
  reason?: string;
}

export type TransitionResult = { ok: true; next: NextState } | { ok: false; code: ErrorCode };

/** From which states each action may start. */
const FROM: Record<WorkflowAction | 'publish-due', readonly ArticleStatus[]> = {
  submit: ['draft'],
  withdraw: ['submitted'],
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
  // Whoever may submit may take their own submission back.
  withdraw: 'article.submit',
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
  // Only the writer withdraws, and only while no editor has opened it.
  if (action === 'withdraw') {
    if (article.authorId !== actor.userId) return { ok: false, code: 'WORKFLOW_FORBIDDEN' };
    if (article.reviewStartedBy != null) return { ok: false, code: 'REVIEW_STARTED' };
  }

  switch (action) {
    case 'submit':
      return { ok: true, next: { status: 'submitted', scheduledAt: null, submittedAt: now } };
    case 'withdraw':
      return { ok: true, next: { status: 'draft', scheduledAt: null } };
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
    case 'unpublish': {
      const reason = (input.note ?? '').trim();
      if (reason === '') return { ok: false, code: 'REASON_REQUIRED' };
      if (reason.length > MAX_NOTE) return { ok: false, code: 'NOTE_TOO_LONG' };
      return { ok: true, next: { status: 'unpublished', scheduledAt: null, reason } };
    }
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
