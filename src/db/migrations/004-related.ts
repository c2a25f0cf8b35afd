import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * Discovery's own tables: the related-articles index (document vectors,
 * document frequencies, an inverted index of each article's strongest terms,
 * the stored related lists), hourly view counts for "Terpopuler", and an
 * external id on articles so bulk imports are idempotent.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  // On SQLite, small keyed tables are clustered on their key (WITHOUT ROWID):
  // one B-tree seek per lookup instead of an index seek plus a table seek.
  const clustered = ctx.dialect === 'sqlite' ? sql`WITHOUT ROWID` : sql``;
  await db.schema.alterTable('articles').addColumn('external_id', 'text').execute();
  await db.schema
    .createIndex('articles_external_id')
    .on('articles')
    .column('external_id')
    .unique()
    .execute();

  // One row per indexed article: its term vector and features, as JSON. The
  // long list of every distinct term (only for df bookkeeping) comes last, so
  // reading candidates' features never walks its overflow pages.
  await db.schema
    .createTable('related_docs')
    .addColumn('article_id', 'integer', (c) =>
      c.primaryKey().references('articles.id').onDelete('cascade'),
    )
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('features', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .execute();

  // Document frequency of every term (stems, `#tag`, `@entity`); term '' holds N.
  await db.schema
    .createTable('related_df')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .modifyEnd(clustered)
    .execute();

  // Inverted index of each article's top terms: candidates without a full scan.
  // A term's strongest postings are read in key order: on SQLite the table is
  // clustered on (term, weight, article_id); on PostgreSQL a covering index.
  const postings = db.schema
    .createTable('related_postings')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('weight', 'real', (c) => c.notNull());
  if (ctx.dialect === 'sqlite') {
    await postings
      .addPrimaryKeyConstraint('related_postings_pk', ['term', 'weight', 'article_id'])
      .modifyEnd(clustered)
      .execute();
  } else {
    await postings.addPrimaryKeyConstraint('related_postings_pk', ['term', 'article_id']).execute();
    await db.schema
      .createIndex('related_postings_impact')
      .on('related_postings')
      .columns(['term', 'weight', 'article_id'])
      .execute();
  }
  await db.schema
    .createIndex('related_postings_article')
    .on('related_postings')
    .column('article_id')
    .execute();

  // The computed related list of each article, best first by score.
  await db.schema
    .createTable('related_articles')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('related_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('score', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('related_articles_pk', ['article_id', 'related_id'])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createIndex('related_articles_related')
    .on('related_articles')
    .column('related_id')
    .execute();

  // Page views per article per hour (epoch ms of the hour's start); flushes add up.
  await db.schema
    .createTable('article_views')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('hour', 'bigint', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_views_pk', ['article_id', 'hour'])
    .execute();
  await db.schema.createIndex('article_views_hour').on('article_views').column('hour').execute();
}
