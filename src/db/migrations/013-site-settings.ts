import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * The site's identity and settings edited by admins in the newsroom (name,
 * tagline, logo, icon, time zone, language, social accounts, legal pages):
 * one row per key, the value as JSON text, overriding the configured default
 * (decision 006). And sections an admin hides from the menus.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .createTable('site_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('sections')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
