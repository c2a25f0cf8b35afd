import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * The home page's lead story ("Berita utama", one row per slot; today only
 * 'home'), chosen by an editor or set from WordPress's sticky post; and the
 * staff account a comment was written by (imported WordPress comments of
 * authors brought in with --staff), shown with a "Redaksi" badge.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('home_lead')
    .addColumn('slot', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('set_by', 'integer')
    .addColumn('set_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('comments').addColumn('user_id', 'integer').execute();
}
