/**
 * Exact top-k for SQLite search when a query matches many articles. The FTS5
 * rowid is a key in publication order (published_at · KEY_SLOTS + slot), so
 * matches can be read newest first in chunks, scoring only what is read. The
 * matches are split into disjoint streams whose best possible score is known:
 *
 * - H: every query word in the headline (text part ≤ 1 + 2 + 1 + x);
 * - D: every word in the deck, not all in the headline (≤ 1 + 1 + x);
 * - F: every word, neither in headline nor deck alone (≤ 1 + x);
 * - B: some but not all words (fewer words, ≤ 1 + x).
 *
 * x bounds the bm25 part: 0.5·T/(1+T) with T = (k1+1)·Σ idf over the query's
 * phrases, each idf bounded from the per-column document counts (fts5vocab).
 * The recency factor only falls with age, so once no unread article of any
 * stream can beat the k-th result, the walk stops. The order is exactly the one
 * the single ranked query gives (words matched, score, published_at, id).
 */
import { type RawBuilder, sql } from 'kysely';
import { COLUMN_WEIGHTS, DAY_MS, FIELD_BONUS, type RankingOptions } from './search-index.ts';
import type { SearchSql } from './search-sql.ts';

type K = SearchSql;

/** Keys per millisecond of published_at: articles published in the same ms get distinct slots. */
export const KEY_SLOTS = 1024;

/** FTS5's bm25 constants (fts5_aux.c). */
const K1 = 1.2;

interface Cand {
  id: number;
  key: number;
  p: number;
  m: number;
  score: number;
}

interface Stream {
  expr: string;
  /** Largest field part (1 + bonuses) an article of this stream can have. */
  base: number;
  /** Most query words an article of this stream can have. */
  maxWords: number;
  kind: 'H' | 'D' | 'F' | 'B';
  cursor: number;
  pLast: number;
  chunk: number;
  done: boolean;
}

/** Best first: more words, higher score, newer, higher id (the ranked query's ORDER BY). */
function better(a: Cand, b: Cand): number {
  return b.m - a.m || b.score - a.score || b.p - a.p || b.id - a.id;
}

/** The FTS5 key range [lo, hi) that holds articles published in [from, to] ∩ (…, now]. */
export function keyRange(now: number, from?: number, to?: number): { lo: number; hi: number } {
  // published_at is a whole number of ms: p ≤ now, p ≥ from and p < to on integers.
  const last = Math.min(Math.floor(now), to != null ? Math.ceil(to) - 1 : Number.MAX_SAFE_INTEGER);
  return {
    lo: from != null ? Math.ceil(from) * KEY_SLOTS : Number.MIN_SAFE_INTEGER,
    hi: (last + 1) * KEY_SLOTS,
  };
}

/** FTS5's own row count (the first varint of its averages record), else a count. */
async function rowCount(k: K): Promise<number> {
  const r = await sql<{
    block: Uint8Array;
  }>`SELECT block FROM search_fts_data WHERE id = 1`.execute(k);
  const b = r.rows[0]?.block;
  if (b && b.length > 0) {
    // SQLite varint: big-endian 7-bit groups, high bit = more; a 9th byte gives 8 bits.
    let v = 0;
    for (let i = 0; i < 9 && i < b.length; i++) {
      const byte = b[i] as number;
      if (i === 8) return v * 256 + byte;
      v = v * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return v;
    }
  }
  const c = await sql<{ n: number }>`SELECT count(*) AS n FROM search_docs`.execute(k);
  return Number(c.rows[0]?.n ?? 0);
}

