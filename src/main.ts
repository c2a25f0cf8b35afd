import { buildApp } from './app.ts';
import { runDoctor } from './cli/doctor.ts';
import { progressBar } from './cli/progress.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { DatabaseUnavailableError, openDb, redact } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { sqliteDriverName } from './db/sqlite-driver.ts';
import { EventBus } from './lib/events.ts';
import { wireListeners } from './listeners.ts';
import { exitOnSignals } from './ops/shutdown.ts';

const HELP = `Warta — news publishing for regional newsrooms

Usage: warta <command> [options]

Commands:
  start      Migrate, add demo content to an empty database, and serve
  serve [--no-jobs]  Migrate and serve the site (no demo content); --no-jobs leaves
             background work (scheduled publishing, mail, webhooks, wire polls) to workers
  worker     Run background work only, serving nothing (scale out: see docs/deploy.md)
  migrate    Bring the database schema up to date
  demo       Add the demo newspaper to an empty database (or finish an interrupted one)
  reindex    Rebuild the search index from all published articles
  import-jsonl FILE  Import articles from a JSON Lines file (idempotent by id)
  import wordpress EXPORT.xml [--uploads DIR] [--media-base URL] [--staff] [--dry-run] [--resume]
             Move a WordPress site in: posts, pages, sections, tags, authors, photos,
             comments and old addresses (301); prints a summary and writes a report file
  doctor     Check configuration, database and disk, and say what is wrong
  backup [FILE]  Back up the database and media into one archive while the server runs
             (default ./backups/warta-YYYYMMDD-HHMMSS.tar.gz)
  restore FILE [--force]  Restore a backup into this (empty) installation; stop the server first
  media migrate --to s3 [--dry-run]  Copy the media folder (MEDIA_DIR) into the S3 bucket
             (S3_*); files already there are skipped, so it can be run again after a stop
  user add   Create a newsroom account, e.g. the first admin:
             warta user add --role admin --email you@example.com --name "Your Name"
  help       Show this help

Configuration comes from environment variables (see README):
  PORT, HOST, DATABASE_URL, SITE_NAME, SITE_URL, SITE_LANGUAGE, SITE_TIMEZONE,
  MEDIA_DIR, LOG_LEVEL, PAGE_SIZE, SECRET_KEY, SECRET_KEY_PREVIOUS, SMTP_URL, MAIL_FROM,
  REQUIRE_ADMIN_2FA, TRUST_PROXY, RUN_JOBS, JOB_LEASE_MS, SITE_TAGLINE,
  CACHE_URL, PAGE_CACHE_TTL, PAGE_CACHE_STALE, PAGE_CACHE_MB, CDN_MAX_AGE, LOG_HIT_SAMPLE,
  HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, IDLE_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS,
  SHUTDOWN_TIMEOUT_MS, METRICS_TOKEN,
  MEDIA_STORAGE, MEDIA_BASE_URL, S3_BUCKET, S3_REGION, S3_ENDPOINT, S3_FORCE_PATH_STYLE,
  S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_PREFIX,
  WARTA_CONFIG (a JSON file with the same settings)
`;

