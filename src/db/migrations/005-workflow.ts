import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * The newsroom's writing workflow: who wrote an article and where it stands,
 * every save as a revision, who is editing it now, and persisted jobs (so a
 * scheduled article still goes live after a restart).
 */
export async function up(db: Kysely<unknown>, { id }: MigrationContext): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  await db.schema.alterTable('articles').addColumn('author_id', 'integer').execute();
  await db.schema.alterTable('articles').addColumn('scheduled_at', 'bigint').execute();
  await db.schema.alterTable('articles').addColumn('submitted_at', 'bigint').execute();
  await db.schema
    .alterTable('articles')
    .addColumn('editor_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('articles_author_status')
    .on('articles')
    .columns(['author_id', 'status'])
    .execute();

  await db.schema
    .createTable('revisions')
    .addColumn('id', id.type, id.build)
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('revisions_article')
    .on('revisions')
    .columns(['article_id', 'id'])
    .execute();

  await db.schema
    .createTable('article_locks')
    .addColumn('article_id', 'integer', (c) =>
      c.primaryKey().references('articles.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('acquired_at', 'bigint', (c) => c.notNull())
    .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', id.type, id.build)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('jobs_status_run_at')
    .on('jobs')
    .columns(['status', 'run_at'])
    .execute();
}
