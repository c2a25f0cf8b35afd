import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { openDb } from '../db/connection.ts';
import { MIGRATION_NAMES, migrateToLatest } from '../db/migrate.ts';
import { toLang } from '../lib/i18n.ts';
import { formatDateline } from '../lib/time.ts';
import { unpackAndVerify } from './archive.ts';
import type { Install, RunOptions } from './backup.ts';
import { countRows, listFiles, type Manifest } from './manifest.ts';
import { BackupError, type BackupMessages, backupMessages, type Counts } from './messages.ts';
import { currentSchema, restorePostgres } from './postgres.ts';
import { replaceSqlite, sqliteInUse, sqlitePath } from './sqlite.ts';

export interface RestoreResult {
  manifest: Manifest;
  /** What the restored database holds, to compare with `manifest.counts`. */
  counts: Counts;
  matches: boolean;
  /** Where the replaced database and media were moved (only with --force over a non-empty install). */
  keptAside: string[];
}

const kindOf = (url: string) => (url.startsWith('sqlite:') ? 'sqlite' : 'postgres');
const hasRows = (c: Counts) => Object.values(c).some((n) => n > 0);

/** What the target holds now, and (PostgreSQL) the schema it works in. */
async function inspectTarget(install: Install): Promise<{ counts: Counts; schema?: string }> {
  const empty = { articles: 0, revisions: 0, comments: 0, staff: 0, media: 0 };
  if (kindOf(install.databaseUrl) === 'sqlite' && !existsSync(sqlitePath(install.databaseUrl))) {
    return { counts: empty };
  }
  const db = await openDb(install.databaseUrl, { schema: install.schema });
  try {
    return {
      counts: await countRows(db.kysely),
      schema: db.dialect === 'postgres' ? await currentSchema(db) : undefined,
    };
  } finally {
    await db.close();
  }
}

/** Every refusal that must come before anything changes, in the order a person can act on. */
async function checkTarget(
  t: BackupMessages,
  manifest: Manifest,
  install: Install,
  force: boolean,
): Promise<{ dbHasRows: boolean; mediaHasFiles: boolean }> {
  const from = manifest.database.kind;
  const to = kindOf(install.databaseUrl);
  if (from !== to) throw new BackupError(t.restore.kindMismatch(from, to));
  const unknown = manifest.migrations.filter((m) => !MIGRATION_NAMES.includes(m));
  if (unknown.length) throw new BackupError(t.restore.newerMigrations(unknown.join(', ')));
  const target = await inspectTarget(install);
  if (to === 'postgres' && target.schema !== manifest.database.schema) {
    throw new BackupError(
      t.restore.schemaMismatch(manifest.database.schema ?? '', target.schema ?? ''),
    );
  }
  const dbHasRows = hasRows(target.counts);
  const mediaHasFiles = (await listFiles(install.mediaDir)).length > 0;
  if ((dbHasRows || mediaHasFiles) && !force) {
    const what = [
      dbHasRows ? t.nonEmpty.rows(target.counts) : '',
      mediaHasFiles ? t.nonEmpty.media(install.mediaDir) : '',
    ];
    throw new BackupError(t.restore.notEmpty(what.filter(Boolean).join('; ')));
  }
  if (to === 'sqlite' && (await sqliteInUse(sqlitePath(install.databaseUrl)))) {
    throw new BackupError(t.restore.serverRunning(sqlitePath(install.databaseUrl)));
  }
  return { dbHasRows, mediaHasFiles };
}

/** Moves the restored media folder into place (a copy when it sits on another disk). */
async function placeMedia(staged: string, mediaDir: string, keepAs?: string): Promise<void> {
  if (existsSync(mediaDir)) {
    if (keepAs) await rename(mediaDir, keepAs);
    else await rm(mediaDir, { recursive: true, force: true });
  }
  if (!existsSync(staged)) {
    await mkdir(mediaDir, { recursive: true });
    return;
  }
  try {
    await rename(staged, mediaDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await cp(staged, mediaDir, { recursive: true });
  }
}

/**
 * Restores a backup into this installation: checks the archive (manifest and
 * every checksum), the database kind, the migration level and that the target
 * is empty (or `force`) before touching anything; then the database, the
 * media, the migrations this code adds, and finally counts what it restored.
 */
export async function restoreBackup(
  install: Install,
  file: string,
  opts: RunOptions & { force?: boolean } = {},
): Promise<RestoreResult> {
  const t = backupMessages.t(toLang(opts.lang));
  const say = opts.say ?? (() => {});
  const archive = resolve(file);
  if (!existsSync(archive)) throw new BackupError(t.restore.noFile(archive));
  const mediaDir = resolve(install.mediaDir);
  await mkdir(dirname(mediaDir), { recursive: true });
  const staging = await mkdtemp(join(dirname(mediaDir), '.warta-restore-'));
  try {
    say(t.restore.checking(archive));
    const manifest = await unpackAndVerify(t, archive, staging);
    const level = manifest.migrations.at(-1) ?? '-';
    const made = Date.parse(manifest.createdAt);
    const when = Number.isNaN(made)
      ? manifest.createdAt
      : formatDateline(made, opts.zone ?? 'WITA', toLang(opts.lang));
    say(t.restore.checked(manifest.wartaVersion, manifest.database.kind, level, when));
    const target = await checkTarget(t, manifest, install, opts.force ?? false);

    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    const keptAside: string[] = [];
    const aside = (path: string, keep: boolean) => {
      if (!keep) return undefined;
      const to = `${path}.before-restore-${stamp}`;
      keptAside.push(to);
      return to;
    };
    say(t.restore.database(manifest.database.kind));
    const staged = join(staging, manifest.database.file);
    if (manifest.database.kind === 'sqlite') {
      const path = sqlitePath(install.databaseUrl);
      await mkdir(dirname(path), { recursive: true });
      await replaceSqlite(staged, path, aside(path, target.dbHasRows));
    } else {
      const db = await openDb(install.databaseUrl, { schema: install.schema });
      try {
        await restorePostgres(t, db, install.databaseUrl, staged, {
          schema: manifest.database.schema ?? 'public',
          extensions: manifest.database.extensions ?? [],
          listFile: join(staging, 'restore.list'),
        });
      } finally {
        await db.close();
      }
    }
    say(t.restore.media(manifest.files.filter((f) => f.path.startsWith('media/')).length));
    await placeMedia(join(staging, 'media'), mediaDir, aside(mediaDir, target.mediaHasFiles));
    // Restore writes files; the bucket is filled by the command made for it (resumable, checked).
    if (install.mediaStorage === 's3') say(t.restore.mediaToBucket(mediaDir));

    say(t.restore.migrating);
    const db = await openDb(install.databaseUrl, { schema: install.schema });
    try {
      await migrateToLatest(db);
      const counts = await countRows(db.kysely);
      const matches = (Object.keys(counts) as (keyof Counts)[]).every(
        (k) => counts[k] === manifest.counts[k],
      );
      return { manifest, counts, matches, keptAside };
    } finally {
      await db.close();
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
