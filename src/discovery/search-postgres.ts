import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import {
  COLUMN_WEIGHTS,
  DAY_MS,
  DEFAULT_RANKING,
  FIELD_BONUS,
  headlineWords,
  indexTerms,
  type QueryUnit,
  type SearchIndex,
} from './search-index.ts';
import { type DocRows, filterSql, removeDoc, type SearchSql, upsertDoc } from './search-sql.ts';

type K = SearchSql;

/** ts_rank_cd weights {D, C, B, A}: body (C), deck (B), headline (A) in the same ratio as bm25's. */
const RANK_WEIGHTS = `{0,${COLUMN_WEIGHTS.body / 10},${COLUMN_WEIGHTS.deck / 10},${COLUMN_WEIGHTS.headline / 10}}`;

/**
 * tsquery of one query word: its alternatives joined by `|`, a phrase's keys
 * by `<->`. Keys hold only letters, marks and digits and are quoted, so the
 * reader's text can never be read as an operator.
 */
function unitQuery(unit: QueryUnit): RawBuilder<unknown> {
  const text = unit
    .map((alt) => alt.map((key) => `'${key.replace(/'/g, "''")}'`).join(' <-> '))
    .join(' | ');
  return sql`to_tsquery('simple', ${text})`;
}

async function adjustVocab(k: K, removed: string[], added: string[]): Promise<void> {
  if (removed.length) {
    await sql`UPDATE search_vocab SET df = df - 1 WHERE word = ANY(${removed}::text[])`.execute(k);
    await sql`DELETE FROM search_vocab WHERE word = ANY(${removed}::text[]) AND df <= 0`.execute(k);
  }
  if (added.length) {
    await sql`INSERT INTO search_vocab (word, df) SELECT w, 1 FROM unnest(${added}::text[]) AS w
      ON CONFLICT (word) DO UPDATE SET df = search_vocab.df + 1`.execute(k);
  }
}

async function removeIn(k: K, id: number): Promise<string[]> {
  const old = (
    await sql<{
      vocab: string;
    }>`DELETE FROM search_docs WHERE article_id = ${id} RETURNING vocab`.execute(k)
  ).rows[0];
  return old?.vocab ? old.vocab.split(' ') : [];
}

/** search_docs rows with the tsvector of the stemmed text and the headline words. */
const rows: DocRows = {
  // Lock the article's id so two concurrent upserts of one article serialise.
  async lock(k, id) {
    await sql`SELECT pg_advisory_xact_lock(${7_351_000_000 + id})`.execute(k);
  },
  removeRows: removeIn,
  async insertRows(k, doc, vocab) {
    const h = indexTerms(doc.headline).join(' ');
    const d = indexTerms(doc.deck).join(' ');
    const b = indexTerms(doc.body).join(' ');
    await sql`INSERT INTO search_docs
      (article_id, section_id, published_at, version, headline, deck, body, vocab, tsv, words)
      VALUES (${doc.id}, ${doc.sectionId}, ${doc.publishedAt}, ${doc.version},
        ${doc.headline}, ${doc.deck}, ${doc.body}, ${vocab.join(' ')},
        setweight(to_tsvector('simple', ${h}), 'A') ||
          setweight(to_tsvector('simple', ${d}), 'B') ||
          setweight(to_tsvector('simple', ${b}), 'C'),
        to_tsvector('simple', ${headlineWords(doc.headline).join(' ')}))`.execute(k);
  },
  adjustVocab,
};

/**
 * PostgreSQL search: a tsvector of the stemmed text under the `simple` config
 * (weights A headline, B deck, C body), GIN-indexed, ranked by ts_rank_cd; the
 * typo fallback uses pg_trgm (installed in `public`, so names are qualified).
 */
export function postgresSearchIndex(db: Db): SearchIndex {
  const k = db.kysely;
  return {
    upsert: (doc) => upsertDoc(k, rows, doc),
    remove: (id) => removeDoc(k, rows, id),

    async search(query, filters, paging, ranking = DEFAULT_RANKING) {
      const units = query.units.map(unitQuery);
      if (units.length === 0) return { hits: [], total: 0, full: 0 };
      const any = sql`(${sql.join(units, sql` || `)})`;
      const all = sql`(${sql.join(units, sql` && `)})`;
      const where = sql`d.tsv @@ ${any} AND ${filterSql(filters)}`;
      const matched = sql.join(
        units.map((u) => sql`(d.tsv @@ ${u})::int`),
        sql` + `,
      );
      const text = sql`ts_rank_cd(${RANK_WEIGHTS}::float4[], d.tsv, ${any}, 1)`;
      const inWeight = (w: string) => sql`(ts_filter(d.tsv, ${`{${w}}`}::"char"[]) @@ ${all})::int`;
      const score = sql`(1.0 + ${FIELD_BONUS.headline}::float8 * ${inWeight('a')}
          + ${FIELD_BONUS.deck}::float8 * ${inWeight('b')}
          + ${FIELD_BONUS.text}::float8 * ${text} / (1.0 + ${text})) *
        (1.0 + ${ranking.recencyWeight}::float8 /
          (1.0 + (${filters.now}::float8 - d.published_at) / ${DAY_MS * ranking.halfLifeDays}::float8))`;
      const [count, rows] = await Promise.all([
        sql<{ n: number; full: number }>`SELECT count(*)::int AS n,
          (count(*) FILTER (WHERE d.tsv @@ ${all}))::int AS full
          FROM search_docs d WHERE ${where}`.execute(k),
        sql<{ id: number; score: number; deck: string; body: string }>`
          SELECT d.article_id AS id, ${score} AS score, d.deck, d.body
          FROM search_docs d WHERE ${where}
          ORDER BY ${matched} DESC, score DESC, d.published_at DESC, d.article_id DESC
          LIMIT ${paging.limit} OFFSET ${paging.offset}`.execute(k),
      ]);
      return {
        hits: rows.rows.map((r) => ({ ...r, score: Number(r.score) })),
        total: Number(count.rows[0]?.n ?? 0),
        full: Number(count.rows[0]?.full ?? 0),
      };
    },

    async suggest(words, prefix, filters, limit) {
      if (words.length === 0 && !prefix) return [];
      const conds: RawBuilder<unknown>[] = [];
      if (words.length) conds.push(sql`d.words @@ plainto_tsquery('simple', ${words.join(' ')})`);
      // The prefix holds only letters, marks and digits, so ':*' is its only operator.
      if (prefix) conds.push(sql`d.words @@ to_tsquery('simple', ${`${prefix}:*`})`);
      const rows = await sql<{ id: number }>`SELECT d.article_id AS id FROM search_docs d
        WHERE ${sql.join(conds, sql` AND `)} AND ${filterSql(filters)}
        ORDER BY d.published_at DESC, d.article_id DESC LIMIT ${limit}`.execute(k);
      return rows.rows.map((r) => r.id);
    },

    async similarWords(word, limit) {
      const rows = await sql<{ word: string }>`SELECT word FROM search_vocab
        WHERE word OPERATOR(public.%) ${word}
        ORDER BY public.similarity(word, ${word}) DESC, word LIMIT ${limit}`.execute(k);
      return rows.rows.map((r) => r.word);
    },
  };
}
