import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * Two facts the writing workflow keeps about an article:
 * - `modified_at`: when its content (text, photo, fields) last changed, apart
 *   from status changes. Readers' "Diperbarui", feeds' `updated` and JSON-LD
 *   `dateModified` come from it; `updated_at` keeps meaning "any change" (the
 *   search sweep's watermark). Filled from `updated_at` for existing rows.
 * - `review_started_by`: the editor who opened a submitted article in the
 *   editor; while set, the writer can no longer withdraw the submission.
 * And an index on the audit log's target: an article's history page lists its
 * workflow steps (submitted, withdrawn, unpublished with the reason…).
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('articles').addColumn('modified_at', 'bigint').execute();
  await db.schema.alterTable('articles').addColumn('review_started_by', 'integer').execute();
  await sql`UPDATE articles SET modified_at = updated_at`.execute(db);
  await db.schema
    .createIndex('audit_log_target')
    .on('audit_log')
    .columns(['target', 'created_at'])
    .execute();
}