/** Upper bound of bm25 (negated) for any row matching a query of these phrases. */
async function bm25Bound(k: K, phrases: string[][]): Promise<number> {
  const single = [...new Set(phrases.filter((p) => p.length === 1).map((p) => p[0] as string))];
  const nRow = await rowCount(k);
  const docs = new Map<string, number>();
  for (const term of single) {
    // One lookup per term: fts5vocab seeks on `term =` (not on IN).
    const r = await sql<{ doc: number | null }>`SELECT max(doc) AS doc FROM search_fts_col
      WHERE term = ${term} AND col IN ('headline', 'deck', 'body')`.execute(k);
    docs.set(term, Number(r.rows[0]?.doc ?? 0));
  }
  let total = 0;
  for (const p of phrases) {
    // Rows holding the phrase ≥ rows holding it in any one column (0 for a multi-key phrase).
    const hits = p.length === 1 ? (docs.get(p[0] as string) ?? 0) : 0;
    let idf = Math.log((nRow - hits + 0.5) / (hits + 0.5));
    if (!(idf > 0)) idf = 1e-6;
    total += idf * (K1 + 1);
  }
  return total;
}

/** Fills in the article ids of candidates read without a row lookup. */
async function resolveIds(k: K, cands: Cand[]): Promise<void> {
  const missing = cands.filter((c) => c.id < 0);
  if (missing.length === 0) return;
  const rows = await sql<{ key: number; id: number }>`SELECT fts_key AS key, article_id AS id
    FROM search_docs WHERE fts_key IN (${sql.join(missing.map((c) => c.key))})`.execute(k);
  const byKey = new Map(rows.rows.map((r) => [Number(r.key), Number(r.id)]));
  for (const c of missing) c.id = byKey.get(c.key) ?? -1;
}

export interface WalkQuery {
  /** FTS5 expressions (see search-sqlite.ts): each unit, any, all, headline-all, deck-all. */
  units: string[];
  any: string;
  all: string;
  headlineAll: string;
  deckAll: string;
  phrases: string[][];
  now: number;
  from?: number;
  to?: number;
  /** Filters on `search_docs d` beyond the date range (section, exclusions), or null. */
  extra: RawBuilder<unknown> | null;
}

/**
 * The first `n` matches in ranked order, as ids and scores; null when the
 * ranking cannot be bounded this way (a recency weight below zero).
 */
