/**
 * Keeps the search index in step with the content: domain events upsert and
 * remove articles, `warta reindex` rebuilds everything, and a throttled sweep
 * catches what events missed (content written by an old version, a listener
 * that failed, articles published without the app's event bus).
 */
import { sql } from 'kysely';
import {
  type ArticleText,
  articleTextsForIndex,
  countIndexableArticles,
  indexableTextsAfter,
  maxArticleId,
} from '../content/reads.ts';
import { notReaderVisibleOnceDue, readerVisibleOnceDue } from '../content/visibility.ts';
import type { Db } from '../db/connection.ts';
import type { EventBus } from '../lib/events.ts';
import { searchIndexFor } from './search.ts';
import type { SearchDoc } from './search-index.ts';
import { bodyText } from './text.ts';

/**
 * What the index needs for the given articles, read through content; an
 * article is left out unless it is published and not deleted (a scheduled one
 * is indexed ahead: search filters on the index's own published_at).
 */
async function loadDocs(db: Db, ids: number[]): Promise<Map<number, SearchDoc>> {
  const texts = await articleTextsForIndex(db.kysely, ids);
  return new Map(texts.map((t) => [t.id, toDoc(t)]));
}

/** The article's text as the index stores it: the same fields, the body as plain text. */
function toDoc(t: ArticleText): SearchDoc {
  return { ...t, body: bodyText(t.body) };
}

/** Brings one article's index entry up to date: upserted when published, removed otherwise. */
export async function indexArticle(db: Db, id: number): Promise<void> {
  const doc = (await loadDocs(db, [id])).get(id);
  const index = searchIndexFor(db);
  if (doc) await index.upsert(doc);
  else await index.remove(id);
}

/** Subscribes the search index to the article events (called from wireListeners). */
export function wireSearchIndexing(events: EventBus, db: Db): void {
  events.on('article.published', ({ articleId }) => indexArticle(db, articleId));
  events.on('article.updated', ({ articleId }) => indexArticle(db, articleId));
  events.on('article.unpublished', ({ articleId }) => searchIndexFor(db).remove(articleId));
  events.on('article.deleted', ({ articleId }) => searchIndexFor(db).remove(articleId));
}

/**
 * Which articles a comparison looks at: everything, or only those changed
 * (updated_at) or created (id) since the last sweep's watermarks.
 */
interface Scope {
  since: number;
  afterId: number;
}

const ALL: Scope = { since: Number.MIN_SAFE_INTEGER, afterId: 0 };

/*
 * The two comparisons below join discovery's search_docs to content's
 * articles table: an anti-join over both is the only way to find what is
 * missing or stale without loading every id of either side, so they keep the
 * join and take the condition from content's visibility module.
 */

/** Indexable articles (in scope) missing from the index or indexed at an older version. */
async function outdatedIds(db: Db, limit: number, scope: Scope = ALL): Promise<number[]> {
  const inScope =
    scope === ALL ? sql`1 = 1` : sql`(a.updated_at >= ${scope.since} OR a.id > ${scope.afterId})`;
  const rows = await sql<{ id: number }>`SELECT a.id FROM articles a
    LEFT JOIN search_docs d ON d.article_id = a.id
    WHERE ${inScope} AND ${readerVisibleOnceDue('a')}
      AND (d.article_id IS NULL OR d.version <> a.version)
    ORDER BY a.id LIMIT ${limit}`.execute(db.kysely);
  return rows.rows.map((r) => Number(r.id));
}

/** Indexed articles (in scope) that are no longer published (or gone). */
async function staleIds(db: Db, limit: number, scope: Scope = ALL): Promise<number[]> {
  if (scope === ALL) {
    const rows = await sql<{ id: number }>`SELECT d.article_id AS id FROM search_docs d
      LEFT JOIN articles a ON a.id = d.article_id
      WHERE a.id IS NULL OR ${notReaderVisibleOnceDue('a')}
      ORDER BY d.article_id LIMIT ${limit}`.execute(db.kysely);
    return rows.rows.map((r) => Number(r.id));
  }
  const rows = await sql<{ id: number }>`SELECT a.id FROM articles a
    JOIN search_docs d ON d.article_id = a.id
    WHERE (a.updated_at >= ${scope.since} OR a.id > ${scope.afterId})
      AND ${notReaderVisibleOnceDue('a')}
    ORDER BY a.id LIMIT ${limit}`.execute(db.kysely);
  return rows.rows.map((r) => Number(r.id));
}

