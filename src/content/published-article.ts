import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Block } from './blocks.ts';
import type { Article, ArticleSummary, ImageRef, TagRef } from './model.ts';
import { summaryQuery, toSummaries } from './summary-rows.ts';
import { tagUrl } from './urls.ts';
import { isReaderVisible, readerVisible } from './visibility.ts';

/**
 * One published article for its public page: the summary plus body, body
 * images, tags and the editors' pins, or why there is none (missing, gone).
 */

type DB = Kysely<Database>;

/** What a request for an article id finds: the article, or why there is none. */
export type ArticleLookup =
  | { kind: 'found'; article: Article }
  | { kind: 'gone' }
  | { kind: 'missing' };

/** Loads one article for its public page; unpublished and future ones are missing, deleted ones gone. */
export async function getPublishedArticle(db: DB, id: number, now: number): Promise<ArticleLookup> {
  const row = await summaryQuery(db)
    .select([
      'a.body',
      'a.status',
      'a.dateline',
      'a.source_credit',
      'a.byline_initials',
      'a.first_published_at',
      'a.comments_open',
      'a.seo_title',
      'a.seo_description',
      'a.deleted_at',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return { kind: 'missing' };
  if (row.deleted_at != null) return { kind: 'gone' };
  if (!isReaderVisible(row, now)) return { kind: 'missing' };
  const [summary] = await toSummaries(db, [row]);
  const body = JSON.parse(row.body) as Block[];
  const [tags, bodyImages, pinnedIds] = await Promise.all([
    tagsFor(db, id),
    imagesFor(
      db,
      body.flatMap((b) => (b.type === 'image' ? [b.mediaId] : [])),
    ),
    pinsFor(db, id, now),
  ]);
  return {
    kind: 'found',
    article: {
      ...(summary as ArticleSummary),
      body,
      bodyImages,
      dateline: row.dateline,
      sourceCredit: row.source_credit,
      bylineInitials: row.byline_initials,
      tags,
      firstPublishedAt: row.first_published_at ?? summary?.publishedAt ?? now,
      commentsOpen: row.comments_open === 1,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      pinnedIds,
    },
  };
}

async function tagsFor(db: DB, articleId: number): Promise<TagRef[]> {
  const rows = await db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['t.id', 't.slug', 't.name'])
    .where('at.article_id', '=', articleId)
    .orderBy('at.position')
    .execute();
  return rows.map((t) => ({ ...t, url: tagUrl(t.slug) }));
}

async function imagesFor(db: DB, ids: number[]): Promise<Record<number, ImageRef>> {
  if (ids.length === 0) return {};
  const rows = await db.selectFrom('media').selectAll().where('id', 'in', ids).execute();
  return Object.fromEntries(
    rows.map((m) => [
      m.id,
      {
        mediaId: m.id,
        storageKey: m.storage_key,
        width: m.width,
        height: m.height,
        variants: JSON.parse(m.variants),
        alt: m.alt,
        caption: m.caption,
        credit: m.credit,
        archive: false,
      },
    ]),
  );
}

async function pinsFor(db: DB, articleId: number, now: number): Promise<number[]> {
  // CROSS JOIN: the article's few pins drive the lookup (by primary key), never
  // a walk over every published article.
  const rows = await db
    .selectFrom('article_pins as p')
    .crossJoin('articles as a')
    .select('p.related_id')
    .whereRef('a.id', '=', 'p.related_id')
    .where('p.article_id', '=', articleId)
    .where(readerVisible(now))
    .orderBy('p.position')
    .execute();
  return rows.map((r) => r.related_id);
}
