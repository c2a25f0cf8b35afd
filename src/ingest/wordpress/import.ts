import { loadSettings } from '../../comments/settings.ts';
import type { Config } from '../../config.ts';
import { importHomeLead } from '../../content/home-lead.ts';
import type { Db } from '../../db/connection.ts';
import { indexArticle } from '../../discovery/indexing.ts';
import { rebuildRelatedIndex } from '../../discovery/related-bulk.ts';
import { EventBus } from '../../lib/events.ts';
import { firstPass, guarded } from './catalogue.ts';
import { MediaImporter, originalKey, uploadPath } from './media.ts';
import { importItem } from './posts.ts';
import { emptyCounts, type ImportKind, type ReportEntry } from './report.ts';
import { type K, Run, siteKey, type WpImportOptions, type WpImportResult } from './run.ts';
import { importTerms } from './terms.ts';
import { readWxrFile, type WxrError } from './wxr-reader.ts';

/**
 * `warta import wordpress`: a WordPress export into Warta in two streaming
 * passes (the first learns authors, terms and attachments, the second writes
 * posts with their comments). Every write is keyed in `wp_import_map` by the
 * site URL, the kind and the WordPress id, so a second run adds nothing and
 * `--resume` after a kill ends where an uninterrupted run would. Articles go
 * through the content commands and publishing announces itself, so search,
 * related stories and caches follow as for the newsroom's own stories.
 *
 * This file drives a run (the two passes, the run row, resume, dry run, bulk
 * indexing); catalogue.ts is the first pass, run.ts the run's state, and
 * terms.ts, people.ts, posts.ts and comments.ts import each kind.
 */

export { siteKey, type WpImportOptions, type WpImportResult, wpDate } from './run.ts';

/** Thrown when an unfinished run exists and `--resume` was not given. */
export class UnfinishedImportError extends Error {
  constructor(readonly runId: number) {
    super(`import #${runId} did not finish`);
  }
}

class Interrupted extends Error {}
class DryRunRollback extends Error {}

