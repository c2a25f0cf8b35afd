/**
 * Reader-facing search: cleans and analyzes the query, asks the index, falls
 * back to typo-corrected names when little is found, builds snippets, and loads
 * the final rows through the content read path (so visibility stays there).
 */
import type { ArticleSummary, Page } from '../content/model.ts';
import { summariesByIds } from '../content/queries.ts';
import { listSections } from '../content/taxonomy-queries.ts';
import type { Db } from '../db/connection.ts';
import {
  DEFAULT_RANKING,
  indexKey,
  type ParsedQuery,
  type QueryUnit,
  queryUnit,
  type RankingOptions,
  type SearchFilters,
  type SearchHit,
  type SearchIndex,
  trigramSimilarity,
  wordKeys,
} from './search-index.ts';
import { postgresSearchIndex } from './search-postgres.ts';
import { sqliteSearchIndex } from './search-sqlite.ts';
import { STOPWORDS, tokenize } from './text.ts';

/** Longest query we analyze; longer input is cut at a word boundary (the form allows 200). */
export const MAX_QUERY_CHARS = 200;
/** At most this many distinct terms go to the index. */
export const MAX_TERMS = 12;
/** Below this many hits, the typo-tolerant fallback adds corrected-name results. */
export const FALLBACK_BELOW = 3;
/** How alike a headline word must be to a query word to count as its correction (pg_trgm's default). */
export const MIN_SIMILARITY = 0.3;

const indexes = new WeakMap<Db, SearchIndex>();

/** The search index for a database, in the database's own dialect. */
export function searchIndexFor(db: Db): SearchIndex {
  let index = indexes.get(db);
  if (!index) {
    index = db.dialect === 'sqlite' ? sqliteSearchIndex(db) : postgresSearchIndex(db);
    indexes.set(db, index);
  }
  return index;
}

/**
 * A query string as we will search it: only a string (first of repeated
 * params), NFKC, no control characters, single spaces, at most MAX_QUERY_CHARS
 * (cut at a word boundary when possible).
 */
export function cleanQuery(raw: unknown): string {
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (typeof first !== 'string') return '';
  let q = first
    .slice(0, MAX_QUERY_CHARS * 4)
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if ([...q].length > MAX_QUERY_CHARS) {
    q = [...q].slice(0, MAX_QUERY_CHARS).join('');
    const cut = q.lastIndexOf(' ');
    if (cut > MAX_QUERY_CHARS / 2) q = q.slice(0, cut);
    q = q.trim();
  }
  return q;
}

/** The analyzed query words of a (clean) query, deduplicated, at most MAX_TERMS. */
export function parseQuery(q: string): ParsedQuery {
  const units: QueryUnit[] = [];
  const seen = new Set<string>();
  for (const token of tokenize(q)) {
    if (STOPWORDS.has(token)) continue;
    const unit = queryUnit(token);
    if (!unit) continue;
    const id = JSON.stringify(unit);
    if (seen.has(id)) continue;
    seen.add(id);
    units.push(unit);
    if (units.length >= MAX_TERMS) break;
  }
  return { terms: [...new Set(units.flat(2))], units };
}

/** A piece of a snippet; `mark` pieces are the matched words. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

/**
 * The index forms of a word as it appears in a text (none for stop words):
 * analysing a word costs far more than looking it up, and result pages show
 * the same words again and again. Bounded; cleared whole when full.
 */
const formsOfWord = new Map<string, readonly string[]>();
const FORMS_MEMO_LIMIT = 50_000;

function indexForms(word: string): readonly string[] {
  let forms = formsOfWord.get(word);
  if (forms === undefined) {
    const t = tokenize(word)[0];
    forms = !t || STOPWORDS.has(t) ? [] : wordKeys(t);
    if (formsOfWord.size >= FORMS_MEMO_LIMIT) formsOfWord.clear();
    formsOfWord.set(word, forms);
  }
  return forms;
}

/** Whether a word of the text is one the query matched (in any of its index forms). */
function matches(word: string, keys: ReadonlySet<string>): boolean {
  return indexForms(word).some((k) => keys.has(k));
}

