import type { Kysely } from 'kysely';
import type { ArticleStatus, Database } from '../db/schema.ts';
import type { EventBus } from '../lib/events.ts';
import { slugify } from '../lib/slug.ts';

/**
 * The changes to an article that readers see: publishing, an edit time,
 * unpublishing and deletion. Each announces itself through the event bus so
 * the cache, search and sitemap never have to be imported here.
 */

type DB = Kysely<Database>;

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