export async function walkTopK(
  k: K,
  q: WalkQuery,
  n: number,
  ranking: RankingOptions,
): Promise<{ id: number; score: number }[] | null> {
  if (!(ranking.recencyWeight >= 0) || !(ranking.halfLifeDays > 0)) return null;
  const scale = DAY_MS * ranking.halfLifeDays;
  const recency = (p: number) => 1.0 + ranking.recencyWeight / (1.0 + ((q.now - p) * 1.0) / scale);
  const T = await bm25Bound(k, q.phrases);
  const x = (FIELD_BONUS.text * T) / (1.0 + T);
  const words = q.units.length;
  const { lo, hi } = keyRange(q.now, q.from, q.to);
  const start = (base: number, maxWords: number, kind: Stream['kind'], expr: string): Stream => ({
    expr,
    base,
    maxWords,
    kind,
    cursor: hi,
    pLast: q.now,
    chunk: 32,
    done: false,
  });
  const streams: Stream[] = [
    start(1 + FIELD_BONUS.headline + FIELD_BONUS.deck, words, 'H', q.headlineAll),
    start(1 + FIELD_BONUS.deck, words, 'D', `(${q.deckAll}) NOT (${q.headlineAll})`),
    start(1, words, 'F', `((${q.all}) NOT (${q.headlineAll})) NOT (${q.deckAll})`),
  ];
  if (words > 1) streams.push(start(1, words - 1, 'B', `(${q.any}) NOT (${q.all})`));
  // A safety margin for the bound: log() and the sums may round differently in SQLite.
  const bound = (s: Stream) => (s.base + x) * recency(s.pLast) * (1 + 1e-9);
  // Which of these keys match `expr`: a key range (FTS5 seeks it; it cannot seek an IN list).
  const member = async (expr: string, keys: number[]) => {
    const wanted = new Set(keys);
    const rows = await sql<{ key: number }>`SELECT rowid AS key FROM search_fts
      WHERE search_fts MATCH ${expr} AND rowid >= ${Math.min(...keys)}
        AND rowid <= ${Math.max(...keys)}`.execute(k);
    return new Set(rows.rows.map((r) => Number(r.key)).filter((key) => wanted.has(key)));
  };

  let top: Cand[] = [];
  for (;;) {
    const nth = top.length >= n ? top[n - 1] : undefined;
    let next: Stream | undefined;
    for (const s of streams) {
      if (s.done) continue;
      if (nth && (s.maxWords < nth.m || (s.maxWords === nth.m && bound(s) < nth.score))) continue;
      if (
        !next ||
        s.maxWords > next.maxWords ||
        (s.maxWords === next.maxWords && bound(s) > bound(next))
      )
        next = s;
    }
    if (!next) break;
    const s = next;
    const rows = (
      q.extra
        ? await sql<{ key: number; id: number }>`SELECT search_fts.rowid AS key, d.article_id AS id
            FROM search_fts JOIN search_docs d ON d.fts_key = search_fts.rowid
            WHERE search_fts MATCH ${s.expr} AND search_fts.rowid < ${s.cursor}
              AND search_fts.rowid >= ${lo} AND ${q.extra}
            ORDER BY search_fts.rowid DESC LIMIT ${s.chunk}`.execute(k)
        : // published_at is in the key: no row lookups while walking.
          await sql<{ key: number; id?: number }>`SELECT rowid AS key FROM search_fts
            WHERE search_fts MATCH ${s.expr} AND rowid < ${s.cursor} AND rowid >= ${lo}
            ORDER BY rowid DESC LIMIT ${s.chunk}`.execute(k)
    ).rows;
    if (rows.length < s.chunk) s.done = true;
    s.chunk = Math.min(s.chunk * 2, 1024);
    const last = rows[rows.length - 1];
    if (!last) continue;
    s.cursor = Number(last.key);
    s.pLast = Math.floor(s.cursor / KEY_SLOTS);
    const keys = rows.map((r) => Number(r.key));
    // A key range FTS5 can seek; `+rowid IN` only filters, so bm25 runs for these rows alone.
    const scored = await sql<{ key: number; t: number }>`SELECT rowid AS key,
        -bm25(search_fts, ${COLUMN_WEIGHTS.headline}, ${COLUMN_WEIGHTS.deck}, ${COLUMN_WEIGHTS.body}, 0.0) AS t
      FROM search_fts WHERE search_fts MATCH ${q.any} AND rowid >= ${Math.min(...keys)}
        AND rowid <= ${Math.max(...keys)} AND +rowid IN (${sql.join(keys)})`.execute(k);
    const text = new Map(scored.rows.map((row) => [Number(row.key), Number(row.t)]));
    const inDeck = s.kind === 'H' ? await member(q.deckAll, keys) : null;
    const perUnit = s.kind === 'B' ? await Promise.all(q.units.map((u) => member(u, keys))) : null;
    for (const r of rows) {
      const key = Number(r.key);
      const h = s.kind === 'H' ? 1 : 0;
      const dk = s.kind === 'D' || inDeck?.has(key) ? 1 : 0;
      const m = perUnit ? perUnit.reduce((a, set) => a + (set.has(key) ? 1 : 0), 0) : words;
      const p = Math.floor(key / KEY_SLOTS);
      const t = text.get(key) ?? 0;
      const score =
        (1.0 +
          FIELD_BONUS.headline * h +
          FIELD_BONUS.deck * dk +
          (FIELD_BONUS.text * t) / (1.0 + t)) *
        recency(p);
      top.push({ id: r.id ?? -1, key, p, m, score });
    }
    top.sort(better);
    if (top.length > n) {
      // Keep ties with the n-th on everything but the id: the id decides them below.
      const nth = top[n - 1] as Cand;
      let end = n;
      while (end < top.length && better({ ...(top[end] as Cand), id: nth.id }, nth) === 0) end++;
      top = top.slice(0, end);
    }
    await resolveIds(k, top);
  }
  top.sort(better);
  return top.slice(0, n).map((c) => ({ id: c.id, score: c.score }));
}
