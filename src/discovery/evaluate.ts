import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { type Db, type Dialect, openDb } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { importJsonl } from '../ingest/jsonl.ts';
import { EventBus } from '../lib/events.ts';
import { wireListeners } from '../listeners.ts';
import { relatedIds } from './related-store.ts';
import { searchArticles } from './search.ts';

/**
 * Measured quality of discovery on an evaluation set: a corpus in JSON Lines
 * (with a `cluster` per article) and queries with their relevant ids. The
 * corpus is loaded through the same import path newsrooms use, so events fill
 * the search and related indexes exactly as in production.
 */

export interface EvalQuery {
  q: string;
  relevant: string[];
}

export interface EvalResult {
  dialect: Dialect;
  articles: number;
  queries: number;
  /** Mean share of a query's relevant articles found in the first 10 results. */
  recallAt10: number;
  /** Mean reciprocal rank of the first relevant result (0 when none in the first 10). */
  mrr: number;
  /** Mean share of an article's first 3 related articles from the same cluster. */
  relatedPrecisionAt3: number;
  importErrors: { line: number; reason: string }[];
  /** Queries that missed relevant articles, for tuning. */
  misses: { q: string; missing: string[]; rank: number | null }[];
  seconds: number;
}

/** Parses the queries file; bad lines throw with their number. */
export function parseQueries(text: string): EvalQuery[] {
  return text
    .split(/\r?\n/)
    .map((l, i) => ({ l: l.trim(), n: i + 1 }))
    .filter((x) => x.l)
    .map(({ l, n }) => {
      const o = JSON.parse(l) as EvalQuery;
      if (typeof o.q !== 'string' || !Array.isArray(o.relevant)) {
        throw new Error(`queries line ${n}: needs "q" (string) and "relevant" (array)`);
      }
      return { q: o.q, relevant: o.relevant.map(String) };
    });
}

/** A fresh, migrated database for one run; dropped afterwards. */
async function scratchDb(dialect: Dialect, pgUrl: string) {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'warta-eval-'));
    const url = `sqlite:${join(dir, 'eval.db')}`;
    const db = await openDb(url);
    return { db, url, dispose: () => db.close().then(() => rmSync(dir, { recursive: true })) };
  }
  const schema = `eval_${process.pid}_${Date.now().toString(36)}`;
  const db = await openDb(pgUrl, { schema });
  return {
    db,
    url: pgUrl,
    dispose: async () => {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db.kysely);
      await db.close();
    },
  };
}

/**
 * Loads the corpus into a fresh database of the dialect and measures search
 * (recall@10, MRR) and related articles (precision@3 by cluster).
 */
export async function evaluate(opts: {
  dialect: Dialect;
  corpus: string;
  queries: string;
  pgUrl?: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<EvalResult> {
  const started = performance.now();
  const pgUrl =
    opts.pgUrl ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const scratch = await scratchDb(opts.dialect, pgUrl);
  const { db } = scratch;
  try {
    await migrateToLatest(db);
    const events = new EventBus((err) => {
      throw err;
    });
    const config = loadConfig({}, { databaseUrl: scratch.url, logLevel: 'silent' });
    wireListeners(events, db, config);
    const summary = await importJsonl(db, events, opts.corpus, { onProgress: opts.onProgress });
    const clusterOf = new Map<number, string>();
    const idOf = new Map<number, string>();
    for (const line of opts.corpus.split(/\r?\n/)) {
      if (!line.trim()) continue;
      try {
        const o = JSON.parse(line) as { id: string | number; cluster?: string | number };
        const articleId = summary.ids.get(String(o.id));
        if (articleId !== undefined) {
          clusterOf.set(articleId, String(o.cluster ?? ''));
          idOf.set(articleId, String(o.id));
        }
      } catch {
        // Reported by the import already.
      }
    }
    const queries = parseQueries(opts.queries);
    const now = Date.now();
    const search = await searchQuality(db, queries, idOf, now);
    const related = await relatedPrecision(db, clusterOf);
    return {
      dialect: opts.dialect,
      articles: summary.ids.size,
      queries: queries.length,
      ...search,
      relatedPrecisionAt3: related,
      importErrors: summary.failed,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await scratch.dispose();
  }
}

async function searchQuality(db: Db, queries: EvalQuery[], idOf: Map<number, string>, now: number) {
  let recall = 0;
  let rr = 0;
  const misses: EvalResult['misses'] = [];
  for (const query of queries) {
    const result = await searchArticles(db, query.q, { now, page: 1, pageSize: 10 });
    const found = result.page.items.map((a) => idOf.get(a.id) ?? '');
    const relevant = new Set(query.relevant);
    const hits = found.filter((id) => relevant.has(id));
    recall += relevant.size ? hits.length / relevant.size : 1;
    const first = found.findIndex((id) => relevant.has(id));
    rr += first >= 0 ? 1 / (first + 1) : 0;
    if (hits.length < relevant.size || first !== 0) {
      misses.push({
        q: query.q,
        missing: query.relevant.filter((id) => !found.includes(id)),
        rank: first >= 0 ? first + 1 : null,
      });
    }
  }
  const n = queries.length || 1;
  return { recallAt10: recall / n, mrr: rr / n, misses };
}

async function relatedPrecision(db: Db, clusterOf: Map<number, string>): Promise<number> {
  let sum = 0;
  let n = 0;
  for (const [articleId, cluster] of clusterOf) {
    if (!cluster) continue;
    const top = (await relatedIds(db.kysely, articleId, 3)).slice(0, 3);
    sum += top.filter((id) => clusterOf.get(id) === cluster).length / 3;
    n++;
  }
  return n ? sum / n : 0;
}
