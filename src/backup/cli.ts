import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { createBackup, fileStamp } from './backup.ts';
import { BackupError, backupMessages, type Counts } from './messages.ts';
import { restoreBackup } from './restore.ts';

/** `1,5 MB`-style sizes in the interface language. */
function size(bytes: number, lang: string): string {
  const mb = bytes / 1024 / 1024;
  const n = new Intl.NumberFormat(lang === 'en' ? 'en' : 'id', { maximumFractionDigits: 1 });
  return mb >= 1 ? `${n.format(mb)} MB` : `${n.format(bytes / 1024)} KB`;
}

function args(argv: string[], usage: string, force = false) {
  try {
    return parseArgs({
      args: argv,
      options: force ? { force: { type: 'boolean' } } : {},
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    return null;
  }
}

/** Refusals and tool failures are already worded for a person: no stack trace. */
function failed(err: unknown): number {
  if (!(err instanceof BackupError)) throw err;
  console.error(err.message);
  return 1;
}

/** `warta backup [FILE]`: returns the exit code. */
export async function backupCommand(config: Config, argv: string[]): Promise<number> {
  const t = backupMessages.t(config.language);
  const parsed = args(argv, t.usage.backup);
  if (!parsed || parsed.positionals.length > 1) {
    if (parsed) console.error(t.usage.backup);
    return 2;
  }
  const file =
    parsed.positionals[0] ??
    join('backups', `warta-${fileStamp(Date.now(), config.timeZone)}.tar.gz`);
  try {
    const done = await createBackup(config, file, { lang: config.language, say: console.log });
    console.log(t.counts(done.manifest.counts));
    console.log(t.backup.done(done.file, size(done.bytes, config.language)));
    return 0;
  } catch (err) {
    return failed(err);
  }
}

/** `warta restore FILE [--force]`: returns the exit code (1 when refused or counts differ). */
export async function restoreCommand(config: Config, argv: string[]): Promise<number> {
  const t = backupMessages.t(config.language);
  const parsed = args(argv, t.usage.restore, true);
  const file = parsed?.positionals[0];
  if (!parsed || !file || parsed.positionals.length > 1) {
    if (parsed) console.error(t.usage.restore);
    return 2;
  }
  try {
    const r = await restoreBackup(config, file, {
      lang: config.language,
      zone: config.timeZone,
      force: parsed.values.force === true,
      say: console.log,
    });
    for (const key of Object.keys(r.counts) as (keyof Counts)[]) {
      console.log(t.compare(t.labels[key] ?? key, r.counts[key], r.manifest.counts[key]));
    }
    for (const path of r.keptAside) console.log(t.restore.keptAside(path));
    console.log(r.matches ? t.restore.done : t.restore.mismatch);
    return r.matches ? 0 : 1;
  } catch (err) {
    return failed(err);
  }
}