async function fix(db: Db, limit: number, scope: Scope): Promise<number> {
  const index = searchIndexFor(db);
  const stale = await staleIds(db, limit, scope);
  for (const id of stale) await index.remove(id);
  const ids = await outdatedIds(db, limit, scope);
  const docs = await loadDocs(db, ids);
  for (const doc of docs.values()) await index.upsert(doc);
  return stale.length + ids.length;
}

/**
 * Compares the whole articles table with the index and fixes up to `limit`
 * out-of-step entries; returns how many it fixed (so callers know whether
 * more remain). Costs a full scan: the sweep uses watermarks instead.
 */
export async function syncSearchIndex(db: Db, limit = 200): Promise<number> {
  return fix(db, limit, ALL);
}

/** How often searches may trigger the catch-up sweep. */
export const SWEEP_INTERVAL_MS = 60_000;
/**
 * How far back each sweep looks before the previous one started: covers
 * clocks that differ between app processes and transactions that committed
 * late with an earlier updated_at.
 */
export const SWEEP_OVERLAP_MS = 10 * 60_000;
const lastSweep = new WeakMap<Db, number>();

async function readScope(db: Db): Promise<Scope> {
  const rows = await sql<{ name: string; value: number | string }>`SELECT name, value
    FROM search_sync WHERE name IN ('since', 'after_id')`.execute(db.kysely);
  const get = (name: string) => Number(rows.rows.find((r) => r.name === name)?.value ?? 0);
  return { since: get('since'), afterId: get('after_id') };
}

async function writeScope(db: Db, scope: Scope): Promise<void> {
  for (const [name, value] of [
    ['since', scope.since],
    ['after_id', scope.afterId],
  ] as const) {
    await sql`INSERT INTO search_sync (name, value) VALUES (${name}, ${value})
      ON CONFLICT (name) DO UPDATE SET value = excluded.value`.execute(db.kysely);
  }
}

/** Where the next sweep starts: changes since `startedAt` (less the overlap) and ids above the current largest. */
async function scopeFrom(db: Db, startedAt: number): Promise<Scope> {
  return { since: startedAt - SWEEP_OVERLAP_MS, afterId: await maxArticleId(db.kysely) };
}

/**
 * Catches up with articles written without the app's event bus, cheaply:
 * only articles created (id above the watermark) or changed (updated_at at
 * or after it) since the previous sweep are compared, through indexes, so a
 * sweep costs a few index reads however large the archive. The watermarks
 * live in the database, so a restart does not mean a full comparison. A soft
 * delete written without events (it does not touch updated_at) is not seen
 * here; readers never see such an article anyway (the read path checks
 * visibility), and `warta reindex` removes it from the index.
 */
export async function sweepChanges(db: Db, now = Date.now(), limit = 200): Promise<number> {
  const scope = await readScope(db);
  const next = await scopeFrom(db, now);
  const fixed = await fix(db, limit, scope);
  if (fixed < limit) await writeScope(db, next);
  return fixed;
}

/**
 * Runs the sweep at most once per SWEEP_INTERVAL_MS per database handle (at
 * once again while a backlog remains). Errors are swallowed: search must still
 * answer from the index it has.
 */
export async function sweepIfDue(db: Db, now = Date.now()): Promise<void> {
  const last = lastSweep.get(db);
  if (last !== undefined && now - last < SWEEP_INTERVAL_MS) return;
  lastSweep.set(db, now);
  try {
    const fixed = await sweepChanges(db, now);
    if (fixed >= 200) lastSweep.delete(db);
  } catch {
    // A failed sweep is retried on the next interval.
  }
}

/**
 * Rebuilds the whole index from the articles table without emptying it first
 * (a live site keeps answering): every published article is upserted, then
 * entries that are no longer published are removed.
 */
export async function reindexSearch(
  db: Db,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const total = await countIndexableArticles(db.kysely);
  const index = searchIndexFor(db);
  const next = await scopeFrom(db, Date.now());
  let done = 0;
  let after = 0;
  onProgress(0, total);
  for (;;) {
    const texts = await indexableTextsAfter(db.kysely, after, 200);
    if (texts.length === 0) break;
    for (const text of texts) {
      await index.upsert(toDoc(text));
      done++;
      if (done % 25 === 0) onProgress(Math.min(done, total), total);
    }
    after = texts[texts.length - 1]?.id ?? after;
  }
  for (let ids = await staleIds(db, 500); ids.length; ids = await staleIds(db, 500)) {
    for (const id of ids) await index.remove(id);
  }
  // Everything up to here is in the index: the sweep starts from now on.
  await writeScope(db, next);
  onProgress(total, total);
  return done;
}
