import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { Counts } from './messages.ts';

/**
 * The manifest at the root of every backup archive: what made it, from which
 * database and migration level, how many of each thing it holds, and the
 * SHA-256 of every other file, so a restore can check all of it before it
 * touches anything.
 */

/** Archive layout: `manifest.json`, `database/<file>`, `media/<storage key>/<file>`. */
export const MANIFEST = 'manifest.json';
export const SQLITE_FILE = 'database/warta.db';
export const PG_FILE = 'database/warta.pgdump';

/** Relative paths an archive may hold: plain segments, no `..`, nothing hidden. */
const SAFE_PATH = /^(database|media)(\/[A-Za-z0-9_][A-Za-z0-9._-]*)+$/;

/** True for a path a backup may carry (temporary `.name.tmp` files of a running upload are not). */
export function isArchivable(path: string): boolean {
  return SAFE_PATH.test(path);
}

const count = z.number().int().min(0);

export const manifestSchema = z.object({
  format: z.literal('warta-backup'),
  formatVersion: z.literal(1),
  wartaVersion: z.string(),
  createdAt: z.string(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    file: z.enum([SQLITE_FILE, PG_FILE]),
    /** PostgreSQL: the schema dumped, and the extensions its tables need. */
    schema: z.string().optional(),
    extensions: z.array(z.string().regex(/^[a-z0-9_]+$/)).optional(),
  }),
  /** Every migration applied to the database, in order; the last is the level. */
  migrations: z.array(z.string()),
  counts: z.object({
    articles: count,
    revisions: count,
    comments: count,
    staff: count,
    media: count,
  }),
  files: z.array(
    z.object({
      path: z.string().regex(SAFE_PATH),
      bytes: count,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = Manifest['files'][number];

/** This Warta's version, from package.json (src/ and dist/ sit at the same depth). */
export function wartaVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

/** SHA-256 and size of one file, streamed. */
export async function fingerprint(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Every regular file under `dir` as a `/`-separated path relative to `root`, sorted. */
export async function listFiles(dir: string, root = dir): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(path, root)));
    else if (e.isFile()) out.push(relative(root, path).split(sep).join('/'));
  }
  return out.sort();
}

/** Fingerprints of the named files under `root`. */
export async function fingerprintAll(root: string, paths: string[]): Promise<ManifestFile[]> {
  const out: ManifestFile[] = [];
  for (const path of paths) out.push({ path, ...(await fingerprint(join(root, path))) });
  return out;
}

const COUNTED: Record<keyof Counts, keyof Database> = {
  articles: 'articles',
  revisions: 'revisions',
  comments: 'comments',
  staff: 'users',
  media: 'media',
};

/** A table that is not there (a database never migrated) counts as empty. */
const MISSING_TABLE = /no such table|does not exist/i;

/** Rows of each kind a backup promises to bring back. */
export async function countRows(db: Kysely<Database>): Promise<Counts> {
  const out = { articles: 0, revisions: 0, comments: 0, staff: 0, media: 0 };
  for (const [key, table] of Object.entries(COUNTED) as [keyof Counts, keyof Database][]) {
    try {
      const row = await db
        .selectFrom(table)
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      out[key] = Number(row.n);
    } catch (err) {
      if (!MISSING_TABLE.test((err as Error).message)) throw err;
    }
  }
  return out;
}

/** The migrations applied to a database, in order (none when it was never migrated). */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  try {
    const rows = await sql<{
      name: string;
    }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
    return rows.rows.map((r) => r.name);
  } catch (err) {
    if (MISSING_TABLE.test((err as Error).message)) return [];
    throw err;
  }
}
