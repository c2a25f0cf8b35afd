import { analyze } from '../../discovery/text.ts';

/**
 * Near-duplicate detection: word shingles of the normalised body, a MinHash
 * signature (estimates Jaccard similarity of the shingle sets) and LSH band
 * keys (items sharing any band are candidates, then the signature decides).
 * The shingle size, signature length, banding and threshold were chosen on
 * the labelled set in test/fixtures/wire/near-dups.jsonl (see dedup-eval.test.ts).
 */

/** Single stemmed words: agency rewrites share facts and names, rarely phrasing (see the sweep in the README). */
export const SHINGLE = 1;
export const HASHES = 128;
/** 64 bands of 2 rows: a pair at similarity 0.25 shares a band with probability 0.98. */
export const BANDS = 64;
const ROWS = HASHES / BANDS;
/** Estimated Jaccard at or above which two texts are the same story (chosen from the labelled set). */
export const NEAR_DUP_THRESHOLD = 0.25;

// Fixed, seeded permutation parameters so signatures stay comparable across processes and restarts.
const A: number[] = [];
const B: number[] = [];
{
  let s = 0x9e3779b9;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  for (let i = 0; i < HASHES; i++) {
    A.push(next() | 1);
    B.push(next());
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The normalised body: site search's Indonesian analyzer (NFKC, lowercase, stopwords out, Sastrawi stems). */
export function normalisedTokens(text: string): string[] {
  return analyze(text);
}

/** The set of hashed k-word shingles of a text. */
export function shingles(text: string, k = SHINGLE): Set<number> {
  return shinglesOfTokens(normalisedTokens(text), k);
}

/** Shingles of already-normalised tokens (ingest analyses a text once for search and dedup). */
export function shinglesOfTokens(t: string[], k = SHINGLE): Set<number> {
  const out = new Set<number>();
  if (t.length === 0) return out;
  if (t.length < k) {
    out.add(fnv1a(t.join(' ')));
    return out;
  }
  for (let i = 0; i + k <= t.length; i++) out.add(fnv1a(t.slice(i, i + k).join(' ')));
  return out;
}

/** MinHash signature of a shingle set (HASHES values); empty text gives an empty signature. */
export function signatureOf(set: Set<number>): number[] {
  if (set.size === 0) return [];
  const sig = new Array<number>(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const h = (Math.imul(A[i] as number, x) + (B[i] as number)) >>> 0;
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** Signature of a text (headline plus body is what callers pass). */
export function signatureOfText(text: string): number[] {
  return signatureOf(shingles(text));
}

/** Estimated Jaccard similarity of two signatures (0 when either is empty). */
export function similarity(a: number[], b: number[]): number {
  if (a.length !== HASHES || b.length !== HASHES) return 0;
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** Exact Jaccard similarity of two shingle sets (the evaluation's reference). */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** LSH band keys of a signature: texts sharing any key are candidates. */
export function bandKeys(sig: number[]): string[] {
  if (sig.length !== HASHES) return [];
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++)
    keys.push(
      `${b}:${sig
        .slice(b * ROWS, (b + 1) * ROWS)
        .map((n) => n.toString(36))
        .join('.')}`,
    );
  return keys;
}

/** Signature to and from its stored form. */
export function encodeSignature(sig: number[]): string {
  return sig.map((n) => n.toString(36)).join(',');
}
export function decodeSignature(s: string): number[] {
  return s ? s.split(',').map((x) => Number.parseInt(x, 36)) : [];
}