/**
 * An excerpt of `text` of about `maxChars` around the first word whose
 * analyzed form is one of `keys`, with every matching word marked. Null when
 * no word matches. Built here (not by the database) so both backends agree.
 */
export function buildSnippet(
  text: string,
  keys: ReadonlySet<string>,
  maxChars = 220,
): SnippetPart[] | null {
  // Only the words up to the first match and those inside the excerpt are analysed.
  let first: RegExpExecArray | undefined;
  for (const m of text.matchAll(WORD)) {
    if (matches(m[0], keys)) {
      first = m;
      break;
    }
  }
  if (first?.index === undefined) return null;
  let start = Math.max(0, first.index - 70);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < first.index ? space + 1 : first.index;
  }
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first.index + first[0].length) end = space;
  }
  const parts: SnippetPart[] = [];
  let pos = start;
  const push = (s: string, mark: boolean) => {
    if (s) parts.push({ text: s.replace(/\s+/g, ' '), mark });
  };
  if (start > 0) push('… ', false);
  for (const m of text.matchAll(WORD)) {
    const at = m.index ?? 0;
    if (at >= end) break;
    if (at < start || at + m[0].length > end || !matches(m[0], keys)) continue;
    push(text.slice(pos, at), false);
    push(m[0], true);
    pos = at + m[0].length;
  }
  push(text.slice(pos, end), false);
  if (end < text.length) push(' …', false);
  return parts;
}

/** Snippet of a hit: body around the first match, else the deck, else the body's start. */
function snippetOf(hit: SearchHit, keys: ReadonlySet<string>): SnippetPart[] {
  const fromText = buildSnippet(hit.body, keys) ?? buildSnippet(hit.deck, keys);
  if (fromText) return fromText;
  const plain = hit.deck || hit.body;
  if (plain.length <= 220) return [{ text: plain, mark: false }];
  const cut = plain.lastIndexOf(' ', 220);
  return [{ text: `${plain.slice(0, cut > 100 ? cut : 220)} …`, mark: false }];
}

/**
 * The query with each unknown name replaced by the most similar headline word
 * (trigram similarity), or null when nothing close enough exists.
 */
export async function correctQuery(index: SearchIndex, q: string): Promise<string | null> {
  let changed = false;
  const out: string[] = [];
  for (const token of tokenize(q).slice(0, MAX_TERMS)) {
    if (!/^\p{L}{4,40}$/u.test(token) || STOPWORDS.has(token)) {
      out.push(token);
      continue;
    }
    const candidates = await index.similarWords(token, 30);
    let best: { word: string; sim: number } | null = null;
    for (const word of candidates) {
      const sim = trigramSimilarity(token, word);
      if (
        sim >= MIN_SIMILARITY &&
        (!best || sim > best.sim || (sim === best.sim && word < best.word))
      ) {
        best = { word, sim };
      }
    }
    if (best && best.word !== token && best.sim < 1) {
      out.push(best.word);
      changed = true;
    } else {
      out.push(token);
    }
  }
  return changed ? out.join(' ') : null;
}

/** One result: the article as every list shows it, plus the highlighted excerpt. */
export type SearchItem = ArticleSummary & { snippet: SnippetPart[] };

/** What a search answers; `state` tells the page which empty state to show. */
export interface SearchResult {
  /** The query as searched (cleaned and truncated). */
  query: string;
  state: 'empty' | 'stopwords' | 'ok';
  /** Set when typo-corrected results were added: the corrected query. */
  corrected: string | null;
  page: Page<SearchItem>;
}

export interface SearchOptions {
  now: number;
  page: number;
  pageSize: number;
  sectionIds?: number[];
  from?: number;
  to?: number;
  ranking?: RankingOptions;
}

/**
 * Searches published articles for a reader's query. Never throws for odd input:
 * an empty or stop-word-only query gives an empty page with a state saying why,
 * and a page past the end is simply empty.
 */
