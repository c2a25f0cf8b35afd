import { getPublishedArticle } from '../content/published-article.ts';
import type { Db } from '../db/connection.ts';
import type { EventBus } from '../lib/events.ts';

/**
 * Marks the photos of an article readers can see as published (media
 * `published_at`, the first time), so a kontributor's library lists them
 * beside their own uploads. Reads the article through content's public read
 * path: what it returns is exactly what a reader sees now. A photo stays
 * marked after its article is unpublished: readers have seen it.
 */
export async function markPublishedMedia(db: Db, articleId: number, now = Date.now()) {
  const found = await getPublishedArticle(db.kysely, articleId, now);
  if (found.kind !== 'found') return;
  const { article } = found;
  const ids = [
    ...(article.image ? [article.image.mediaId] : []),
    ...Object.keys(article.bodyImages).map(Number),
  ];
  if (ids.length === 0) return;
  await db.kysely
    .updateTable('media')
    .set({ published_at: article.publishedAt })
    .where('id', 'in', ids)
    .where('published_at', 'is', null)
    .execute();
}

/** Subscribes the media library to publishing (called from wireListeners). */
export function wireMediaPublication(events: EventBus, db: Db): void {
  const mark = ({ articleId }: { articleId: number }) => markPublishedMedia(db, articleId);
  events.on('article.published', mark);
  events.on('article.updated', mark);
}
