import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * A job may carry a unique key: a periodic job (session sweep, comment
 * retention, the outbox) is one row per key, claimed by one process at a time
 * and queued again for its next run, so it runs once per period however many
 * processes poll the queue. NULL (every one-off job) is never a duplicate.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('unique_key', 'text').execute();
  await db.schema.createIndex('jobs_unique_key').unique().on('jobs').column('unique_key').execute();
}
