import {
  type ColumnDataType,
  type ColumnDefinitionBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  sql,
} from 'kysely';
import type { Db, Dialect } from './connection.ts';
import * as m001 from './migrations/001-initial.ts';
import * as m002 from './migrations/002-newsroom.ts';
import * as m003 from './migrations/003-search.ts';
import * as m004 from './migrations/004-related.ts';
import * as m005 from './migrations/005-workflow.ts';
import * as m006 from './migrations/006-media.ts';
import * as m007 from './migrations/007-comments.ts';
import * as m008 from './migrations/008-login-limits.ts';
import * as m009 from './migrations/009-wordpress-import.ts';
import * as m010 from './migrations/010-wire-desk.ts';
import * as m011 from './migrations/011-api.ts';
import * as m012 from './migrations/012-home-lead-and-comment-users.ts';
import * as m013 from './migrations/013-site-settings.ts';
import * as m014 from './migrations/014-workflow-review.ts';
import * as m015 from './migrations/015-media-published.ts';
import * as m016 from './migrations/016-periodic-jobs.ts';
import * as m017 from './migrations/017-news-sitemap-exclusions.ts';

/** What differs between dialects when a migration creates tables. */
export interface MigrationContext {
  dialect: Dialect;
  /** The auto-increment primary key column, spelled for the dialect. */
  id: {
    type: ColumnDataType;
    build: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  };
}

type CodeMigration = {
  up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void>;
};

/** Every migration, in order. Names sort; never rename or edit one that has shipped. */
const MIGRATIONS: Record<string, CodeMigration> = {
  '001-initial': m001,
  '002-newsroom': m002,
  '003-search': m003,
  '004-related': m004,
  '005-workflow': m005,
  '006-media': m006,
  '007-comments': m007,
  '008-login-limits': m008,
  '009-wordpress-import': m009,
  '010-wire-desk': m010,
  '011-api': m011,
  '012-home-lead-and-comment-users': m012,
  '013-site-settings': m013,
  '014-workflow-review': m014,
  '015-media-published': m015,
  '016-periodic-jobs': m016,
  '017-news-sitemap-exclusions': m017,
};

/** The names of every migration this code knows, in order (backups record and check them). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

function contextFor(dialect: Dialect): MigrationContext {
  return {
    dialect,
    id:
      dialect === 'sqlite'
        ? { type: 'integer', build: (c) => c.primaryKey().autoIncrement() }
        : { type: 'serial', build: (c) => c.primaryKey() },
  };
}

/**
 * Brings the schema up to date. The same code builds SQLite and PostgreSQL;
 * kysely's migrator locks, so several processes starting at once are safe.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const ctx = contextFor(db.dialect);
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) {
        out[name] = { up: (k) => m.up(k, ctx) };
      }
      return out;
    },
  };
  // Kysely looks for its bookkeeping tables by name across all schemas; name ours
  // explicitly so another schema's tables (tests, other apps) never confuse it.
  const migrationTableSchema =
    db.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db.kysely)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db: db.kysely,
    provider,
    migrationTableSchema,
    // Names are `NNN-words`: ordered by code point, the same order as kysely's
    // default `localeCompare`, without building ICU's collator at every start.
    nameComparator: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
