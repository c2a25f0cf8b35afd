import { accessSync, constants, mkdirSync, statfsSync } from 'node:fs';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { openDb, redact } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { sqliteDriverName } from '../db/sqlite-driver.ts';
import { mediaStorage } from '../media/storage.ts';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** Worth fixing, but the server works: printed as WARN, not counted as a failure. */
  warn?: boolean;
}

/**
 * An address only this machine reaches: localhost and its subdomains (RFC
 * 6761), 127.0.0.0/8, ::1 and IPv4-mapped loopback; brackets and a final dot
 * allowed, as URLs and HOST write them.
 */
export function isLoopback(host: string): boolean {
  const h = host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(h) ||
    /^(0{0,4}:){2,7}0{0,3}1$/.test(h) ||
    h === '::1' ||
    /^::ffff:(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(h)
  );
}

/** "Every address of this machine" (0.0.0.0, ::): fine to listen on, never a place to send a reader. */
const UNSPECIFIED = /^(\[?::\]?|\[?(0{1,4}:){7}0{1,4}\]?|0\.0\.0\.0)$/;

/**
 * SITE_URL still pointing to this machine while the server listens on another
 * (non-loopback) address: every link in feeds, share buttons, sitemaps,
 * canonical URLs, JSON-LD and API answers would send readers to "localhost".
 */
export function siteUrlCheck(config: Pick<Config, 'siteUrl' | 'host'>): Check {
  const host = new URL(config.siteUrl).hostname;
  const local = isLoopback(host) || UNSPECIFIED.test(host);
  const listensPublicly = !isLoopback(config.host);
  return local && listensPublicly
    ? {
        name: 'Site address',
        ok: true,
        warn: true,
        detail: `SITE_URL is ${config.siteUrl} but the server listens on ${config.host}: canonical URLs, feeds, share buttons, sitemaps and the API will point to this machine. Set SITE_URL to the public address, e.g. SITE_URL=https://berita.example.id`,
      }
    : { name: 'Site address', ok: true, detail: `links use ${config.siteUrl}` };
}

/**
 * Where the media go: with MEDIA_STORAGE=s3 the bucket must answer (HeadBucket
 * with the configured credentials); otherwise the media folder must be
 * writable with room left.
 */
async function mediaCheck(config: Config): Promise<Check> {
  if (config.mediaStorage === 's3') {
    const storage = mediaStorage(config);
    try {
      await storage.check();
      return { name: 'Media storage', ok: true, detail: `${storage.location} answers` };
    } catch (err) {
      return { name: 'Media storage', ok: false, detail: (err as Error).message };
    } finally {
      storage.close();
    }
  }
  try {
    mkdirSync(config.mediaDir, { recursive: true });
    accessSync(config.mediaDir, constants.W_OK);
    const fs = statfsSync(config.mediaDir);
    const freeGb = (fs.bavail * fs.bsize) / 1024 ** 3;
    return {
      name: 'Disk',
      ok: freeGb >= 1,
      detail:
        freeGb >= 1
          ? `${config.mediaDir} is writable, ${freeGb.toFixed(1)} GB free`
          : `only ${freeGb.toFixed(2)} GB free at ${config.mediaDir}; uploads will fail soon`,
    };
  } catch (err) {
    return {
      name: 'Disk',
      ok: false,
      detail: `cannot write to MEDIA_DIR ${config.mediaDir}: ${(err as Error).message}`,
    };
  }
}

/**
 * Checks what a newcomer most often gets wrong (settings, database, disk) and
 * says each problem in plain words. Returns the process exit code.
 */
export async function runDoctor(env: Record<string, string | undefined>): Promise<number> {
  const checks: Check[] = [];
  let config: Config | undefined;
  try {
    config = loadConfig(env);
    checks.push({ name: 'Configuration', ok: true, detail: 'all settings are valid' });
  } catch (err) {
    const problems = err instanceof ConfigError ? err.problems : [(err as Error).message];
    checks.push({ name: 'Configuration', ok: false, detail: problems.join('; ') });
  }
  if (config) {
    checks.push(siteUrlCheck(config));
    try {
      const db = await openDb(config.databaseUrl);
      try {
        const applied = await migrateToLatest(db);
        checks.push({
          name: 'Database',
          ok: true,
          detail: `${db.dialect}${db.dialect === 'sqlite' ? ` (${sqliteDriverName()}, Node ${process.version})` : ''} at ${redact(config.databaseUrl)} answers${applied.length ? `; applied ${applied.length} migration(s)` : '; schema up to date'}`,
        });
      } finally {
        await db.close();
      }
    } catch (err) {
      checks.push({
        name: 'Database',
        ok: false,
        detail: `${(err as Error).message}. Check DATABASE_URL and that the server is running.`,
      });
    }
    checks.push(await mediaCheck(config));
  }
  for (const c of checks) {
    console.log(`${c.warn ? 'WARN' : c.ok ? 'OK  ' : 'FAIL'}  ${c.name}: ${c.detail}`);
  }
  const failed = checks.filter((c) => !c.ok).length;
  console.log(failed ? `\n${failed} problem(s) found.` : '\nEverything looks fine.');
  return failed ? 1 : 0;
}