/** Prints a readable message for the errors a newcomer can cause, and exits non-zero. */
function fail(err: unknown): never {
  if (err instanceof ConfigError) {
    console.error(`${err.message}\n\nFix these settings and start again.`);
  } else if (err instanceof DatabaseUnavailableError) {
    console.error(
      `${err.message}\n\nIs the database running and is DATABASE_URL right? Try: warta doctor`,
    );
  } else {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
  process.exit(1);
}

async function demo(config: Config, quietWhenDone = false): Promise<void> {
  // Loaded on demand: the demo content and image painter are large and only needed here.
  const { demoState, seedDemo } = await import('./demo/seed.ts');
  const db = await openDb(config.databaseUrl);
  try {
    await migrateToLatest(db);
    const state = await demoState(db);
    if (state === 'has-articles') {
      console.log('The database already has articles; demo content is only added to an empty one.');
      return;
    }
    if (state === 'complete') {
      if (!quietWhenDone) console.log('The demo newspaper is already complete.');
      return;
    }
    console.log(
      state === 'partial'
        ? 'Completing the demo newspaper an earlier run did not finish…'
        : 'Creating the demo newspaper (photos are drawn locally, this takes a moment)…',
    );
    const bar = progressBar('Artikel');
    const events = new EventBus((err) => console.error(err));
    wireListeners(events, db, config);
    const media = (await import('./media/storage.ts')).mediaStorage(config);
    const { articles } = await seedDemo(db, events, media, { onProgress: bar.update }).finally(() =>
      media.close(),
    );
    bar.done();
    console.log(`The demo newspaper has ${articles} articles.`);
  } finally {
    await db.close();
  }
}

async function serve(config: Config): Promise<void> {
  const app = await buildApp(config);
  exitOnSignals(() => app.close(), { timeoutMs: config.shutdownTimeoutMs });
  await app.server.listen({ port: config.port, host: config.host });
  const addr = app.server.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(
    `\nWarta is running at http://${host}:${port}/  (database: ${redact(config.databaseUrl)}${config.databaseUrl.startsWith('sqlite:') ? ` through ${sqliteDriverName()}` : ''}, Node ${process.version})`,
  );
}

/**
 * Background work only: the job queue (scheduled publishing, webhooks, wire
 * polls, periodic sweeps, mail), with the same event listeners as a server,
 * and no port. Stops on SIGTERM after the job in progress.
 */
async function worker(config: Config): Promise<void> {
  const app = await buildApp(config);
  await app.server.ready();
  // Without a listening socket nothing holds the process open (the job runner's
  // timer is unref'd, so tests and one-off commands can end): this does, until a signal.
  setInterval(() => {}, 2 ** 30);
  exitOnSignals(() => app.close(), { timeoutMs: config.shutdownTimeoutMs });
  console.log(
    `Warta worker is running (database: ${redact(config.databaseUrl)}, Node ${process.version})`,
  );
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? 'help';
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return;
  }
  if (command === 'doctor') {
    process.exitCode = await runDoctor(process.env);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const db = await openDb(config.databaseUrl);
      const applied = await migrateToLatest(db);
      await db.close();
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
      return;
    }
    case 'demo':
      return demo(config);
    case 'user': {
      const { runUserCommand } = await import('./newsroom/user-cli.ts');
      process.exitCode = await runUserCommand(argv.slice(1), config);
      return;
    }
    case 'reindex': {
      const { reindexSearch } = await import('./discovery/indexing.ts');
      const db = await openDb(config.databaseUrl);
      try {
        await migrateToLatest(db);
        const bar = progressBar('Indeks pencarian');
        const n = await reindexSearch(db, bar.update);
        bar.done();
        console.log(`Indexed ${n} published articles for search.`);
      } finally {
        await db.close();
      }
      return;
    }
    case 'import-jsonl': {
      const { importJsonlCommand } = await import('./ingest/jsonl.ts');
      process.exitCode = await importJsonlCommand(config, argv[1]);
      return;
    }
    case 'import': {
      if (argv[1] !== 'wordpress') {
        console.error(`Unknown import "${argv[1] ?? ''}". Try: warta import wordpress EXPORT.xml`);
        process.exitCode = 2;
        return;
      }
      const { wordpressImportCommand } = await import('./ingest/wordpress/cli.ts');
      process.exitCode = await wordpressImportCommand(config, argv.slice(2));
      return;
    }
    case 'backup': {
      const { backupCommand } = await import('./backup/cli.ts');
      process.exitCode = await backupCommand(config, argv.slice(1));
      return;
    }
    case 'media': {
      const { mediaCommand } = await import('./media/migrate-cli.ts');
      process.exitCode = await mediaCommand(config, argv.slice(1));
      return;
    }
    case 'restore': {
      const { restoreCommand } = await import('./backup/cli.ts');
      process.exitCode = await restoreCommand(config, argv.slice(1));
      return;
    }
    case 'start':
      await demo(config, true);
      return serve(config);
    case 'serve':
      return serve(argv.includes('--no-jobs') ? { ...config, runJobs: false } : config);
    case 'worker':
      return worker({ ...config, runJobs: true });
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch(fail);
