import { type Kysely, sql } from 'kysely';
import type { MigrationContext } from '../migrate.ts';

/**
 * The search index. `search_docs` holds one row per published article: the
 * plain text for snippets, the filter columns and, on PostgreSQL, the weighted
 * tsvector of the already-stemmed text. On SQLite the stemmed text lives in the
 * FTS5 table `search_fts` (rowid = `search_docs.fts_key`, ordered by publication time). `search_vocab` lists headline and
 * deck words for the typo-tolerant fallback (pg_trgm on PostgreSQL, our own
 * trigram table on SQLite). `search_sync` keeps the catch-up sweep's
 * watermarks, and `articles_updated_at` lets it read only recent changes.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  if (ctx.dialect === 'sqlite') {
    // fts_key is the FTS5 rowid: published_at · 1024 + a free slot, so the
    // index's own rowid order is publication order (searches walk it newest first).
    await sql`CREATE TABLE search_docs (
      article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      fts_key INTEGER NOT NULL UNIQUE,
      section_id INTEGER NOT NULL,
      published_at INTEGER NOT NULL,
      version INTEGER NOT NULL,
      headline TEXT NOT NULL,
      deck TEXT NOT NULL,
      body TEXT NOT NULL,
      vocab TEXT NOT NULL
    )`.execute(db);
    // Marks (M*) are word characters so Javanese and Arabic words stay whole.
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
      headline, deck, body, words,
      tokenize = "unicode61 categories 'L* N* M* Co'"
    )`.execute(db);
    // Per-column document counts of each key: a cheap bound on bm25's IDF.
    await sql`CREATE VIRTUAL TABLE search_fts_col USING fts5vocab(search_fts, 'col')`.execute(db);
    await sql`CREATE TABLE search_vocab (word TEXT PRIMARY KEY, df INTEGER NOT NULL)`.execute(db);
    await sql`CREATE TABLE search_vocab_tri (
      tri TEXT NOT NULL,
      word TEXT NOT NULL,
      PRIMARY KEY (tri, word)
    ) WITHOUT ROWID`.execute(db);
  } else {
    // Extensions are database-wide: keep pg_trgm in `public` and qualify its
    // names, so per-schema test databases and custom search_paths all see it.
    const has = async () =>
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_trgm'`.execute(db)
      ).rows[0]?.n === 1;
    if (!(await has())) {
      try {
        await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`.execute(db);
      } catch (err) {
        // Another process may have created it at the same moment.
        if (!(await has())) throw err;
      }
    }
    await sql`CREATE TABLE search_docs (
      article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
      section_id integer NOT NULL,
      published_at bigint NOT NULL,
      version integer NOT NULL,
      headline text NOT NULL,
      deck text NOT NULL,
      body text NOT NULL,
      vocab text NOT NULL,
      tsv tsvector NOT NULL,
      words tsvector NOT NULL
    )`.execute(db);
    await sql`CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv)`.execute(db);
    await sql`CREATE INDEX search_docs_words ON search_docs USING gin (words)`.execute(db);
    await sql`CREATE TABLE search_vocab (word text PRIMARY KEY, df integer NOT NULL)`.execute(db);
    await sql`CREATE INDEX search_vocab_trgm ON search_vocab USING gin (word public.gin_trgm_ops)`.execute(
      db,
    );
  }
  await sql`CREATE INDEX search_docs_published ON search_docs (published_at)`.execute(db);
  // The catch-up sweep's watermarks (see indexing.ts): it only compares
  // articles changed since the last sweep, found through this index.
  await sql`CREATE TABLE search_sync (name varchar(40) PRIMARY KEY, value bigint NOT NULL)`.execute(
    db,
  );
  await sql`CREATE INDEX articles_updated_at ON articles (updated_at)`.execute(db);
}
