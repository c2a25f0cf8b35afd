import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { isReservedSlug, slugify } from '../lib/slug.ts';

/**
 * Writes to sections: create, update (rename, move, hide) and reorder, with
 * the slug and one-level nesting checks. Each announces `sections.changed`
 * when given the event bus (menus and caches listen).
 */

type DB = Kysely<Database>;

export interface SectionInput {
  slug: string;
  name: string;
  parentSlug?: string;
  description?: string;
  position?: number;
  hidden?: boolean;
}

export const SECTION_NAME_MAX = 60;
export const SECTION_SLUG_MAX = 60;

/** Why a section slug cannot be used (reserved, digits only, not a clean slug), or null. */
export function sectionSlugProblem(slug: string): 'SECTION_SLUG_INVALID' | null {
  return !slug ||
    slug.length > SECTION_SLUG_MAX ||
    isReservedSlug(slug) ||
    /^\d+$/.test(slug) ||
    slugify(slug) !== slug
    ? 'SECTION_SLUG_INVALID'
    : null;
}

/** Checks a section's name and slug: clean, not reserved, not used by another section. */
async function checkSection(db: DB, name: string, slug: string, selfId?: number): Promise<void> {
  if (!name.trim()) throw new AppError('SECTION_NAME_REQUIRED');
  if (name.length > SECTION_NAME_MAX) throw new AppError('SECTION_NAME_TOO_LONG');
  const problem = sectionSlugProblem(slug);
  if (problem) throw new AppError(problem);
  const other = await db
    .selectFrom('sections')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (other && other.id !== selfId) throw new AppError('SECTION_SLUG_TAKEN');
}

/** Checks that `parentId` may hold `selfId` as a child: one level of nesting only. */
async function checkParent(db: DB, parentId: number, selfId?: number): Promise<void> {
  const parent = await db
    .selectFrom('sections')
    .select(['id', 'parent_id'])
    .where('id', '=', parentId)
    .executeTakeFirst();
  if (!parent || parent.parent_id != null || parent.id === selfId) {
    throw new AppError('SECTION_PARENT_INVALID', 'sections nest one level only');
  }
  if (selfId !== undefined) {
    const child = await db
      .selectFrom('sections')
      .select('id')
      .where('parent_id', '=', selfId)
      .executeTakeFirst();
    if (child) throw new AppError('SECTION_PARENT_INVALID', 'sections nest one level only');
  }
}

/**
 * Creates a section; slugs that would shadow a site path, or are taken, are
 * refused (AppError with the field's code). Announces `sections.changed` on
 * `events` when given (menus and caches listen).
 */
export async function createSection(
  db: DB,
  input: SectionInput,
  events?: EventBus,
): Promise<number> {
  await checkSection(db, input.name, input.slug);
  let parentId: number | null = null;
  if (input.parentSlug) {
    const parent = await db
      .selectFrom('sections')
      .select('id')
      .where('slug', '=', input.parentSlug)
      .executeTakeFirst();
    if (!parent) throw new AppError('SECTION_PARENT_INVALID');
    await checkParent(db, parent.id);
    parentId = parent.id;
  }
  const row = await db
    .insertInto('sections')
    .values({
      slug: input.slug,
      name: input.name,
      parent_id: parentId,
      position: input.position ?? 0,
      description: input.description ?? '',
      hidden: input.hidden ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await events?.emit('sections.changed', { sectionId: row.id });
  return row.id;
}

export interface SectionChange {
  name?: string;
  slug?: string;
  /** The new parent's id, or null for a top-level section. */
  parentId?: number | null;
  position?: number;
  hidden?: boolean;
  description?: string;
}

/**
 * Renames, moves (one level of nesting), reorders or hides a section, with the
 * same checks as createSection, and announces `sections.changed`. Articles
 * keep their addresses: an article URL carries its id and answers 301 from the
 * old section slug. Returns the slug before and after (the caller records the
 * old section address as a redirect).
 */
export async function updateSection(
  db: DB,
  id: number,
  change: SectionChange,
  events?: EventBus,
): Promise<{ oldSlug: string; slug: string }> {
  const current = await db
    .selectFrom('sections')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  const name = change.name ?? current.name;
  const slug = change.slug ?? current.slug;
  await checkSection(db, name, slug, id);
  const parentId = change.parentId === undefined ? current.parent_id : change.parentId;
  if (parentId != null && parentId !== current.parent_id) await checkParent(db, parentId, id);
  await db
    .updateTable('sections')
    .set({
      name,
      slug,
      parent_id: parentId,
      ...(change.position !== undefined ? { position: change.position } : {}),
      ...(change.hidden !== undefined ? { hidden: change.hidden ? 1 : 0 } : {}),
      ...(change.description !== undefined ? { description: change.description } : {}),
    })
    .where('id', '=', id)
    .execute();
  await events?.emit('sections.changed', { sectionId: id });
  return { oldSlug: current.slug, slug };
}

/**
 * Moves a section one place up or down among its siblings (same parent),
 * renumbering the siblings' positions 0, 1, 2… in the new order.
 */
export async function moveSection(
  db: DB,
  id: number,
  direction: 'up' | 'down',
  events?: EventBus,
): Promise<void> {
  const self = await db
    .selectFrom('sections')
    .select(['id', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!self) throw new AppError('NOT_FOUND');
  await inTransaction(db, async (tx) => {
    const siblings = await tx
      .selectFrom('sections')
      .select('id')
      .where((eb) =>
        self.parent_id == null ? eb('parent_id', 'is', null) : eb('parent_id', '=', self.parent_id),
      )
      .orderBy('position')
      .orderBy('id')
      .execute();
    const order = siblings.map((s) => s.id);
    const at = order.indexOf(id);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (to >= 0 && to < order.length) {
      order[at] = order[to] as number;
      order[to] = id;
    }
    for (const [position, sid] of order.entries()) {
      await tx.updateTable('sections').set({ position }).where('id', '=', sid).execute();
    }
  });
  await events?.emit('sections.changed', { sectionId: id });
}
