import { analyze, STOPWORDS, tokenize } from './text.ts';

/**
 * "Baca juga" scoring, free of storage: what an article is about (weighted
 * stems, tags, named entities) and how strongly two articles belong together.
 * The store (related-store.ts) keeps these features and an inverted index so a
 * new article finds its candidates without reading every body.
 */

/** What the index keeps about one article. Tags are `#id`, entities `@name`. */
export interface RelatedFeatures {
  /** Strongest stems with their weighted term frequency (headline counts most). */
  v: Record<string, number>;
  /** Every distinct stem, tag and entity key, for document-frequency bookkeeping. */
  terms: string[];
  /** Tag keys (`#12`). */
  g: string[];
  /** Entity keys (`@gianyar`, `@wayan koster`). */
  e: string[];
  /** Stemmed headline words, for near-duplicate detection. */
  h: string[];
}

export interface RelatedInput {
  headline: string;
  deck: string;
  body: string;
  tagIds: number[];
}

/** How many stems of an article are kept in its vector and the inverted index. */
export const TOP_TERMS = 40;
/** How many entities (rarest first) an article keeps for scoring. */
const TOP_ENTITIES = 20;
const HEADLINE_WEIGHT = 3;
const DECK_WEIGHT = 2;

/** Capitalised words that start sentences or titles without naming anything. */
const NOT_NAMES = new Set(
  'gubernur bupati walikota wali kota presiden menteri kepala ketua wakil direktur kapolda kapolres kapolsek camat kades kadis sekretaris pemerintah dinas badan kantor desa kabupaten kecamatan provinsi jalan pasar rumah sakit bapak ibu saudara pak bu dr ir prof h hj drs st mm sh se'.split(
    ' ',
  ),
);

/**
 * Named entities as they appear in the text: runs of capitalised words (people,
 * places, organisations), keyed in lowercase. A run at a sentence start loses
 * its first word when that word is common; titles ("Gubernur") are dropped.
 * Single words count too ("Gianyar"), multi-word runs also as a whole.
 */
export function extractEntities(text: string): string[] {
  const out = new Set<string>();
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const words = sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
    let run: string[] = [];
    const flush = () => {
      const names = run.filter((w) => !NOT_NAMES.has(w) && !STOPWORDS.has(w));
      if (names.length > 1) out.add(`@${names.join(' ')}`);
      for (const w of names) if (w.length > 2) out.add(`@${w}`);
      run = [];
    };
    words.forEach((word, i) => {
      const capital = /^\p{Lu}/u.test(word) && !/^\p{Lu}+$/u.test(word);
      const acronym = /^\p{Lu}{2,6}$/u.test(word);
      const lower = word.toLowerCase();
      if ((capital || acronym) && !(i === 0 && STOPWORDS.has(lower))) {
        if (i === 0 && !acronym && run.length === 0 && words.length > 1) {
          // A sentence's first word is capitalised anyway: keep it only as part of a longer name.
          const next = words[1] ?? '';
          if (!/^\p{Lu}/u.test(next)) return;
        }
        run.push(lower);
      } else {
        flush();
      }
    });
    flush();
  }
  return [...out];
}

function addCounts(into: Map<string, number>, terms: string[], weight: number) {
  for (const t of terms) {
    if (t.length < 3 && !/\p{N}/u.test(t)) continue;
    into.set(t, (into.get(t) ?? 0) + weight);
  }
}

/** Inverse document frequency, smoothed so unseen terms count as rare but finite. */
export function idf(df: number | undefined, n: number): number {
  return Math.log(1 + Math.max(n, 1) / Math.max(df ?? 0, 1));
}

/**
 * Features of one article. `dfOf` gives current document frequencies (and
 * `n`, the number of indexed articles) so the vector keeps the stems that
 * distinguish this article, not the words every article uses.
 */
