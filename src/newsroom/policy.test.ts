import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, can, isRole, ROLES, type Role } from './policy.ts';

/** The expected matrix, written out independently of policy.ts: one row per action. */
const EXPECTED: Record<Action, Record<Role, boolean>> = {
  'article.create': { kontributor: true, wartawan: true, redaktur: true, admin: true },
  'article.edit.own': { kontributor: true, wartawan: true, redaktur: true, admin: true },
  'article.edit.any': { kontributor: false, wartawan: false, redaktur: true, admin: true },
  'article.view.desk': { kontributor: false, wartawan: true, redaktur: true, admin: true },
  'article.submit': { kontributor: true, wartawan: true, redaktur: true, admin: true },
  'article.approve': { kontributor: false, wartawan: false, redaktur: true, admin: true },
  'article.publish': { kontributor: false, wartawan: false, redaktur: true, admin: true },
  'article.schedule': { kontributor: false, wartawan: false, redaktur: true, admin: true },
  'article.unpublish': { kontributor: false, wartawan: false, redaktur: true, admin: true },
  'article.delete': { kontributor: false, wartawan: false, redaktur: true, admin: true },
  'article.return': { kontributor: false, wartawan: false, redaktur: true, admin: true },
  'media.upload': { kontributor: true, wartawan: true, redaktur: true, admin: true },
  'media.edit': { kontributor: false, wartawan: true, redaktur: true, admin: true },
  'media.edit.own': { kontributor: true, wartawan: true, redaktur: true, admin: true },
  'media.delete': { kontributor: false, wartawan: false, redaktur: true, admin: true },
  'media.delete.own': { kontributor: true, wartawan: true, redaktur: true, admin: true },
  'media.view': { kontributor: true, wartawan: true, redaktur: true, admin: true },
  'media.view.all': { kontributor: false, wartawan: true, redaktur: true, admin: true },
  'comment.moderate': { kontributor: false, wartawan: false, redaktur: true, admin: true },
  'staff.manage': { kontributor: false, wartawan: false, redaktur: false, admin: true },
  'section.manage': { kontributor: false, wartawan: false, redaktur: false, admin: true },
  'settings.manage': { kontributor: false, wartawan: false, redaktur: false, admin: true },
  'audit.view': { kontributor: false, wartawan: false, redaktur: false, admin: true },
  'outbox.view': { kontributor: false, wartawan: false, redaktur: false, admin: true },
  'login.unlock': { kontributor: false, wartawan: false, redaktur: false, admin: true },
  'wire.view': { kontributor: false, wartawan: true, redaktur: true, admin: true },
  'wire.take': { kontributor: false, wartawan: true, redaktur: true, admin: true },
  'wire.manage': { kontributor: false, wartawan: false, redaktur: false, admin: true },
  'home.lead': { kontributor: false, wartawan: false, redaktur: true, admin: true },
  'news.sitemap': { kontributor: false, wartawan: false, redaktur: true, admin: true },
};

describe('newsroom policy', () => {
  it('lists every action in the expected matrix', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      it(`${role} ${EXPECTED[action][role] ? 'may' : 'may not'} ${action}`, () => {
        expect(can(role, action)).toBe(EXPECTED[action][role]);
      });
    }
  }

  it('lets a writer edit only their own article unless they may edit any', () => {
    expect(can('kontributor', 'article.edit.own', { userId: 7, authorId: 7 })).toBe(true);
    expect(can('wartawan', 'article.edit.any')).toBe(false);
    expect(can('redaktur', 'article.edit.any')).toBe(true);
    expect(can('kontributor', 'article.edit.own', { userId: 1, authorId: 2 })).toBe(false);
  });

  it('lets a kontributor change and delete only the photos they uploaded', () => {
    expect(can('kontributor', 'media.edit.own', { userId: 7, authorId: 7 })).toBe(true);
    expect(can('kontributor', 'media.delete.own', { userId: 7, authorId: 7 })).toBe(true);
    expect(can('kontributor', 'media.edit.own', { userId: 7, authorId: 8 })).toBe(false);
    expect(can('kontributor', 'media.delete.own', { userId: 7, authorId: null })).toBe(false);
  });

  it('recognises only real roles', () => {
    expect(isRole('redaktur')).toBe(true);
    for (const bad of ['Redaktur', 'root', '', null, 3, ['admin']]) expect(isRole(bad)).toBe(false);
  });
});
