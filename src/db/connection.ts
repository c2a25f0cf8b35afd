import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { openSqlite } from './sqlite-driver.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

// BIGINT (int8) and COUNT(*) come back as strings by default; our timestamps are
// epoch milliseconds, well inside Number's safe range.
pg.types.setTypeParser(20, (v) => Number(v));

export class DatabaseUnavailableError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`Cannot open the database at ${redact(url)}: ${(cause as Error)?.message ?? cause}`, {
      cause,
    });
    this.name = 'DatabaseUnavailableError';
  }
}

/** Hides the password in a connection URL before it reaches a log or a terminal. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

/**
 * Opens the database named by a `sqlite:` path or a `postgres://` URL and checks
 * that it answers, so a bad URL fails at boot with a readable error, not on the
 * first request. `schema` (PostgreSQL only) isolates tests in their own schema.
 */
export async function openDb(url: string, options: { schema?: string } = {}): Promise<Db> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    try {
      if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
      const sqlite = openSqlite(path === ':memory:' ? ':memory:' : resolve(path));
      const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
      return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
    } catch (err) {
      throw new DatabaseUnavailableError(url, err);
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  try {
    const client = await pool.connect();
    try {
      if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(url, err);
  }
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
}