export async function searchArticles(
  db: Db,
  rawQuery: unknown,
  opts: SearchOptions,
): Promise<SearchResult> {
  const query = cleanQuery(rawQuery);
  const empty = (state: SearchResult['state']): SearchResult => ({
    query,
    state,
    corrected: null,
    page: { items: [], page: opts.page, pageSize: opts.pageSize, total: 0, totalPages: 1 },
  });
  if (!query) return empty('empty');
  const parsed = parseQuery(query);
  if (parsed.terms.length === 0) return empty(tokenize(query).length ? 'stopwords' : 'empty');

  const index = searchIndexFor(db);
  const ranking = opts.ranking ?? DEFAULT_RANKING;
  const filters: SearchFilters = {
    now: opts.now,
    sectionIds: opts.sectionIds,
    from: opts.from,
    to: opts.to,
  };
  const size = opts.pageSize;
  const offset = (opts.page - 1) * size;
  const primary = await index.search(parsed, filters, { limit: size, offset }, ranking);
  let hits = primary.hits;
  let total = primary.total;
  let corrected: string | null = null;
  const keys = new Set(parsed.terms);

  const threshold = Math.min(FALLBACK_BELOW, size);
  if (primary.full < threshold) {
    corrected = await correctQuery(index, query);
    const fixed = corrected ? parseQuery(corrected) : null;
    let used = false;
    if (fixed && fixed.terms.join(' ') !== parsed.terms.join(' ')) {
      // Articles with every word as typed stay first (fewer than `threshold`
      // ≤ page size, so all on page 1); the corrected query ranks the rest.
      const p = primary.full;
      const firstIds =
        offset === 0
          ? primary.hits.slice(0, p).map((h) => h.id)
          : (await index.search(parsed, filters, { limit: p, offset: 0 }, ranking)).hits.map(
              (h) => h.id,
            );
      const extra = await index.search(
        fixed,
        { ...filters, excludeIds: firstIds },
        offset < p
          ? { limit: size - (p - offset), offset: 0 }
          : { limit: size, offset: offset - p },
        ranking,
      );
      // Only worth it when the correction finds more articles with every word.
      if (extra.full > 0) {
        hits = [...(offset < p ? primary.hits.slice(0, p) : []), ...extra.hits];
        total = p + extra.total;
        for (const t of fixed.terms) keys.add(t);
        used = true;
      }
    }
    if (!used) corrected = null;
  }

  const summaries = await summariesByIds(
    db.kysely,
    hits.map((h) => h.id),
    opts.now,
  );
  const byId = new Map(hits.map((h) => [h.id, h]));
  const items = summaries.map((s) => ({
    ...s,
    snippet: snippetOf(byId.get(s.id) as SearchHit, keys),
  }));
  return {
    query,
    state: 'ok',
    corrected,
    page: {
      items,
      page: opts.page,
      pageSize: size,
      total,
      totalPages: Math.max(1, Math.ceil(total / size)),
    },
  };
}

/** Suggestions as the reader types: up to `limit` newest headlines matching the typed words. */
export async function suggestHeadlines(
  db: Db,
  rawQuery: unknown,
  now: number,
  limit = 8,
): Promise<{ headline: string; url: string }[]> {
  const raw = typeof rawQuery === 'string' ? rawQuery.slice(0, MAX_QUERY_CHARS) : '';
  const q = cleanQuery(raw);
  const words = tokenize(q)
    .map(indexKey)
    .filter((w) => w.length > 0)
    .slice(0, 6);
  if (words.length === 0) return [];
  // The last word is still being typed unless the query ends with a space.
  let typing = /\s$/.test(raw) ? '' : (words.pop() as string);
  // A single typed letter narrows nothing useful down.
  if ([...typing].length < 2) typing = '';
  if (words.length === 0 && !typing) return [];
  const ids = await searchIndexFor(db).suggest(words, typing, { now }, limit);
  const rows = await summariesByIds(db.kysely, ids, now);
  return rows.map((r) => ({ headline: r.headline, url: r.url }));
}

/** A section and all its descendants, by slug; undefined when there is no such section. */
export async function sectionFilter(
  db: Db,
  slug: string,
): Promise<{ ids: number[]; name: string } | undefined> {
  const sections = await listSections(db.kysely);
  const root = sections.find((s) => s.slug === slug);
  if (!root) return undefined;
  const ids = new Set([root.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of sections) {
      if (s.parent && ids.has(s.parent.id) && !ids.has(s.id)) {
        ids.add(s.id);
        grew = true;
      }
    }
  }
  return { ids: [...ids], name: root.name };
}
