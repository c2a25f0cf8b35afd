import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * The wire desk (issue 12): agency sources and their poll state, incoming
 * items deduplicated by (source, guid) with a version, MinHash LSH band keys
 * for near-duplicate grouping (wire items and published articles), and the
 * drafts taken from items (so a later agency update can be shown as a diff).
 */
export async function up(db: Kysely<unknown>, { id }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('wire_sources')
    .addColumn('id', id.type, id.build)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().defaultTo('auto'))
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('folder', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('photo_credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('section_id', 'integer')
    .addColumn('interval_s', 'integer', (c) => c.notNull().defaultTo(300))
    .addColumn('auth_kind', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('auth_user', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('auth_secret', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('token_header', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rules', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('etag', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_modified', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_polled_at', 'bigint')
    .addColumn('last_success_at', 'bigint')
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_error_at', 'bigint')
    .addColumn('last_report', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_poll_at', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('wire_items')
    .addColumn('id', id.type, id.build)
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dateline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('embargo_until', 'bigint')
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('group_id', 'integer')
    .addColumn('dup_article_id', 'integer')
    .addColumn('signature', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('section_id', 'integer')
    .execute();
  await db.schema
    .createIndex('wire_items_source_guid')
    .on('wire_items')
    .columns(['source_id', 'guid'])
    .unique()
    .execute();
  await db.schema
    .createIndex('wire_items_received')
    .on('wire_items')
    .columns(['received_at'])
    .execute();
  await db.schema.createIndex('wire_items_group').on('wire_items').columns(['group_id']).execute();

  await db.schema
    .createTable('wire_lsh')
    .addColumn('band_key', 'text', (c) => c.notNull())
    .addColumn('ref_kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('wire_lsh_pk', ['band_key', 'ref_kind', 'ref_id'])
    .execute();
  await db.schema
    .createIndex('wire_lsh_ref')
    .on('wire_lsh')
    .columns(['ref_kind', 'ref_id'])
    .execute();

  await db.schema
    .createTable('wire_article_sigs')
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('wire_takes')
    .addColumn('id', id.type, id.build)
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('taken_version', 'integer', (c) => c.notNull())
    .addColumn('taken_headline', 'text', (c) => c.notNull())
    .addColumn('taken_text', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'integer', (c) => c.notNull())
    .addColumn('taken_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('wire_takes_article')
    .on('wire_takes')
    .columns(['article_id'])
    .execute();
  await db.schema.createIndex('wire_takes_item').on('wire_takes').columns(['item_id']).execute();
}
