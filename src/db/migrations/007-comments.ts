import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * Comments grow a moderation model: keyed hashes instead of addresses, why a
 * comment was held, reports, reply depth; plus spent captcha challenges (the
 * primary key makes check-and-mark one atomic insert), bans, word lists,
 * site settings and reports.
 */
export async function up(db: Kysely<unknown>, { id }: MigrationContext): Promise<void> {
  const add = (name: string, type: 'text' | 'integer' | 'bigint', dflt?: string | number) =>
    db.schema
      .alterTable('comments')
      .addColumn(name, type, (c) => (dflt === undefined ? c : c.notNull().defaultTo(dflt)))
      .execute();
  // Keyed hash (HMAC) of the normalised email: identifies a commenter without storing the address.
  await add('email_hash', 'text', '');
  // Keyed hash of the normalised text; NULL on old rows so the unique index below ignores them.
  await add('body_hash', 'text');
  await add('website', 'text', '');
  // Keyed hash of the client address; NULLed after the retention period.
  await add('ip_hash', 'text');
  // JSON array of hold reasons, e.g. ["links","first-time"].
  await add('held_reasons', 'text', '[]');
  await add('report_count', 'integer', 0);
  await add('depth', 'integer', 0);
  // Reply notifications: the address, encrypted with a key derived from the server secret, only on opt-in.
  await add('notify_email', 'text');
  await add('updated_at', 'bigint', 0);
  await add('moderated_by', 'integer');
  await db.schema
    .createIndex('comments_no_duplicates')
    .on('comments')
    .columns(['article_id', 'email_hash', 'body_hash'])
    .unique()
    .execute();
  await db.schema
    .createIndex('comments_email_hash')
    .on('comments')
    .columns(['email_hash', 'created_at'])
    .execute();
  await db.schema
    .createIndex('comments_ip_hash')
    .on('comments')
    .columns(['ip_hash', 'created_at'])
    .execute();
  await db.schema
    .createIndex('comments_status')
    .on('comments')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('comment_challenges_spent')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('comment_bans')
    .addColumn('id', id.type, id.build)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('comment_bans_kind_hash', ['kind', 'hash'])
    .execute();

  await db.schema
    .createTable('comment_words')
    .addColumn('id', id.type, id.build)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('word', 'text', (c) => c.notNull())
    .addUniqueConstraint('comment_words_kind_word', ['kind', 'word'])
    .execute();

  await db.schema
    .createTable('comment_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('comment_reports')
    .addColumn('comment_id', 'integer', (c) =>
      c.notNull().references('comments.id').onDelete('cascade'),
    )
    .addColumn('reporter_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_reports_pk', ['comment_id', 'reporter_hash'])
    .execute();
}
