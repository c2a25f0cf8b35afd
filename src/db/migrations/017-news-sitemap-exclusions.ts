import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * What an editor kept out of the Google News sitemap (issue 13): a whole
 * section or one article. Owned by distribution; the article and section
 * rows themselves are not touched, so excluding a story never moves its
 * `lastmod`.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('news_exclusions')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('set_by', 'integer')
    .addColumn('set_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_exclusions_pk', ['kind', 'target_id'])
    .execute();
}
