import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import {
  COLUMN_WEIGHTS,
  DAY_MS,
  DEFAULT_RANKING,
  FIELD_BONUS,
  headlineWords,
  indexTerms,
  type QueryUnit,
  type SearchFilters,
  type SearchIndex,
  trigrams,
} from './search-index.ts';
import {
  type DocRows,
  filterSql,
  removeDoc,
  type SearchSql,
  scopeSql,
  upsertDoc,
} from './search-sql.ts';
import { KEY_SLOTS, keyRange, walkTopK } from './search-sqlite-walk.ts';

type K = SearchSql;

/** An FTS5 phrase for one key; keys hold only letters, marks and digits, the quoting is belt and braces. */
const phrase = (key: string) => `"${key.replace(/"/g, '""')}"`;

/** FTS5 expression of one query word: its alternatives, each a quoted phrase. */
function unitExpr(unit: QueryUnit): string {
  return `(${unit.map((alt) => phrase(alt.join(' '))).join(' OR ')})`;
}

/** FTS5 expressions "at least j of the units" for j = 2…n (OR of the AND of every j-subset). */
function atLeast(units: string[]): string[] {
  const out: string[] = [];
  for (let j = 2; j <= units.length; j++) {
    const combos: string[] = [];
    const pick = (start: number, chosen: string[]) => {
      if (chosen.length === j) {
        combos.push(`(${chosen.join(' AND ')})`);
        return;
      }
      for (let i = start; i < units.length; i++) pick(i + 1, [...chosen, units[i] as string]);
    };
    pick(0, []);
    out.push(`(${combos.join(' OR ')})`);
  }
  return out;
}

/**
 * When search walks matches newest first (search-sqlite-walk.ts) instead of
 * ranking them all: above `above` matches, for the first `maxRank` results.
 * Tests lower `above` to run the walk on small corpora.
 */
export const WALK_TUNING = { above: 2000, maxRank: 500 };

/**
 * How many indexed articles match an FTS expression under the filters. With
 * only the render time to respect (the usual case), FTS5 counts its own
 * matches (no row lookups) and the few scheduled articles are subtracted,
 * found through the published_at index.
 */
