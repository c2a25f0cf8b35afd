import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * The media library for the newsroom: focal-point crops (which widths exist and
 * their version, JSON), who uploaded an image, the file name it came with, and
 * when it was last edited. Existing images get no crops until their focal point
 * is set. One column per statement: SQLite adds columns one at a time.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema
    .alterTable('media')
    .addColumn('crops', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('media')
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('media')
    .addColumn('original_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('media').addColumn('updated_at', 'bigint').execute();
  await db.schema.createIndex('media_created_at').on('media').column('created_at').execute();
}
