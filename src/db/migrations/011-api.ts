import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * The Content API and webhooks (issue 13): API keys (only a keyed hash of the
 * secret is stored), API site settings, webhook endpoints and their delivery log.
 */
export async function up(db: Kysely<unknown>, { id }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', id.type, id.build)
    .addColumn('name', 'text', (c) => c.notNull())
    // The first characters of the key, shown in lists so a key can be recognised.
    .addColumn('prefix', 'text', (c) => c.notNull())
    // HMAC-SHA256 of the whole key with a key derived from the server secret.
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('rate_per_minute', 'integer', (c) => c.notNull().defaultTo(600))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema
    .createTable('api_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', id.type, id.build)
    .addColumn('url', 'text', (c) => c.notNull())
    // JSON array of event names.
    .addColumn('events', 'text', (c) => c.notNull())
    // The signing secret, encrypted with a key derived from the server secret.
    .addColumn('secret', 'text', (c) => c.notNull())
    // An admin allowed this host although it resolves to a private or loopback address.
    .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('paused_at', 'bigint')
    .addColumn('failing_since', 'bigint')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', id.type, id.build)
    .addColumn('endpoint_id', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('response_status', 'integer')
    .addColumn('duration_ms', 'integer')
    .addColumn('response_excerpt', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_attempt_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_endpoint')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'id'])
    .execute();
}
