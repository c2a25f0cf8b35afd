import type { Kysely } from 'kysely';
import { approvedComments } from '../comments/queries.ts';
import { type CommentSettings, loadSettings } from '../comments/settings.ts';
import type { Article, Section } from '../content/model.ts';
import { type ArticleLookup, getPublishedArticle } from '../content/published-article.ts';
import { listSections } from '../content/taxonomy-queries.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { forgetReads, memoRead } from '../db/write-generation.ts';
import { mostReadLists } from '../discovery/most-read.ts';
import type { EventBus } from '../lib/events.ts';
import { loadArticleSurroundings, loadHomePage } from './page-data.ts';
import type { ArticlePageProps, HomePageProps } from './views/props.ts';

/**
 * In-memory reads for the public pages: what every request for a page would
 * otherwise ask the database again although it changes only when an editor
 * acts. Each entry is dropped by any write through the same database handle
 * and by the domain events (`wireReadCaches`), and lives at most
 * READ_TTL_MS, the bound for changes made by another process (or an article
 * whose scheduled time comes). Cached values are shared: views never mutate them.
 */

type DB = Kysely<Database>;

/** Longest a cached read is served; also how late a change made by another process shows. */
export const READ_TTL_MS = 1000;
/** The most-read lists change with every view; they are recounted at least this often. */
export const MOST_READ_TTL_MS = 10_000;

/** Every section with its children (the menu, section pages, search filters). */
export function cachedSections(db: DB): Promise<Section[]> {
  return memoRead(db, 'sections', READ_TTL_MS, () => listSections(db));
}

/** The comment settings (shown on every article page through the comment form). */
export function cachedCommentSettings(db: DB): Promise<CommentSettings> {
  return memoRead(db, 'comment-settings', READ_TTL_MS, () => loadSettings(db));
}

/** An article for its public page (or why there is none). */
export function cachedArticle(db: DB, id: number, now: number): Promise<ArticleLookup> {
  return memoRead(db, `article:${id}`, READ_TTL_MS, () => getPublishedArticle(db, id, now), now);
}

/** The "Terpopuler" lists of the last day and week. */
export function cachedMostRead(db: DB, now: number): ReturnType<typeof mostReadLists> {
  return memoRead(db, 'most-read', MOST_READ_TTL_MS, () => mostReadLists(db, now), now);
}

/** Everything an article page shows: the related lists, latest, most read and comments. */
export async function cachedArticlePage(
  db: DB,
  article: Article,
  now: number,
): Promise<ArticlePageProps> {
  const [around, comments, mostRead] = await Promise.all([
    memoRead(
      db,
      `around:${article.id}`,
      READ_TTL_MS,
      () => loadArticleSurroundings(db, article, now),
      now,
    ),
    memoRead(
      db,
      `comments:${article.id}`,
      READ_TTL_MS,
      () => approvedComments(db, article.id),
      now,
    ),
    cachedMostRead(db, now),
  ]);
  return { ...around, comments, mostRead };
}

/** The front page's lists. */
export function cachedHomePage(db: DB, nav: Section[], now: number): Promise<HomePageProps> {
  return memoRead(db, 'home', READ_TTL_MS, () => loadHomePage(db, nav, now, cachedMostRead), now);
}

/**
 * Drops the cached reads on every event that changes what a public page shows
 * (called from listeners.ts): publishing, edits, comments, sections, settings.
 */
export function wireReadCaches(events: EventBus, db: Db): void {
  const forget = () => forgetReads(db.kysely);
  events.onEveryProcess('article.published', forget);
  events.onEveryProcess('article.updated', forget);
  events.onEveryProcess('article.unpublished', forget);
  events.onEveryProcess('article.deleted', forget);
  events.onEveryProcess('comment.approved', forget);
  events.onEveryProcess('comment.hidden', forget);
  events.onEveryProcess('sections.changed', forget);
  events.onEveryProcess('settings.changed', forget);
  events.onEveryProcess('home.lead.changed', forget);
  events.onEveryProcess('news.sitemap.changed', forget);
}