export function extractFeatures(
  input: RelatedInput,
  dfOf: (term: string) => number | undefined,
  n: number,
): RelatedFeatures {
  const tf = new Map<string, number>();
  const headline = analyze(input.headline);
  addCounts(tf, headline, HEADLINE_WEIGHT);
  addCounts(tf, analyze(input.deck), DECK_WEIGHT);
  addCounts(tf, analyze(input.body), 1);
  const titleCase = isTitleCase(input.headline);
  const entities = extractEntities(
    [titleCase ? '' : input.headline, input.deck, input.body].join('\n'),
  );
  const g = [...new Set(input.tagIds)].map((id) => `#${id}`);
  const scored = [...tf].map(([t, f]) => ({ t, f, w: (1 + Math.log(f)) * idf(dfOf(t), n) }));
  scored.sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : 1));
  const v: Record<string, number> = {};
  for (const s of scored.slice(0, TOP_TERMS)) v[s.t] = 1 + Math.log(s.f);
  return {
    v,
    terms: [...tf.keys(), ...g, ...entities],
    g,
    e: entities
      .map((t) => ({ t, w: idf(dfOf(t), n) }))
      .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : 1))
      .slice(0, TOP_ENTITIES)
      .map((x) => x.t),
    h: [...new Set(headline)],
  };
}

function isTitleCase(text: string): boolean {
  const words = tokenize(text).length;
  const capitals = (text.match(/(?:^|\s)\p{Lu}/gu) ?? []).length;
  return words > 3 && capitals / words > 0.6;
}

/** Cosine of two weighted term sets under the current idf. */
function cosine(
  a: Record<string, number> | string[],
  b: Record<string, number> | string[],
  idfOf: (t: string) => number,
): number {
  const wa = weights(a, idfOf);
  const wb = weights(b, idfOf);
  let dot = 0;
  for (const [t, w] of wa) {
    const o = wb.get(t);
    if (o !== undefined) dot += w * o;
  }
  if (dot === 0) return 0;
  return dot / (norm(wa) * norm(wb));
}

function weights(x: Record<string, number> | string[], idfOf: (t: string) => number) {
  const out = new Map<string, number>();
  if (Array.isArray(x)) for (const t of x) out.set(t, idfOf(t));
  else for (const [t, f] of Object.entries(x)) out.set(t, f * idfOf(t));
  return out;
}

function norm(w: Map<string, number>): number {
  let s = 0;
  for (const v of w.values()) s += v * v;
  return Math.sqrt(s) || 1;
}

/** Share of headline words two articles have in common (Jaccard). */
export function headlineOverlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  const shared = a.filter((t) => sb.has(t)).length;
  return shared / (new Set([...a, ...b]).size || 1);
}

/** Two headlines this close (or bodies this close) are the same story twice. */
export const NEAR_DUPLICATE_HEADLINE = 0.75;
const NEAR_DUPLICATE_TEXT = 0.92;

export interface ScoreParts {
  score: number;
  text: number;
  tags: number;
  entities: number;
  story: boolean;
  nearDuplicate: boolean;
}

const DAY = 86_400_000;
/** Days after which the recency factor has fallen most of the way to its floor. */
const RECENCY_DAYS = 120;
const RECENCY_FLOOR = 0.5;
const STORY_DAYS = 4;

/**
 * How strongly two articles belong together: text cosine (stems, headline
 * weighted) plus shared tags and named entities (idf-weighted), a bonus for the
 * same developing story (strong tag overlap within days), times a gentle decay
 * with the time between them. Symmetric, so a story links forward and back.
 */
export function relatedScore(
  a: { features: RelatedFeatures; publishedAt: number },
  b: { features: RelatedFeatures; publishedAt: number },
  idfOf: (t: string) => number,
): ScoreParts {
  const text = cosine(a.features.v, b.features.v, idfOf);
  const tags = cosine(a.features.g, b.features.g, idfOf);
  const entities = cosine(a.features.e, b.features.e, idfOf);
  const days = Math.abs(a.publishedAt - b.publishedAt) / DAY;
  const story = tags >= 0.5 && days <= STORY_DAYS && text >= 0.1;
  const base = 0.6 * text + 0.2 * tags + 0.2 * entities + (story ? 0.1 : 0);
  const recency = RECENCY_FLOOR + (1 - RECENCY_FLOOR) * Math.exp(-days / RECENCY_DAYS);
  const nearDuplicate =
    headlineOverlap(a.features.h, b.features.h) >= NEAR_DUPLICATE_HEADLINE ||
    text >= NEAR_DUPLICATE_TEXT;
  return { score: base * recency, text, tags, entities, story, nearDuplicate };
}
