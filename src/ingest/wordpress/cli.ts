import { existsSync, writeFileSync } from 'node:fs';
import { progressBar } from '../../cli/progress.ts';
import type { Config } from '../../config.ts';
import { openDb } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { EventBus } from '../../lib/events.ts';
import { wireListeners } from '../../listeners.ts';
import { importWordpress, UnfinishedImportError, type WpImportOptions } from './import.ts';
import { wordpressMessages } from './messages.ts';
import { reportText, summaryTable } from './report.ts';

export interface WpCliArgs extends WpImportOptions {
  file?: string;
  reportFile?: string;
}

/** Parses `import wordpress FILE [options]`; returns null on a usage error. */
export function parseWpArgs(argv: string[]): WpCliArgs | null {
  const out: WpCliArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(a);
      return v;
    };
    try {
      if (a === '--uploads') out.uploadsDir = value();
      else if (a === '--media-base') out.mediaBase = value();
      else if (a === '--report') out.reportFile = value();
      else if (a === '--dry-run') out.dryRun = true;
      else if (a === '--resume') out.resume = true;
      else if (a === '--staff') out.staff = true;
      else if (a.startsWith('--')) return null;
      else if (!out.file) out.file = a;
      else return null;
    } catch {
      return null;
    }
  }
  return out.file ? out : null;
}

const stamp = (ms: number) =>
  new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * `warta import wordpress EXPORT.xml`: imports with a progress bar (counts and
 * time left), prints the summary table, writes the report file and returns
 * the exit code: 0 when everything is in, 1 when something failed or the XML
 * stopped early, 2 on usage or an unfinished earlier run without --resume.
 */
export async function wordpressImportCommand(config: Config, argv: string[]): Promise<number> {
  const m = wordpressMessages.t(config.language);
  const args = parseWpArgs(argv);
  if (!args?.file) {
    console.error(m.cli.usage);
    return 2;
  }
  if (!existsSync(args.file)) {
    console.error(m.cli.noFile(args.file));
    return 2;
  }
  if (args.uploadsDir && !existsSync(args.uploadsDir)) {
    console.error(m.cli.noFile(args.uploadsDir));
    return 2;
  }
  const db = await openDb(config.databaseUrl);
  try {
    await migrateToLatest(db);
    const events = new EventBus((err, event) =>
      console.error(`  ${event} listener failed: ${(err as Error)?.message ?? err}`),
    );
    wireListeners(events, db, config);
    const bar = progressBar(m.cli.importing, process.stdout, { eta: true });
    // Bulk mode: after the posts, one indexing phase with its own bar.
    let indexBar: ReturnType<typeof progressBar> | null = null;
    const onIndexProgress = (done: number, total: number) => {
      if (!indexBar) {
        bar.done();
        indexBar = progressBar(m.cli.indexing, process.stdout, { eta: true });
      }
      indexBar.update(done, total);
    };
    let result: Awaited<ReturnType<typeof importWordpress>>;
    try {
      result = await importWordpress(db, events, config, args.file, {
        ...args,
        fileName: args.file.split('/').pop(),
        onProgress: bar.update,
        bulk: !args.dryRun,
        onIndexProgress,
      });
    } catch (err) {
      bar.done();
      if (err instanceof UnfinishedImportError) {
        console.error(m.cli.unfinished(err.runId));
        return 2;
      }
      throw err;
    }
    (indexBar ?? bar).done();
    const xml = result.error;
    const why = xml ? (xml.code === 'doctype' ? m.xml.doctype : m.xml[xml.code](xml.detail)) : '';
    if (xml && !result.site) {
      console.error(m.table.refused(xml.line, why));
      return 1;
    }
    const header = [
      `WordPress → Warta: ${result.site}`,
      ...(args.dryRun ? [m.table.dryRun] : []),
      ...(xml ? [m.table.stoppedAt(xml.line, why)] : []),
    ];
    const reportPath =
      args.reportFile ?? `wordpress-import-${result.runId ?? 'dry-run'}-${stamp(Date.now())}.txt`;
    writeFileSync(reportPath, reportText(result.counts, result.entries, config.language, header));
    console.log(`\n${header.join('\n')}\n\n${summaryTable(result.counts, config.language)}\n`);
    console.log(m.table.reportAt(reportPath));
    // A missing photo is reported, not fatal; a post or comment that failed is.
    const { post, page, comment } = result.counts;
    const failed = post.failed + page.failed + comment.failed > 0;
    return result.error || failed ? 1 : 0;
  } finally {
    await db.close();
  }
}
