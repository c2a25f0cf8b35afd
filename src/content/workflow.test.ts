import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../db/schema.ts';
import { ROLES, type Role } from '../newsroom/policy.ts';
import {
  type Actor,
  availableActions,
  mayEdit,
  SYSTEM,
  transition,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
} from './workflow.ts';

const STATES: ArticleStatus[] = [
  'draft',
  'submitted',
  'approved',
  'scheduled',
  'published',
  'unpublished',
];

/** The specification, written out independently of workflow.ts. */
const FROM: Record<WorkflowAction, ArticleStatus[]> = {
  submit: ['draft'],
  withdraw: ['submitted'],
  approve: ['submitted'],
  publish: ['approved', 'scheduled', 'unpublished'],
  schedule: ['approved', 'scheduled'],
  unpublish: ['published'],
  return: ['submitted', 'approved', 'scheduled', 'unpublished'],
  delete: STATES,
};
const WHO: Record<WorkflowAction, Role[]> = {
  submit: ['kontributor', 'wartawan', 'redaktur', 'admin'],
  withdraw: ['kontributor', 'wartawan', 'redaktur', 'admin'],
  approve: ['redaktur', 'admin'],
  publish: ['redaktur', 'admin'],
  schedule: ['redaktur', 'admin'],
  unpublish: ['redaktur', 'admin'],
  return: ['redaktur', 'admin'],
  delete: ['redaktur', 'admin'],
};
const TO: Record<WorkflowAction, ArticleStatus | null> = {
  submit: 'submitted',
  withdraw: 'draft',
  approve: 'approved',
  publish: 'published',
  schedule: 'scheduled',
  unpublish: 'unpublished',
  return: 'draft',
  delete: null,
};

const NOW = 1_700_000_000_000;
const input = { scheduleAt: NOW + 3_600_000, note: 'Tambahkan kutipan narasumber.' };

describe('workflow state machine (every state × action × role, own article)', () => {
  for (const status of STATES) {
    for (const action of WORKFLOW_ACTIONS) {
      for (const role of ROLES) {
        const allowed = WHO[action].includes(role);
        const valid = FROM[action].includes(status);
        const expected = !allowed ? 'WORKFLOW_FORBIDDEN' : !valid ? 'WORKFLOW_INVALID' : 'ok';
        it(`${role}: ${action} from ${status} → ${expected}`, () => {
          const actor: Actor = { role, userId: 5 };
          const r = transition({ status, authorId: 5 }, action, actor, NOW, input);
          if (expected === 'ok') {
            expect(r.ok).toBe(true);
            if (r.ok) expect(r.next.status).toBe(TO[action] ?? status);
          } else {
            expect(r).toEqual({ ok: false, code: expected });
          }
        });
      }
    }
  }
});

describe('workflow rules beyond the table', () => {
  const kontributor: Actor = { role: 'kontributor', userId: 1 };
  const redaktur: Actor = { role: 'redaktur', userId: 2 };

  it("refuses submitting someone else's draft unless one may edit any article", () => {
    const other = { status: 'draft' as const, authorId: 99 };
    expect(transition(other, 'submit', kontributor, NOW)).toEqual({
      ok: false,
      code: 'WORKFLOW_FORBIDDEN',
    });
    expect(transition(other, 'submit', { role: 'wartawan', userId: 1 }, NOW).ok).toBe(false);
    expect(transition(other, 'submit', redaktur, NOW).ok).toBe(true);
  });

  it('stamps the submission time', () => {
    const r = transition({ status: 'draft', authorId: 1 }, 'submit', kontributor, NOW);
    expect(r.ok && r.next.submittedAt).toBe(NOW);
  });

  it('schedules only for a time in the future', () => {
    const s = { status: 'approved' as const, authorId: 1 };
    expect(transition(s, 'schedule', redaktur, NOW, {})).toEqual({
      ok: false,
      code: 'SCHEDULE_REQUIRED',
    });
    expect(transition(s, 'schedule', redaktur, NOW, { scheduleAt: NOW - 1 })).toEqual({
      ok: false,
      code: 'SCHEDULE_IN_PAST',
    });
    expect(transition(s, 'schedule', redaktur, NOW, { scheduleAt: NOW })).toEqual({
      ok: false,
      code: 'SCHEDULE_IN_PAST',
    });
    const ok = transition(s, 'schedule', redaktur, NOW, { scheduleAt: NOW + 60_000 });
    expect(ok.ok && ok.next).toEqual({ status: 'scheduled', scheduledAt: NOW + 60_000 });
  });

  it('sends back to draft only with a note, and carries it', () => {
    const s = { status: 'submitted' as const, authorId: 1 };
    expect(transition(s, 'return', redaktur, NOW, { note: '   ' })).toEqual({
      ok: false,
      code: 'NOTE_REQUIRED',
    });
    expect(transition(s, 'return', redaktur, NOW, { note: 'x'.repeat(1001) })).toEqual({
      ok: false,
      code: 'NOTE_TOO_LONG',
    });
    const r = transition(s, 'return', redaktur, NOW, { note: ' Cek angka korban. ' });
    expect(r.ok && r.next).toEqual({
      status: 'draft',
      scheduledAt: null,
      editorNote: 'Cek angka korban.',
    });
  });

  it('lets only the system publish a due scheduled article', () => {
    const s = { status: 'scheduled' as const, authorId: 1, scheduledAt: NOW };
    expect(transition(s, 'publish-due', SYSTEM, NOW).ok).toBe(true);
    expect(transition(s, 'publish-due', SYSTEM, NOW - 1).ok).toBe(false);
    expect(transition(s, 'publish-due', redaktur, NOW).ok).toBe(false);
    expect(transition({ ...s, status: 'draft' }, 'publish-due', SYSTEM, NOW).ok).toBe(false);
    expect(transition(s, 'publish', SYSTEM, NOW).ok).toBe(false);
  });

  it('lets writers edit only their own drafts, editors anything', () => {
    expect(mayEdit(kontributor, { status: 'draft', authorId: 1 })).toBe(true);
    expect(mayEdit(kontributor, { status: 'submitted', authorId: 1 })).toBe(false);
    expect(mayEdit(kontributor, { status: 'draft', authorId: 2 })).toBe(false);
    expect(mayEdit(kontributor, { status: 'draft', authorId: null })).toBe(false);
    expect(mayEdit(redaktur, { status: 'published', authorId: 1 })).toBe(true);
  });

  it('offers the buttons a person may press', () => {
    expect(availableActions({ status: 'draft', authorId: 1 }, kontributor)).toEqual(['submit']);
    // The writer may take back a submission no editor has opened, and only then.
    expect(availableActions({ status: 'submitted', authorId: 1 }, kontributor)).toEqual([
      'withdraw',
    ]);
    expect(
      availableActions({ status: 'submitted', authorId: 1, reviewStartedBy: 9 }, kontributor),
    ).toEqual([]);
    expect(availableActions({ status: 'submitted', authorId: 2 }, kontributor)).toEqual([]);
    expect(availableActions({ status: 'submitted', authorId: 1 }, redaktur)).toEqual([
      'approve',
      'return',
      'delete',
    ]);
    expect(availableActions({ status: 'approved', authorId: 1 }, redaktur)).toEqual([
      'publish',
      'schedule',
      'return',
      'delete',
    ]);
  });
});
