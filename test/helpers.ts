import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type App, buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Db, type Dialect, type OpenDbOptions, openDb } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/** Both storage backends; store tests run against each. */
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

/** The machine's PostgreSQL (trust auth). CI fails if it is unreachable. */
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDb {
  db: Db;
  url: string;
  schema?: string;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database: a temporary SQLite file, or a private schema in
 * the real PostgreSQL that is dropped afterwards.
 */
export async function freshDb(
  dialect: Dialect,
  opts: Pick<OpenDbOptions, 'onQuery'> = {},
): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'warta-db-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const db = await openDb(url, opts);
    await migrateToLatest(db);
    return {
      db,
      url,
      async dispose() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const db = await openDb(PG_URL, { schema, ...opts });
  await migrateToLatest(db);
  return {
    db,
    url: PG_URL,
    schema,
    async dispose() {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db.kysely);
      await db.close();
    },
  };
}

export interface TestApp extends App {
  mediaDir: string;
  dispose(): Promise<void>;
}

/** A whole Warta server on a fresh database, for `server.inject()` tests. */
export async function testApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  opts: { logStream?: { write(line: string): void } } & Pick<OpenDbOptions, 'onQuery'> = {},
): Promise<TestApp> {
  const t = await freshDb(dialect, { onQuery: opts.onQuery });
  const mediaDir = mkdtempSync(join(tmpdir(), 'warta-media-'));
  const config = loadConfig(
    {},
    {
      databaseUrl: t.url,
      mediaDir,
      logLevel: 'silent',
      siteName: 'Warta',
      siteUrl: 'http://warta.test',
      // Off unless a test is about the cache: factories publish without the app's event bus.
      pageCacheTtl: 0,
      secretKey: 'test-secret-key-of-at-least-thirty-two-characters',
      // inject() connects from 127.0.0.1: tests act as the proxy and set X-Forwarded-For.
      trustProxy: '127.0.0.1',
      ...overrides,
    },
  );
  const app = await buildApp(config, { db: t.db, logStream: opts.logStream });
  return {
    ...app,
    mediaDir,
    async dispose() {
      await app.close();
      await t.dispose();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
