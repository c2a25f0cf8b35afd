import type { Kysely } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { RelatedFeatures } from './related.ts';

/**
 * The related-articles tables: their row types, the handle typed with them,
 * and the row-level reads and writes (document frequencies, stored documents,
 * postings) shared by the incremental store and the bulk rebuild.
 */

export interface RelatedDocTable {
  article_id: number;
  published_at: number;
  /** JSON of RelatedFeatures without `terms`. */
  features: string;
  /** JSON of RelatedFeatures.terms (only read to update document frequencies). */
  terms: string;
}
export interface RelatedDfTable {
  term: string;
  df: number;
}
export interface RelatedPostingTable {
  term: string;
  article_id: number;
  weight: number;
}
export interface RelatedArticleTable {
  article_id: number;
  related_id: number;
  score: number;
}
/** The related-articles tables, owned by discovery (added to the shared schema with withTables). */
type RelatedTables = {
  related_docs: RelatedDocTable;
  related_df: RelatedDfTable;
  related_postings: RelatedPostingTable;
  related_articles: RelatedArticleTable;
};
export type RelatedDb = Kysely<Database & RelatedTables>;

/** Entities used to look up candidates (rarest first). */
const QUERY_ENTITIES = 10;
/** The document-count row of related_df. */
export const N_TERM = '';

export interface Doc {
  id: number;
  publishedAt: number;
  features: RelatedFeatures;
}

/** The handle typed with discovery's own tables. */
export const rdb = (db: Db | Kysely<Database>): RelatedDb =>
  ('kysely' in db ? db.kysely : db).withTables<RelatedTables>();

/** Stored document frequencies of some terms, always with the document count (N_TERM). */
export async function dfMap(k: RelatedDb, terms: Iterable<string>): Promise<Map<string, number>> {
  const all = [...new Set([N_TERM, ...terms])];
  const out = new Map<string, number>();
  for (let i = 0; i < all.length; i += 2000) {
    const rows = await k
      .selectFrom('related_df')
      .select(['term', 'df'])
      .where('term', 'in', all.slice(i, i + 2000))
      .execute();
    for (const r of rows) out.set(r.term, Number(r.df));
  }
  return out;
}

/** Adds signed deltas to document frequencies (zero deltas are skipped). */
export async function addDf(k: RelatedDb, deltas: Map<string, number>) {
  const rows = [...deltas].filter(([, d]) => d !== 0).map(([term, df]) => ({ term, df }));
  for (let i = 0; i < rows.length; i += 500) {
    await k
      .insertInto('related_df')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .column('term')
          .doUpdateSet((eb) => ({ df: eb('related_df.df', '+', eb.ref('excluded.df')) })),
      )
      .execute();
  }
}

/** Inverted-index rows of one article: its top stems (tf-idf, unit length), tags and rarest entities. */
export function postingsFor(
  id: number,
  f: RelatedFeatures,
  idfOf: (t: string) => number,
): RelatedPostingTable[] {
  const text = Object.entries(f.v).map(([term, tf]) => ({ term, w: tf * idfOf(term) }));
  const norm = Math.sqrt(text.reduce((s, x) => s + x.w * x.w, 0)) || 1;
  return [
    ...text.map((x) => ({ term: x.term, article_id: id, weight: x.w / norm })),
    ...f.g.map((term) => ({ term, article_id: id, weight: 1 })),
    ...f.e.slice(0, QUERY_ENTITIES).map((term) => ({ term, article_id: id, weight: 1 })),
  ];
}

/** Stored documents; `terms` is only read when asked for (it is long and unused in scoring). */
export async function loadDocs(
  k: RelatedDb,
  ids: number[],
  withTerms = false,
): Promise<Map<number, Doc>> {
  const out = new Map<number, Doc>();
  const sorted = [...ids].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += 500) {
    const rows = await k
      .selectFrom('related_docs')
      .select(['article_id', 'published_at', 'features'])
      .$if(withTerms, (q) => q.select('terms'))
      .where('article_id', 'in', sorted.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const features = JSON.parse(r.features) as RelatedFeatures;
      features.terms = withTerms ? JSON.parse((r as { terms: string }).terms) : [];
      out.set(r.article_id, { id: r.article_id, publishedAt: Number(r.published_at), features });
    }
  }
  return out;
}

/** The stored columns of one document's features. */
export function docColumns(f: RelatedFeatures): { features: string; terms: string } {
  const { terms, ...rest } = f;
  return { features: JSON.stringify(rest), terms: JSON.stringify(terms) };
}
