/**
 * The search index behind one interface, with two real implementations
 * (search-sqlite.ts: FTS5 with bm25; search-postgres.ts: tsvector with
 * ts_rank_cd). Both receive only analyzed terms, never the reader's raw text.
 */
import type { ArticleText } from '../content/reads.ts';
import { STOPWORDS, searchForms, tokenize } from './text.ts';

/**
 * What the index stores for one published article: its text as content reads it,
 * `version` as of indexing (so a sweep can spot missed edits), the body as plain text.
 */
export interface SearchDoc extends Omit<ArticleText, 'body'> {
  /** Plain body text (see bodyText). */
  body: string;
}

/**
 * One query word as the index looks for it: alternatives, any of which counts
 * as a match; an alternative of several keys is a phrase (adjacent keys).
 * "antirabies" → [["antirabies"], ["rabies"]]; "covid-19" → [["covid19"], ["covid", "19"]].
 */
export type QueryUnit = string[][];

/** A reader's query after analysis: what both backends search for. */
export interface ParsedQuery {
  /** Every index key the query may match, deduplicated (for highlighting). */
  terms: string[];
  /**
   * The query words. An article matches when it has at least one; articles
   * with more of them rank above those with fewer, whatever else they score.
   */
  units: QueryUnit[];
}

/** Filters applied inside the index, before ranking and paging. */
export interface SearchFilters {
  /** Render time: nothing published after it is returned. */
  now: number;
  sectionIds?: number[];
  /** Half-open [from, to) on published_at. */
  from?: number;
  to?: number;
  excludeIds?: number[];
}

/** One hit with the stored text the snippet is built from. */
export interface SearchHit {
  id: number;
  score: number;
  deck: string;
  body: string;
}

/** Tunable ranking: relevance × (1 + recencyWeight / (1 + ageDays / halfLifeDays)). */
export interface RankingOptions {
  recencyWeight: number;
  halfLifeDays: number;
}

/**
 * Default ranking. A story published today gets up to (1 + 0.6)× its text
 * relevance; one `halfLifeDays` old gets (1 + 0.3)×; very old stories tend to
 * 1×, so a headline match still beats a fresher body-only match. Set
 * recencyWeight to 0 for pure text relevance.
 */
export const DEFAULT_RANKING: RankingOptions = Object.freeze({
  recencyWeight: 0.6,
  halfLifeDays: 30,
});

/**
 * Text relevance, the same on both backends:
 *   1 + headline·[headline has every term] + deck·[deck has every term]
 *     + text·s/(1+s)
 * where s is the backend's own weighted score (FTS5 bm25 with COLUMN_WEIGHTS,
 * or ts_rank_cd with the same ratios). The field bonuses are exact booleans both
 * databases compute alike, so "headline above deck above body" and the order of
 * the top results do not depend on the backend; s only breaks ties within a tier.
 */
export const FIELD_BONUS = Object.freeze({ headline: 2, deck: 1, text: 0.5 });

/** Column weights inside each backend's own score: headline 10, deck 4, body 1. */
export const COLUMN_WEIGHTS = Object.freeze({ headline: 10, deck: 4, body: 1 });

/** The storage-neutral search index. */
export interface SearchIndex {
  /** Adds or replaces one article. */
  upsert(doc: SearchDoc): Promise<void>;
  /** Removes one article (no error when it is not indexed). */
  remove(id: number): Promise<void>;
  /**
   * Ranked hits: articles with any query word, those with more of the words
   * first, then by score. `total` counts them all (for paging), `full` those
   * with every word (below a few, the typo fallback steps in).
   */
  search(
    query: ParsedQuery,
    filters: SearchFilters,
    paging: { limit: number; offset: number },
    ranking?: RankingOptions,
  ): Promise<{ hits: SearchHit[]; total: number; full: number }>;
  /** Newest articles whose headline has every word in `words` and a word starting with `prefix`. */
  suggest(
    words: string[],
    prefix: string,
    filters: SearchFilters,
    limit: number,
  ): Promise<number[]>;
  /** Headline/deck words that share trigrams with `word`, best candidates first (unscored). */
  similarWords(word: string, limit: number): Promise<string[]>;
}

/**
 * The form a term takes inside both indexes: letters, marks and digits only
 * ("covid-19" → "covid19", "1.500" → "1500"), so no tokenizer or query parser
 * can split it or read an operator into it.
 */
export function indexKey(term: string): string {
  return term.replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
}

/**
 * Analyzed index keys of a text, in order (repeats kept: they count). A
 * hyphenated compound is followed by its parts ("gilimanuk-ketapang" →
 * gilimanukketapang gilimanuk ketapang) and a fused bound prefix by its base
 * word ("antirabies" → antirabies rabies), so either form finds the article.
 */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    if (STOPWORDS.has(token)) continue;
    for (const key of wordKeys(token)) out.push(key);
  }
  return out;
}

/** The index keys one token contributes, in index order (whole, then parts or base). */
export function wordKeys(token: string): string[] {
  const { whole, parts, base } = searchForms(token);
  const keys = [whole, ...parts];
  if (base) keys.push(base);
  return keys.map(indexKey).filter((k) => k.length > 0);
}

/** The query unit of one token (see QueryUnit), or null when it has no key. */
export function queryUnit(token: string): QueryUnit | null {
  const { whole, phrase, base } = searchForms(token);
  const w = indexKey(whole);
  const alts: string[][] = w ? [[w]] : [];
  const p = phrase.map(indexKey).filter((k) => k.length > 0);
  // The parts in sequence also find the compound written with spaces.
  if (p.length > 1) alts.push(p);
  if (base) {
    const b = indexKey(base);
    if (b && b !== w) alts.push([b]);
  }
  return alts.length ? alts : null;
}

/** Unstemmed keys of a headline, for prefix suggestions. */
export function headlineWords(text: string): string[] {
  return tokenize(text)
    .map(indexKey)
    .filter((k) => k.length > 0);
}

/** Words worth correcting typos against: alphabetic, 4+ letters, distinct. */
export function vocabularyOf(doc: Pick<SearchDoc, 'headline' | 'deck'>): string[] {
  const words = new Set<string>();
  for (const t of tokenize(`${doc.headline} ${doc.deck}`)) {
    if (/^\p{L}{4,40}$/u.test(t)) words.add(t);
  }
  return [...words].sort();
}

/** pg_trgm-compatible trigrams of one word ("  w" + "w " padding), distinct. */
export function trigrams(word: string): string[] {
  const padded = `  ${word} `;
  const out = new Set<string>();
  const chars = [...padded];
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return [...out];
}

/** Trigram similarity (shared / union), the same measure pg_trgm's similarity() uses. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = new Set(trigrams(a));
  const tb = trigrams(b);
  let shared = 0;
  for (const t of tb) if (ta.has(t)) shared++;
  const union = ta.size + tb.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** Milliseconds in a day, for the recency factor. */
export const DAY_MS = 86_400_000;