async function unfinishedRun(k: K, site: string) {
  return k
    .selectFrom('wp_import_runs')
    .select(['id', 'started_at', 'report'])
    .where('site', '=', site)
    .where('status', '=', 'running')
    .where('dry_run', '=', 0)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * Imports a WordPress export file. Returns the counts and the report; an XML
 * error stops the reading at its line (everything before it is imported) and
 * is returned in `error`, the run then ends as 'failed'.
 */
export async function importWordpress(
  db: Db,
  events: EventBus,
  config: Config,
  path: string,
  opts: WpImportOptions = {},
): Promise<WpImportResult> {
  const cat = await firstPass(path);
  if (!cat.channel) {
    return { runId: null, site: '', counts: emptyCounts(), entries: [], error: cat.error };
  }
  const site = siteKey(cat.channel.siteUrl);
  const now = () => opts.now?.() ?? Date.now();
  let runId: number | null = null;
  const startedAt = now();
  let earlier: ReportEntry[] = [];
  if (!opts.dryRun) {
    const open = await unfinishedRun(db.kysely, site);
    if (open && !opts.resume) throw new UnfinishedImportError(open.id);
    if (open) {
      runId = open.id;
      earlier = JSON.parse(open.report) as ReportEntry[];
    } else {
      const row = await db.kysely
        .insertInto('wp_import_runs')
        .values({
          site,
          file_name: opts.fileName ?? path,
          status: 'running',
          started_at: startedAt,
          finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      runId = row.id;
    }
  }

  const work = async (k: K, bus: EventBus): Promise<Run> => {
    const scoped: Db = { ...db, kysely: k };
    const media = new MediaImporter(scoped, config, site, cat.attachments, {
      uploadsDir: opts.uploadsDir,
      mediaBase: opts.mediaBase,
      dryRun: !!opts.dryRun,
      source: opts.imageSource,
    });
    const run = new Run(scoped, k, site, config, opts, cat, media);
    // Image problems count under photos; the entry names the post that used the image.
    media.onReport = (kind, wpId, code, args) =>
      run.report('media', `${kind} ${wpId}`, code, 'failed', args);
    run.maxDepth = (await loadSettings(k)).maxDepth;
    for (const e of earlier) run.report(e.kind, e.wpId, e.code, e.outcome, e.args);
    await importTerms(run);
    let done = 0;
    let posts = 0;
    const progressEvery = Math.max(1, Math.floor(cat.items / 200));
    const saveEvery = 50;
    const sink = { error: null as WxrError | null };
    // WordPress's sticky post (`<wp:is_sticky>1`; the newest if several) becomes the home lead.
    let sticky: { articleId: number; publishedAt: number; wpId: string } | null = null;
    for await (const r of guarded(readWxrFile(path), sink)) {
      if (r.kind !== 'item') continue;
      try {
        const res = await importItem(run, r.item);
        if (res?.publishedAt != null && !opts.bulk)
          await bus.emit('article.published', { articleId: res.articleId });
        if (
          res?.publishedAt != null &&
          r.item.sticky &&
          r.item.type === 'post' &&
          (!sticky || res.publishedAt > sticky.publishedAt)
        )
          sticky = { articleId: res.articleId, publishedAt: res.publishedAt, wpId: r.item.id };
        if (res) posts++;
      } catch (err) {
        const kind: ImportKind = r.item.type === 'page' ? 'page' : 'post';
        run.report(kind, r.item.id, 'failed', 'failed', [(err as Error).message.slice(0, 300)]);
      }
      done++;
      if (done % progressEvery === 0 || done === cat.items) opts.onProgress?.(done, cat.items);
      if (runId !== null && done % saveEvery === 0)
        await saveRun(db.kysely, runId, run, 'running', '');
      if (opts.stopAfterPosts !== undefined && posts >= opts.stopAfterPosts)
        throw new Interrupted();
    }
    // Attachments no post used are not imported, and said so (nothing goes silently).
    const used = media.usedKeys();
    for (const att of cat.attachments.values()) {
      if (!used.has(originalKey(uploadPath(att.url) ?? att.url))) {
        run.report('media', att.id, 'attachment-unused', 'skipped', [att.url]);
      }
    }
    media.countInto(run.counts);
    if (sticky) {
      await importHomeLead(scoped, bus, sticky.articleId, `WordPress sticky post ${sticky.wpId}`);
      run.report('post', sticky.wpId, 'home-lead', 'changed');
    }
    cat.error = cat.error ?? sink.error;
    return run;
  };

  if (opts.dryRun) {
    let kept: Run | null = null;
    const quiet = new EventBus();
    try {
      await db.kysely.transaction().execute(async (tx) => {
        kept = await work(tx, quiet);
        throw new DryRunRollback();
      });
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err;
    }
    const run = kept as unknown as Run;
    return { runId: null, site, counts: run.counts, entries: run.entries, error: cat.error };
  }

  const run = await work(db.kysely, events);
  if (opts.bulk) await bulkIndex(db, site, opts.onIndexProgress);
  const error = cat.error;
  await saveRun(
    db.kysely,
    runId as number,
    run,
    error ? 'failed' : 'done',
    error ? error.message : '',
    now(),
  );
  return { runId, site, counts: run.counts, entries: run.entries, error };
}

/**
 * The bulk mode's one indexing pass: each imported post goes through the same
 * search upsert the `article.published` listener does, then the related index
 * is rebuilt in batches with every stored list recomputed.
 */
async function bulkIndex(
  db: Db,
  site: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  const ids = (
    await db.kysely
      .selectFrom('wp_import_map')
      .select('warta_id')
      .where('site', '=', site)
      .where('kind', '=', 'post')
      .orderBy('warta_id')
      .execute()
  ).map((r) => r.warta_id);
  const total = ids.length * 2;
  let done = 0;
  onProgress(0, total);
  for (const id of ids) {
    await indexArticle(db, id);
    if (++done % 25 === 0) onProgress(done, total);
  }
  await rebuildRelatedIndex(db, {
    lists: true,
    onProgress: (d, t) =>
      onProgress(ids.length + Math.round((d / Math.max(1, t)) * ids.length), total),
  });
  onProgress(total, total);
}

async function saveRun(
  k: K,
  runId: number,
  run: Run,
  status: 'running' | 'done' | 'failed',
  error: string,
  finishedAt?: number,
) {
  await k
    .updateTable('wp_import_runs')
    .set({
      status,
      counts: JSON.stringify(run.counts),
      report: JSON.stringify(run.entries),
      error,
      finished_at: finishedAt ?? null,
    })
    .where('id', '=', runId)
    .execute();
}
