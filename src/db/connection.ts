import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type CompiledQuery, Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import { lazyRequire } from '../lib/lazy-require.ts';
import type { Database } from './schema.ts';
import { openSqlite } from './sqlite-driver.ts';
import { noteWrite, trackWrites } from './write-generation.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL only: messages to every process using this database (and schema). */
  pubsub?: PubSub;
  close(): Promise<void>;
}

/**
 * Messages between the processes that share a PostgreSQL database, over
 * LISTEN/NOTIFY: delivered to every process listening at the time (including
 * the sender), at most 8000 bytes each, lost for a process that is not
 * connected. Channels are scoped to the connection's schema.
 */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Listens on a dedicated connection (reconnecting after a failure); resolves with a stop function. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
}

/** The PostgreSQL client, loaded only by installations that use it. */
const loadPg = lazyRequire<typeof pg>('pg');
function postgres(): typeof pg {
  const driver = loadPg();
  // BIGINT (int8) and COUNT(*) come back as strings by default; our timestamps are
  // epoch milliseconds, well inside Number's safe range.
  driver.types.setTypeParser(20, (v) => Number(v));
  return driver;
}

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

export interface OpenDbOptions {
  /** PostgreSQL only: isolates tests in their own schema. */
  schema?: string;
  /** Called with every statement's SQL after it ran (the query-count tests). */
  onQuery?: (sql: string) => void;
}

/** Statements that only read: anything else may have changed data. */
const READ_ONLY = /^\s*(select|with|pragma|explain)\b/i;

/**
 * Kysely's `log` hook: every statement that may have written (insert, update,
 * delete, DDL, raw SQL that is not a plain read, or a failed statement) moves
 * the database's write generation on, so in-memory read caches
 * (src/db/write-generation.ts) never outlive a change made through this handle.
 */
function queryLog(onQuery?: (sql: string) => void) {
  let root: object | undefined;
  const log = (event: LogEvent) => {
    const q: CompiledQuery = event.query;
    onQuery?.(q.sql);
    const kind = q.query.kind;
    const reads =
      event.level === 'query' &&
      (kind === 'SelectQueryNode' || (kind === 'RawNode' && READ_ONLY.test(q.sql)));
    if (!reads && root) noteWrite(root);
  };
  return {
    log,
    attach: (kysely: object) => {
      root = kysely;
      trackWrites(kysely);
    },
  };
}

/**
 * Opens the database named by a `sqlite:` path or a `postgres://` URL and checks
 * that it answers, so a bad URL fails at boot with a readable error, not on the
 * first request. `schema` (PostgreSQL only) isolates tests in their own schema.
 */
export async function openDb(url: string, options: OpenDbOptions = {}): Promise<Db> {
  const logger = queryLog(options.onQuery);
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    try {
      if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
      const sqlite = openSqlite(path === ':memory:' ? ':memory:' : resolve(path));
      const kysely = new Kysely<Database>({
        dialect: new SqliteDialect({ database: sqlite }),
        log: logger.log,
      });
      logger.attach(kysely);
      return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
    } catch (err) {
      throw new DatabaseUnavailableError(url, err);
    }
  }
  const pool = new (postgres().Pool)({
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
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: logger.log });
  logger.attach(kysely);
  return {
    kysely,
    dialect: 'postgres',
    pubsub: postgresPubSub(url, pool, options.schema),
    close: () => kysely.destroy(),
  };
}

function postgresPubSub(url: string, pool: pg.Pool, schema: string | undefined): PubSub {
  const scoped = (channel: string) => (schema ? `${channel}_${schema}` : channel);
  return {
    async publish(channel, message) {
      await pool.query('SELECT pg_notify($1, $2)', [scoped(channel), message]);
    },
    async subscribe(channel, onMessage) {
      let client: pg.Client | undefined;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      const connect = async (): Promise<void> => {
        const c = new (postgres().Client)({ connectionString: url });
        c.on('notification', (n) => {
          if (n.payload !== undefined) onMessage(n.payload);
        });
        c.on('error', () => {
          // The listening connection broke (a restart, a network cut): listen again.
          c.end().catch(() => {});
          if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1000);
        });
        await c.connect();
        await c.query(`LISTEN "${scoped(channel).replaceAll('"', '')}"`);
        client = c;
      };
      await connect();
      return async () => {
        stopped = true;
        clearTimeout(retry);
        await client?.end().catch(() => {});
      };
    },
  };
}
