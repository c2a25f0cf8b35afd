/**
 * SQL both search backends build alike over their `search_docs d` table: the
 * filters applied before ranking and the vocabulary bookkeeping of an upsert.
 * The index holds only published, not deleted articles (see indexing.ts), so
 * the render-time condition `d.published_at <= now` completes the reader
 * visibility rule on the index's own copy of published_at.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type SearchDoc, type SearchFilters, vocabularyOf } from './search-index.ts';

/** A handle for raw search SQL (the search tables are reached only through `sql`). */
export type SearchSql = Kysely<Database>;

/** Section and exclusion conditions on `search_docs d`, or null when there are none. */
export function scopeSql(f: SearchFilters): RawBuilder<unknown> | null {
  const parts: RawBuilder<unknown>[] = [];
  if (f.sectionIds) {
    parts.push(f.sectionIds.length ? sql`d.section_id IN (${sql.join(f.sectionIds)})` : sql`1 = 0`);
  }
  if (f.excludeIds?.length) parts.push(sql`d.article_id NOT IN (${sql.join(f.excludeIds)})`);
  return parts.length ? sql.join(parts, sql` AND `) : null;
}

/** Every filter condition on `search_docs d`: time (due by `now`, [from, to)) and scope. */
export function filterSql(f: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`d.published_at <= ${f.now}`];
  if (f.from != null) parts.push(sql`d.published_at >= ${f.from}`);
  if (f.to != null) parts.push(sql`d.published_at < ${f.to}`);
  const scope = scopeSql(f);
  if (scope) parts.push(scope);
  return sql.join(parts, sql` AND `);
}

/** What differs between the backends when one article's rows are replaced. */
export interface DocRows {
  /** Serialises concurrent writes of one article, if the backend needs it. */
  lock?(k: SearchSql, id: number): Promise<void>;
  /** Deletes the article's rows; returns the vocabulary they held. */
  removeRows(k: SearchSql, id: number): Promise<string[]>;
  /** Writes the article's rows with its vocabulary. */
  insertRows(k: SearchSql, doc: SearchDoc, vocab: string[]): Promise<void>;
  /** Moves the typo-correction vocabulary's document frequencies. */
  adjustVocab(k: SearchSql, removed: string[], added: string[]): Promise<void>;
}

/** Replaces one article's rows and keeps the vocabulary in step, in one transaction. */
export async function upsertDoc(k: SearchSql, rows: DocRows, doc: SearchDoc): Promise<void> {
  const vocab = vocabularyOf(doc);
  await k.transaction().execute(async (trx) => {
    await rows.lock?.(trx, doc.id);
    const old = await rows.removeRows(trx, doc.id);
    await rows.insertRows(trx, doc, vocab);
    const oldSet = new Set(old);
    const newSet = new Set(vocab);
    await rows.adjustVocab(
      trx,
      old.filter((w) => !newSet.has(w)),
      vocab.filter((w) => !oldSet.has(w)),
    );
  });
}

/** Removes one article's rows and its share of the vocabulary (no error when absent). */
export async function removeDoc(k: SearchSql, rows: DocRows, id: number): Promise<void> {
  await k.transaction().execute(async (trx) => {
    await rows.adjustVocab(trx, await rows.removeRows(trx, id), []);
  });
}
