import { createRequire } from 'node:module';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Which SQLite driver runs under this Node.js (docs/decisions/001-sqlite-driver.md):
 * Node's built-in `node:sqlite` wherever it exists (22.13+ and 24: no native
 * build, and immune to the `node::ObjectWrap` cleanup-hook abort of Node
 * 24.19–24.21), better-sqlite3 12 on Node 20, which has no `node:sqlite`.
 */
export type SqliteDriverName = 'node:sqlite' | 'better-sqlite3';

const require = createRequire(import.meta.url);

interface NodeSqliteStatement {
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...params: unknown[]): IterableIterator<unknown>;
  columns?(): unknown[];
}
interface NodeSqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): NodeSqliteStatement;
  close(): void;
}
type NodeSqliteModule = { DatabaseSync: new (path: string) => NodeSqliteDatabase };

/**
 * `node:sqlite` when this Node has it, else null (Node 20). Node 22 marks the
 * module experimental and says so on stderr at every start; that one warning
 * is held back (decision 001 covers the choice), every other warning passes.
 */
function loadNodeSqlite(): NodeSqliteModule | null {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('SQLite is an experimental feature')) return;
    Reflect.apply(emitWarning, process, [warning, ...rest]);
  }) as typeof process.emitWarning;
  try {
    const mod = process.getBuiltinModule('node:sqlite') as NodeSqliteModule | undefined;
    return mod?.DatabaseSync ? mod : null;
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** The driver `openSqlite` uses under this Node; `warta doctor` and the start-up line say it. */
export function sqliteDriverName(): SqliteDriverName {
  return loadNodeSqlite() ? 'node:sqlite' : 'better-sqlite3';
}

/** Statements that return rows when Node cannot tell us (`columns()` is 22.16+). */
const READER = /^\s*(select|with|pragma|values|explain)\b|\breturning\b/i;

function adaptStatement(stmt: NodeSqliteStatement, sql: string): SqliteStatement {
  const reader = stmt.columns ? stmt.columns().length > 0 : READER.test(sql);
  return {
    reader,
    all: (params) => stmt.all(...params),
    run: (params) => stmt.run(...params),
    iterate: (params) => stmt.iterate(...params),
  };
}

/** An open SQLite handle: what Kysely needs, plus `exec` for pragmas. */
type OpenSqlite = SqliteDatabase & { exec(sql: string): void };

/** Most prepared statements kept per connection (`IN (?, ?, …)` lists make new texts). */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * Keeps prepared statements by SQL text, least recently used out first, so a
 * page's queries are parsed and planned once per process instead of on every
 * request. Safe because both drivers run a statement to completion
 * synchronously (`all`/`run`) before the next `prepare` can return it again.
 */
export function withStatementCache(db: OpenSqlite, size = STATEMENT_CACHE_SIZE): OpenSqlite {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(sql) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = db.prepare(sql);
        if (cache.size >= size) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, stmt);
      return stmt;
    },
    close() {
      cache.clear();
      return db.close();
    },
    exec: (sql) => db.exec(sql),
  };
}

/** Kysely's SQLite database interface over `node:sqlite`'s synchronous API. */
function nodeSqlite(mod: NodeSqliteModule, path: string): OpenSqlite {
  const db = new mod.DatabaseSync(path);
  return {
    prepare: (sql) => adaptStatement(db.prepare(sql), sql),
    close: () => db.close(),
    exec: (sql) => db.exec(sql),
  };
}

/** better-sqlite3 already has Kysely's interface (and `exec`). */
function betterSqlite(path: string): OpenSqlite {
  let Database: new (path: string) => OpenSqlite;
  try {
    Database = require('better-sqlite3');
  } catch (err) {
    throw new Error(
      'This Node.js has no built-in SQLite (node:sqlite needs Node 22.13 or later) and the ' +
        'better-sqlite3 package is not installed. Run `npm install` on Node 20, or use Node 22 or 24.',
      { cause: err },
    );
  }
  return new Database(path);
}

/**
 * Opens a SQLite file (or `:memory:`) with the driver for this Node and the
 * pragmas Warta relies on: WAL, foreign keys, a busy timeout for a second
 * process, and NORMAL sync (durable at checkpoints, safe with WAL).
 */
export function openSqlite(path: string): SqliteDatabase {
  const mod = loadNodeSqlite();
  const db = withStatementCache(mod ? nodeSqlite(mod, path) : betterSqlite(path));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA synchronous = NORMAL');
  return db;
}
