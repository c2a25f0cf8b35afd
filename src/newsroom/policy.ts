/**
 * The one place that decides who may do what in the newsroom. Routes ask
 * `can(role, action, context)`; nothing else checks roles. A test covers every
 * (role, action) cell of the matrix.
 */

export const ROLES = ['kontributor', 'wartawan', 'redaktur', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'article.create',
  'article.edit.own',
  'article.edit.any',
  'article.view.desk',
  'article.submit',
  'article.approve',
  'article.publish',
  'article.schedule',
  'article.unpublish',
  'article.delete',
  'article.return',
  'media.upload',
  'media.edit',
  'media.edit.own',
  'media.delete',
  'media.delete.own',
  'media.view',
  'media.view.all',
  'comment.moderate',
  'staff.manage',
  'section.manage',
  'settings.manage',
  'audit.view',
  'outbox.view',
  'login.unlock',
  'wire.view',
  'wire.take',
  'wire.manage',
  'home.lead',
  'news.sitemap',
] as const;
export type Action = (typeof ACTIONS)[number];

/** The matrix itself: which roles hold each action. Writing and publishing are separate. */
const MATRIX: Record<Action, readonly Role[]> = {
  'article.create': ['kontributor', 'wartawan', 'redaktur', 'admin'],
  'article.edit.own': ['kontributor', 'wartawan', 'redaktur', 'admin'],
  'article.edit.any': ['redaktur', 'admin'],
  'article.view.desk': ['wartawan', 'redaktur', 'admin'],
  'article.submit': ['kontributor', 'wartawan', 'redaktur', 'admin'],
  'article.approve': ['redaktur', 'admin'],
  'article.publish': ['redaktur', 'admin'],
  'article.schedule': ['redaktur', 'admin'],
  'article.unpublish': ['redaktur', 'admin'],
  'article.delete': ['redaktur', 'admin'],
  'article.return': ['redaktur', 'admin'],
  // Media (issue 15): stringers (kontributor) shoot their own photos, so every
  // role uploads. A kontributor sees in the library only their own uploads and
  // the photos readers can already see (used by a published article), and
  // changes or deletes only their own; the newsroom's staff see every photo.
  // `media.edit` and `media.delete` are on any photo; the `.own` actions on a
  // photo the caller uploaded (context: userId and the uploader as authorId).
  // Deleting someone else's photo is an editor's call; nobody deletes a photo
  // an article uses (media/library.ts refuses it).
  'media.upload': ['kontributor', 'wartawan', 'redaktur', 'admin'],
  'media.edit': ['wartawan', 'redaktur', 'admin'],
  'media.edit.own': ['kontributor', 'wartawan', 'redaktur', 'admin'],
  'media.delete': ['redaktur', 'admin'],
  'media.delete.own': ['kontributor', 'wartawan', 'redaktur', 'admin'],
  'media.view': ['kontributor', 'wartawan', 'redaktur', 'admin'],
  'media.view.all': ['wartawan', 'redaktur', 'admin'],
  'comment.moderate': ['redaktur', 'admin'],
  'staff.manage': ['admin'],
  'section.manage': ['admin'],
  'settings.manage': ['admin'],
  'audit.view': ['admin'],
  'outbox.view': ['admin'],
  'login.unlock': ['admin'],
  // The wire desk (issue 12): reporters and up read agency copy and take it as
  // their own draft (which then goes through approval as usual); contributors
  // from outside the newsroom do not see agency copy. Only admins add sources,
  // since a source carries the agency's credentials and the URLs the server fetches.
  'wire.view': ['wartawan', 'redaktur', 'admin'],
  'wire.take': ['wartawan', 'redaktur', 'admin'],
  'wire.manage': ['admin'],
  // The home page's lead story ("Berita utama") is an editor's call, like publishing.
  'home.lead': ['redaktur', 'admin'],
  // What goes into the Google News sitemap (issue 13) is an editor's call too.
  'news.sitemap': ['redaktur', 'admin'],
};

/** Facts about the target that some decisions need. */
export interface PolicyContext {
  /** The acting user's id and the article's author (a photo's uploader), for `.own` actions. */
  userId?: number;
  authorId?: number | null;
}

/** True when `role` may perform `action` (on a target described by `ctx`). */
export function can(role: Role, action: Action, ctx: PolicyContext = {}): boolean {
  if (!MATRIX[action].includes(role)) return false;
  if (action.endsWith('.own')) {
    return ctx.authorId === undefined || (ctx.userId !== undefined && ctx.userId === ctx.authorId);
  }
  return true;
}

/** Type guard for role strings from forms and the database. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
