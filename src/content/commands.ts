import type { Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../lib/errors.ts';
import type { EventBus } from '../lib/events.ts';
import { isReservedSlug, slugify } from '../lib/slug.ts';
import type { Block } from './blocks.ts';

/**
 * Writes to the content model. Each function is one named step that may span
 * several tables; publishing announces itself through the event bus so the
 * cache, search and sitemap never have to be imported here.
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

/** Finds a tag by its name's slug or creates it; returns its id. */
export async function ensureTag(db: DB, name: string): Promise<number> {
  const slug = slugify(name);
  const found = await db
    .selectFrom('tags')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('tags')
    .values({ slug, name: name.trim() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface PersonInput {
  slug: string;
  name: string;
  initials?: string;
  title?: string;
  bio?: string;
}

/** Creates a person (a byline; not necessarily a staff account). */
export async function createPerson(db: DB, input: PersonInput): Promise<number> {
  const row = await db
    .insertInto('people')
    .values({
      slug: input.slug,
      name: input.name,
      initials: input.initials ?? '',
      title: input.title ?? '',
      bio: input.bio ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ArticleInput {
  headline: string;
  slug?: string;
  deck?: string;
  sectionId: number;
  body: Block[];
  dateline?: string;
  sourceCredit?: string;
  bylineInitials?: string;
  tagNames?: string[];
  personIds?: number[];
  featured?: {
    mediaId: number;
    caption?: string;
    credit?: string;
    alt?: string;
    archive?: boolean;
  };
  commentsOpen?: boolean;
  /** The article's note for the desk (e.g. the wire story's source link). */
  editorNote?: string;
  seoTitle?: string;
  seoDescription?: string;
  /** Creation time (epoch ms); defaults to now. */
  createdAt?: number;
  /** The staff user who writes it (newsroom); none for imports and demo stories. */
  authorId?: number | null;
}

/** Creates a draft article with its tags and bylines, in one transaction. */
export async function createArticle(db: DB, input: ArticleInput): Promise<number> {
  const now = input.createdAt ?? Date.now();
  return inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('articles')
      .values({
        slug: input.slug ?? slugify(input.headline),
        section_id: input.sectionId,
        headline: input.headline,
        deck: input.deck ?? '',
        body: JSON.stringify(input.body),
        status: 'draft',
        dateline: input.dateline ?? '',
        source_credit: input.sourceCredit ?? '',
        byline_initials: input.bylineInitials ?? '',
        featured_media_id: input.featured?.mediaId ?? null,
        featured_caption: input.featured?.caption ?? '',
        featured_credit: input.featured?.credit ?? '',
        featured_alt: input.featured?.alt ?? '',
        featured_archive: input.featured?.archive ? 1 : 0,
        comments_open: input.commentsOpen === false ? 0 : 1,
        seo_title: input.seoTitle ?? '',
        seo_description: input.seoDescription ?? '',
        published_at: null,
        first_published_at: null,
        deleted_at: null,
        version: 1,
        author_id: input.authorId ?? null,
        ...(input.editorNote ? { editor_note: input.editorNote } : {}),
        created_at: now,
        updated_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tagIds: number[] = [];
    for (const name of input.tagNames ?? []) {
      const id = await ensureTag(tx, name);
      if (!tagIds.includes(id)) tagIds.push(id);
    }
    if (tagIds.length) {
      await tx
        .insertInto('article_tags')
        .values(tagIds.map((tag_id, position) => ({ article_id: row.id, tag_id, position })))
        .execute();
    }
    const personIds = [...new Set(input.personIds ?? [])];
    if (personIds.length) {
      await tx
        .insertInto('article_bylines')
        .values(
          personIds.map((person_id, position) => ({ article_id: row.id, person_id, position })),
        )
        .execute();
    }
    return row.id;
  });
}

/** Sets the editors' "Baca juga" pins of an article, replacing earlier ones. */
export async function setPins(db: DB, articleId: number, relatedIds: number[]): Promise<void> {
  const ids = [...new Set(relatedIds)].filter((id) => id !== articleId);
  await inTransaction(db, async (tx) => {
    await tx.deleteFrom('article_pins').where('article_id', '=', articleId).execute();
    if (ids.length) {
      await tx
        .insertInto('article_pins')
        .values(
          ids.map((related_id, position) => ({ article_id: articleId, related_id, position })),
        )
        .execute();
    }
  });
}

/**
 * Sets the publication columns without announcing anything: the write a
 * publish command runs inside its transaction. Keeps the first publication
 * time across unpublish/republish, and with `keepTime` the publication time
 * too (only a first publication takes `at`); with `fromStatus` it writes only
 * while the article is still in one of those states. Returns whether it wrote.
 */
export async function markPublished(
  db: DB,
  articleId: number,
  at: number,
  fromStatus?: readonly ArticleStatus[],
  opts: { keepTime?: boolean } = {},
): Promise<boolean> {
  const current = await db
    .selectFrom('articles')
    .select(['first_published_at', 'published_at'])
    .where('id', '=', articleId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!current) return false;
  const keep = opts.keepTime === true && current.published_at != null;
  let update = db
    .updateTable('articles')
    .set((eb) => ({
      status: 'published' as const,
      published_at: keep ? current.published_at : at,
      // Readers first see the content now: earlier edits are not an update.
      ...(keep ? {} : { modified_at: at }),
      first_published_at: current.first_published_at ?? at,
      scheduled_at: null,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', articleId);
  if (fromStatus) update = update.where('status', 'in', fromStatus);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Publishes an article at `at` (default now) with no person acting (demo
 * stories, imports, test factories) and announces `article.published`. The
 * newsroom and the scheduler go through `commands/publish-article.ts`, which
 * adds policy, invariants and the audit entry. Returns whether it published.
 */
export async function publishArticle(
  db: DB,
  events: EventBus,
  articleId: number,
  at: number = Date.now(),
): Promise<boolean> {
  if (!(await markPublished(db, articleId, at))) return false;
  await events.emit('article.published', { articleId });
  return true;
}

/** Records an edit time (the page then shows "Diperbarui") and announces `article.updated`. */
export async function touchArticle(
  db: DB,
  events: EventBus,
  articleId: number,
  changes: { slug?: string; sectionId?: number; headline?: string } = {},
  at: number = Date.now(),
): Promise<void> {
  await db
    .updateTable('articles')
    .set((eb) => ({
      ...(changes.slug ? { slug: slugify(changes.slug) } : {}),
      ...(changes.sectionId ? { section_id: changes.sectionId } : {}),
      ...(changes.headline ? { headline: changes.headline } : {}),
      updated_at: at,
      modified_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', articleId)
    .execute();
  await events.emit('article.updated', { articleId });
}

/** Takes an article off the site (its URL then answers 404) and announces it. */
export async function unpublishArticle(db: DB, events: EventBus, articleId: number): Promise<void> {
  await db
    .updateTable('articles')
    .set((eb) => ({
      status: 'unpublished',
      updated_at: Date.now(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', articleId)
    .execute();
  await events.emit('article.unpublished', { articleId });
}

/** Soft-deletes an article: its URL answers 410 Gone from now on. */
export async function deleteArticle(db: DB, events: EventBus, articleId: number): Promise<void> {
  await db
    .updateTable('articles')
    .set({ deleted_at: Date.now() })
    .where('id', '=', articleId)
    .execute();
  await events.emit('article.deleted', { articleId });
}
