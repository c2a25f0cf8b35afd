import { existsSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { openDb } from '../db/connection.ts';
import { appliedMigrations, countRows } from './manifest.ts';
import type { Counts } from './messages.ts';

/** The file behind a `sqlite:PATH` URL. */
export function sqlitePath(url: string): string {
  return resolve(url.slice('sqlite:'.length));
}

/** The files SQLite keeps beside a database in WAL mode. */
const companions = (path: string) => [path, `${path}-wal`, `${path}-shm`];

/**
 * A consistent copy of a live database: `VACUUM INTO` reads one snapshot in a
 * read transaction (WAL lets the server go on writing meanwhile) and writes a
 * compact, self-contained file. The same SQL works on node:sqlite and
 * better-sqlite3.
 */
export async function snapshotSqlite(url: string, dest: string): Promise<void> {
  const db = await openDb(url);
  try {
    await sql`VACUUM INTO ${dest}`.execute(db.kysely);
  } finally {
    await db.close();
  }
}

/** Counts and migrations of a SQLite file, read without leaving a WAL behind. */
export async function sqliteFacts(path: string): Promise<{ counts: Counts; migrations: string[] }> {
  const db = await openDb(`sqlite:${path}`);
  try {
    return { counts: await countRows(db.kysely), migrations: await appliedMigrations(db.kysely) };
  } finally {
    await db.close();
    for (const f of companions(path).slice(1)) await rm(f, { force: true });
  }
}

/**
 * True when another connection (a running server) has the database open: a
 * connection in exclusive locking mode cannot begin while any other holds the
 * WAL's shared lock. Waits for nobody (busy timeout 0) and changes nothing.
 */
export async function sqliteInUse(path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  const db = await openDb(`sqlite:${path}`);
  try {
    await sql`PRAGMA busy_timeout = 0`.execute(db.kysely);
    await sql`PRAGMA locking_mode = EXCLUSIVE`.execute(db.kysely);
    await sql`BEGIN EXCLUSIVE`.execute(db.kysely);
    await sql`SELECT count(*) FROM sqlite_master`.execute(db.kysely);
    await sql`COMMIT`.execute(db.kysely);
    return false;
  } catch (err) {
    if (/locked|busy/i.test((err as Error).message)) return true;
    throw err;
  } finally {
    await db.close();
  }
}

/**
 * Puts the restored file in place of the configured database (the server is
 * stopped): copied beside the target first, then renamed over it, after the
 * old file and its WAL are moved aside (`keepAs`) or removed.
 */
export async function replaceSqlite(staged: string, target: string, keepAs?: string) {
  const temp = `${target}.restoring`;
  await copyFile(staged, temp);
  for (const [i, f] of companions(target).entries()) {
    if (!existsSync(f)) continue;
    if (keepAs) await rename(f, `${keepAs}${['', '-wal', '-shm'][i]}`);
    else await rm(f, { force: true });
  }
  await rename(temp, target);
}
