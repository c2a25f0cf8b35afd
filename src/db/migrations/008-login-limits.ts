import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * Login limits that a stranger cannot turn into a lock-out (decision 004):
 * every failure row names the account it was aimed at, so per-(account,
 * address) and per-device buckets can be listed and cleared per account; and
 * users get a device epoch, bumped to revoke every "this browser logged in
 * before" cookie at once (log out everywhere, password reset).
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  // Keyed hash of the account an attempt was aimed at ('' on rows written before 008).
  await db.schema
    .alterTable('login_failures')
    .addColumn('account_hash', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('login_failures_account')
    .on('login_failures')
    .columns(['account_hash', 'created_at'])
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('device_epoch', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
