import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * The WordPress import (issue 11): a map from (site URL, kind, WordPress id)
 * to the Warta id, unique, which makes re-runs and `--resume` add nothing
 * twice; one row per import run with its counts and report; and the old
 * addresses (paths and `?p=` style query keys) that answer 301. Imported
 * comments keep their old anchor ("comment-123") so `#comment-123` links
 * still land on them.
 */
export async function up(db: Kysely<unknown>, { id }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('wp_import_map')
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('wp_id', 'text', (c) => c.notNull())
    .addColumn('warta_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('wp_import_map_pk', ['site', 'kind', 'wp_id'])
    .execute();
  await db.schema
    .createTable('wp_import_runs')
    .addColumn('id', id.type, id.build)
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('report', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('wp_import_runs_site')
    .on('wp_import_runs')
    .columns(['site', 'started_at'])
    .execute();
  await db.schema
    .createTable('legacy_paths')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('comments')
    .addColumn('legacy_anchor', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}
