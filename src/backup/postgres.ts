import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { appliedMigrations, countRows } from './manifest.ts';
import { BackupError, type BackupMessages, type Counts } from './messages.ts';

/**
 * `pg_dump` and `pg_restore` for a PostgreSQL installation. The connection is
 * handed over in PG* environment variables, never on the command line, where
 * any user of the machine could read a password in the process list.
 */

/** The PG* variables that point pg_dump/pg_restore at the database of a `postgres://` URL. */
export function pgEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {};
  const host = u.searchParams.get('host') ?? decodeURIComponent(u.hostname);
  if (host) env.PGHOST = host;
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (database) env.PGDATABASE = database;
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  const options = u.searchParams.get('options');
  if (options) env.PGOPTIONS = options;
  return env;
}

/** Runs a PostgreSQL client program; resolves with its standard output. */
function run(t: BackupMessages, tool: string, args: string[], url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, {
      env: { ...process.env, ...pgEnv(url) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.once('error', (e: NodeJS.ErrnoException) =>
      reject(new BackupError(e.code === 'ENOENT' ? t.toolMissing(tool) : e.message, e)),
    );
    child.once('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      const detail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-5).join('\n');
      reject(new BackupError(t.toolFailed(tool, detail || `exit ${code}`)));
    });
  });
}

/** pg_dump's pattern syntax: a double-quoted name matches itself only. */
const exactName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The schema the connection works in (`public`, or the one a search_path names). */
export async function currentSchema(db: Db): Promise<string> {
  const r = await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db.kysely);
  const schema = r.rows[0]?.s;
  if (!schema) throw new Error('The PostgreSQL connection has no current schema');
  return schema;
}

/**
 * Dumps the schema in pg_dump's custom format, from the same snapshot the
 * counts and migrations are read in: a repeatable-read transaction exports its
 * snapshot and pg_dump imports it, so the manifest describes exactly the dump.
 */
export async function dumpPostgres(
  t: BackupMessages,
  db: Db,
  url: string,
  dest: string,
): Promise<{ counts: Counts; migrations: string[]; schema: string; extensions: string[] }> {
  const schema = await currentSchema(db);
  return db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const snap = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(trx);
      const counts = await countRows(trx);
      const migrations = await appliedMigrations(trx);
      const ext = await sql<{
        name: string;
      }>`SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname`.execute(
        trx,
      );
      await run(
        t,
        'pg_dump',
        [
          '--format=custom',
          `--schema=${exactName(schema)}`,
          '--no-owner',
          '--no-privileges',
          `--snapshot=${snap.rows[0]?.id}`,
          `--file=${dest}`,
        ],
        url,
      );
      return { counts, migrations, schema, extensions: ext.rows.map((r) => r.name) };
    });
}

/** Drops every table, view and sequence of the schema (not those an extension owns). */
async function clearSchema(db: Db, schema: string): Promise<void> {
  const rels = await sql<{ name: string; kind: string }>`
    SELECT c.relname AS name, c.relkind AS kind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`.execute(
    db.kysely,
  );
  const KIND: Record<string, string> = {
    r: 'TABLE',
    p: 'TABLE',
    v: 'VIEW',
    m: 'MATERIALIZED VIEW',
    S: 'SEQUENCE',
  };
  await db.kysely.transaction().execute(async (trx) => {
    for (const rel of rels.rows) {
      await sql`DROP ${sql.raw(KIND[rel.kind] ?? 'TABLE')} IF EXISTS ${sql.id(schema, rel.name)} CASCADE`.execute(
        trx,
      );
    }
  });
}

/** A TOC line for the schema itself: the schema already exists in the target. */
const SCHEMA_ENTRY = /^\d+; \d+ \d+ (SCHEMA - |COMMENT - SCHEMA )/;

/**
 * Restores a dump into the configured database: the extensions its tables
 * need, an emptied schema, then pg_restore in one transaction (all or nothing)
 * with the schema's own CREATE left out, since the target already has it.
 */
export async function restorePostgres(
  t: BackupMessages,
  db: Db,
  url: string,
  dump: string,
  opts: { schema: string; extensions: string[]; listFile: string },
): Promise<void> {
  for (const name of opts.extensions) {
    await sql`CREATE EXTENSION IF NOT EXISTS ${sql.id(name)} WITH SCHEMA public`.execute(db.kysely);
  }
  await clearSchema(db, opts.schema);
  const toc = await run(t, 'pg_restore', ['--list', dump], url);
  const keep = toc.split('\n').filter((line) => !SCHEMA_ENTRY.test(line));
  await writeFile(opts.listFile, `${keep.join('\n')}\n`);
  const env = pgEnv(url);
  await run(
    t,
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--use-list=${opts.listFile}`,
      `--dbname=${env.PGDATABASE ?? env.PGUSER ?? 'postgres'}`,
      dump,
    ],
    url,
  );
}
