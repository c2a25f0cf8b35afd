import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { openDb } from '../db/connection.ts';
import { type Lang, toLang } from '../lib/i18n.ts';
import { localDateParts, type ZoneLabel } from '../lib/time.ts';
import { writeArchive } from './archive.ts';
import {
  fingerprintAll,
  isArchivable,
  listFiles,
  MANIFEST,
  type Manifest,
  PG_FILE,
  SQLITE_FILE,
  wartaVersion,
} from './manifest.ts';
import { BackupError, backupMessages } from './messages.ts';
import { dumpPostgres } from './postgres.ts';
import { snapshotSqlite, sqliteFacts, sqlitePath } from './sqlite.ts';

/** Where a Warta installation keeps its data: the configured database and media folder. */
export interface Install {
  databaseUrl: string;
  /** PostgreSQL only: the schema to use instead of the connection's current one (tests). */
  schema?: string;
  mediaDir: string;
  /** MEDIA_STORAGE: with `s3` the media are in the bucket and the backup holds the database only. */
  mediaStorage?: 'local' | 's3';
  /** For the message in that case: `s3://bucket/prefix`. */
  s3Bucket?: string;
  s3Prefix?: string;
}

export interface RunOptions {
  lang?: Lang;
  /** The site's time zone, for dates in progress lines (default WITA). */
  zone?: ZoneLabel;
  /** Progress lines, in `lang`. */
  say?: (line: string) => void;
}

/** `YYYYMMDD-HHMMSS` on the site's wall clock, for file names. */
export function fileStamp(ms: number, zone: ZoneLabel): string {
  const p = localDateParts(ms, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  const s = new Date(ms).getUTCSeconds();
  return `${p.year}${two(p.month)}${two(p.day)}-${two(p.hour)}${two(p.minute)}${two(s)}`;
}

/** Hard links freeze a file as it is now (media are replaced by rename, never edited in place). */
async function stageFile(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/**
 * Backs up a running installation into one archive: a consistent snapshot of
 * the database (SQLite `VACUUM INTO`, PostgreSQL `pg_dump` from an exported
 * snapshot), the media folder, and a manifest with the Warta version, database
 * kind, migrations, counts and the SHA-256 of every file.
 */
export async function createBackup(
  install: Install,
  file: string,
  opts: RunOptions = {},
): Promise<{ file: string; bytes: number; manifest: Manifest }> {
  const t = backupMessages.t(toLang(opts.lang));
  const say = opts.say ?? (() => {});
  const out = resolve(file);
  if (existsSync(out)) throw new BackupError(t.backup.exists(out));
  await mkdir(dirname(out), { recursive: true });
  const staging = await mkdtemp(join(dirname(out), '.warta-backup-'));
  try {
    await mkdir(join(staging, 'database'));
    const kind = install.databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres';
    say(t.backup.database(kind));
    let database: Manifest['database'];
    let facts: Pick<Manifest, 'counts' | 'migrations'>;
    if (kind === 'sqlite') {
      const path = sqlitePath(install.databaseUrl);
      if (!existsSync(path)) throw new BackupError(t.backup.noDatabase(path));
      await snapshotSqlite(install.databaseUrl, join(staging, SQLITE_FILE));
      facts = await sqliteFacts(join(staging, SQLITE_FILE));
      database = { kind, file: SQLITE_FILE };
    } else {
      const db = await openDb(install.databaseUrl, { schema: install.schema });
      try {
        const dump = await dumpPostgres(t, db, install.databaseUrl, join(staging, PG_FILE));
        facts = dump;
        database = { kind, file: PG_FILE, schema: dump.schema, extensions: dump.extensions };
      } finally {
        await db.close();
      }
    }
    if (facts.migrations.length === 0) {
      throw new BackupError(t.backup.noDatabase(install.databaseUrl));
    }
    const inBucket = install.mediaStorage === 's3';
    const media = inBucket
      ? []
      : (await listFiles(install.mediaDir)).map((p) => `media/${p}`).filter(isArchivable);
    say(
      inBucket
        ? t.backup.mediaInBucket(`s3://${install.s3Bucket ?? ''}/${install.s3Prefix ?? ''}`)
        : t.backup.media(media.length),
    );
    for (const p of media) {
      await stageFile(join(install.mediaDir, p.slice('media/'.length)), join(staging, p));
    }
    say(t.backup.archive);
    const paths = [database.file, ...media];
    const manifest: Manifest = {
      format: 'warta-backup',
      formatVersion: 1,
      wartaVersion: wartaVersion(),
      createdAt: new Date().toISOString(),
      database,
      migrations: facts.migrations,
      counts: facts.counts,
      files: await fingerprintAll(staging, paths),
    };
    await writeFile(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeArchive(staging, paths, out);
    return { file: out, bytes: (await stat(out)).size, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
