/**
 * Small HTTP pieces the page cache, the static assets and response compression
 * share: which encoding a request accepts, and conditional requests.
 */

export type Encoding = 'br' | 'gzip' | 'identity';

/** Which body answers this Accept-Encoding: brotli, then gzip, else identity (q=0 refuses). */
export function pickEncoding(header: string | string[] | undefined): Encoding {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: Encoding = 'identity';
  for (const part of text.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (q !== undefined && Number(q) === 0) continue;
    if (name.trim() === 'br') return 'br';
    if (name.trim() === 'gzip' || name.trim() === 'x-gzip') best = 'gzip';
  }
  return best;
}

/** Browsers send a handful of distinct Accept-Encoding values: each is parsed once. */
const seen = new Map<string, Encoding>();
export function encodingFor(header: string | string[] | undefined): Encoding {
  if (!header) return 'identity';
  if (Array.isArray(header)) return pickEncoding(header);
  let found = seen.get(header);
  if (found === undefined) {
    found = pickEncoding(header);
    if (seen.size < 256) seen.set(header, found);
  }
  return found;
}

/** True when If-None-Match names this validator (weak comparison; `*` matches). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}