async function countMatches(k: K, match: string, f: SearchFilters): Promise<number> {
  if (f.sectionIds || f.excludeIds?.length) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM search_fts
      JOIN search_docs d ON d.fts_key = search_fts.rowid
      WHERE search_fts MATCH ${match} AND ${filterSql(f)}`.execute(k);
    return Number(r.rows[0]?.n ?? 0);
  }
  // The date filters are a key range: FTS5 counts its own matches, no row lookups.
  const { lo, hi } = keyRange(f.now, f.from, f.to);
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM search_fts
    WHERE search_fts MATCH ${match} AND rowid >= ${lo} AND rowid < ${hi}`.execute(k);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * The FTS5 rowid for an article: published_at · KEY_SLOTS + a slot free in that
 * millisecond, so rowid order is publication order.
 */
async function freeKey(k: K, id: number, publishedAt: number): Promise<number> {
  const base = publishedAt * KEY_SLOTS;
  const used = new Set(
    (
      await sql<{ key: number }>`SELECT fts_key AS key FROM search_docs
        WHERE fts_key >= ${base} AND fts_key < ${base + KEY_SLOTS}`.execute(k)
    ).rows.map((r) => Number(r.key)),
  );
  for (let j = 0; j < KEY_SLOTS; j++) {
    const key = base + ((id + j) % KEY_SLOTS);
    if (!used.has(key)) return key;
  }
  throw new Error(`more than ${KEY_SLOTS} articles published at ${publishedAt}`);
}

async function adjustVocab(k: K, removed: string[], added: string[]): Promise<void> {
  for (const word of removed) {
    const row = (
      await sql<{
        df: number;
      }>`UPDATE search_vocab SET df = df - 1 WHERE word = ${word} RETURNING df`.execute(k)
    ).rows[0];
    if (row && row.df <= 0) {
      await sql`DELETE FROM search_vocab WHERE word = ${word}`.execute(k);
      await sql`DELETE FROM search_vocab_tri WHERE word = ${word}`.execute(k);
    }
  }
  for (const word of added) {
    const row = (
      await sql<{ df: number }>`INSERT INTO search_vocab (word, df) VALUES (${word}, 1)
        ON CONFLICT (word) DO UPDATE SET df = df + 1 RETURNING df`.execute(k)
    ).rows[0];
    if (row?.df === 1) {
      for (const tri of trigrams(word)) {
        await sql`INSERT OR IGNORE INTO search_vocab_tri (tri, word) VALUES (${tri}, ${word})`.execute(
          k,
        );
      }
    }
  }
}

async function removeIn(k: K, id: number): Promise<string[]> {
  const old = (
    await sql<{
      vocab: string;
      key: number;
    }>`SELECT vocab, fts_key AS key FROM search_docs WHERE article_id = ${id}`.execute(k)
  ).rows[0];
  if (old) await sql`DELETE FROM search_fts WHERE rowid = ${old.key}`.execute(k);
  await sql`DELETE FROM search_docs WHERE article_id = ${id}`.execute(k);
  return old?.vocab ? old.vocab.split(' ') : [];
}

/** search_docs rows plus the FTS5 row under a key in publication order (see freeKey). */
const rows: DocRows = {
  removeRows: removeIn,
  async insertRows(k, doc, vocab) {
    const key = await freeKey(k, doc.id, doc.publishedAt);
    await sql`INSERT INTO search_docs
      (article_id, fts_key, section_id, published_at, version, headline, deck, body, vocab)
      VALUES (${doc.id}, ${key}, ${doc.sectionId}, ${doc.publishedAt}, ${doc.version},
        ${doc.headline}, ${doc.deck}, ${doc.body}, ${vocab.join(' ')})`.execute(k);
    await sql`INSERT INTO search_fts (rowid, headline, deck, body, words)
      VALUES (${key}, ${indexTerms(doc.headline).join(' ')}, ${indexTerms(doc.deck).join(' ')},
        ${indexTerms(doc.body).join(' ')}, ${headlineWords(doc.headline).join(' ')})`.execute(k);
  },
  adjustVocab,
};

/** SQLite FTS5 search: stemmed headline, deck and body columns ranked by weighted bm25(). */
export function sqliteSearchIndex(db: Db): SearchIndex {
  const k = db.kysely;
  return {
    upsert: (doc) => upsertDoc(k, rows, doc),
    remove: (id) => removeDoc(k, rows, id),

    async search(query, filters, paging, ranking = DEFAULT_RANKING) {
      const units = query.units.map(unitExpr);
      if (units.length === 0) return { hits: [], total: 0, full: 0 };
      const any = `{headline deck body} : (${units.join(' OR ')})`;
      const all = `(${units.join(' AND ')})`;
      const where = sql`search_fts MATCH ${any} AND ${filterSql(filters)}`;
      const { headline, deck, body } = COLUMN_WEIGHTS;
      const inSet = (match: string) =>
        sql`(search_fts.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${match}))`;
      // How many query words an article has: 1 + [has at least 2] + [at least 3]…,
      // so each subquery holds only the (smaller) sets of articles with several words.
      const matched =
        units.length === 1
          ? sql`1`
          : units.length <= 4
            ? sql`(1 + ${sql.join(
                atLeast(units).map((e) => inSet(`{headline deck body} : ${e}`)),
                sql` + `,
              )})`
            : sql.join(
                units.map((u) => inSet(`{headline deck body} : ${u}`)),
                sql` + `,
              );
      const text = sql`(-bm25(search_fts, ${headline}, ${deck}, ${body}, 0.0))`;
      const score = sql`(1.0 + ${FIELD_BONUS.headline} * ${inSet(`{headline} : ${all}`)}
          + ${FIELD_BONUS.deck} * ${inSet(`{deck} : ${all}`)}
          + ${FIELD_BONUS.text} * ${text} / (1.0 + ${text})) *
        (1.0 + ${ranking.recencyWeight} /
          (1.0 + (${filters.now} - d.published_at) * 1.0 / ${DAY_MS * ranking.halfLifeDays}))`;
      const count = await countMatches(k, any, filters);
      const full = await countMatches(k, `{headline deck body} : ${all}`, filters);
      const wanted = paging.offset + paging.limit;
      // Many matches: walk them newest first and stop early (same order, exact).
      const walked =
        count > WALK_TUNING.above && wanted <= WALK_TUNING.maxRank
          ? await walkTopK(
              k,
              {
                units: units.map((u) => `{headline deck body} : ${u}`),
                any,
                all: `{headline deck body} : ${all}`,
                headlineAll: `{headline} : ${all}`,
                deckAll: `{deck} : ${all}`,
                phrases: query.units.flat(),
                now: filters.now,
                from: filters.from,
                to: filters.to,
                extra: scopeSql(filters),
              },
              wanted,
              ranking,
            )
          : null;
      const rows = walked
        ? { rows: walked.slice(paging.offset) }
        : // Ids and scores only: the sorter then never carries article text.
          await sql<{ id: number; score: number }>`
          SELECT d.article_id AS id, ${matched} AS matched, ${score} AS score
          FROM search_fts JOIN search_docs d ON d.fts_key = search_fts.rowid
          WHERE ${where}
          ORDER BY matched DESC, score DESC, d.published_at DESC, d.article_id DESC
          LIMIT ${paging.limit} OFFSET ${paging.offset}`.execute(k);
      const ids = rows.rows.map((r) => r.id);
      const texts = ids.length
        ? await sql<{ id: number; deck: string; body: string }>`SELECT article_id AS id, deck, body
            FROM search_docs WHERE article_id IN (${sql.join(ids)})`.execute(k)
        : { rows: [] };
      const byId = new Map(texts.rows.map((t) => [t.id, t]));
      return {
        hits: rows.rows.map((r) => ({
          id: r.id,
          score: r.score,
          deck: byId.get(r.id)?.deck ?? '',
          body: byId.get(r.id)?.body ?? '',
        })),
        total: count,
        full,
      };
    },

    async suggest(words, prefix, filters, limit) {
      if (words.length === 0 && !prefix) return [];
      const parts = words.map(phrase);
      if (prefix) parts.push(`${phrase(prefix)}*`);
      const match = `{words} : (${parts.join(' AND ')})`;
      const rows = await sql<{ id: number }>`SELECT d.article_id AS id FROM search_fts
        JOIN search_docs d ON d.fts_key = search_fts.rowid
        WHERE search_fts MATCH ${match} AND ${filterSql(filters)}
        ORDER BY d.published_at DESC, d.article_id DESC LIMIT ${limit}`.execute(k);
      return rows.rows.map((r) => r.id);
    },

    async similarWords(word, limit) {
      const tris = trigrams(word);
      if (tris.length === 0) return [];
      const rows = await sql<{ word: string }>`SELECT word, count(*) AS c FROM search_vocab_tri
        WHERE tri IN (${sql.join(tris)}) GROUP BY word
        ORDER BY c DESC, word LIMIT ${limit}`.execute(k);
      return rows.rows.map((r) => r.word);
    },
  };
}
