/**
 * Page numbers from query strings and the window of links a pager shows.
 */

/** Highest page a listing route will serve; deeper pages are abuse, not readers. */
export const MAX_PAGE = 100_000;

export type ParsedPage = { ok: true; page: number } | { ok: false };

/**
 * Strict `?page=` parsing so every page has exactly one URL: absent or '' is
 * page 1; otherwise only canonical ASCII digits 1..100000 (no sign, spaces,
 * leading zeros, decimals, arrays or non-ASCII digits). ok:false means 400.
 */
export function parsePage(raw: unknown): ParsedPage {
  if (raw === undefined || raw === '') return { ok: true, page: 1 };
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,5}$/.test(raw)) return { ok: false };
  const page = Number(raw);
  return page <= MAX_PAGE ? { ok: true, page } : { ok: false };
}

/**
 * Pages to link around `current`, e.g. `1 … 4 5 [6] 7 8 … 20`: always the first
 * and last page, two neighbours on each side, and 'gap' only where it hides two
 * or more pages (a lone hidden page is shown instead). Empty when totalPages < 1;
 * `current` is clamped into range.
 */
export function pageWindow(current: number, totalPages: number): (number | 'gap')[] {
  const total = Number.isFinite(totalPages) ? Math.floor(totalPages) : 0;
  if (total < 1) return [];
  const cur = Number.isFinite(current) ? Math.min(total, Math.max(1, Math.floor(current))) : 1;
  const siblings = 2;
  const from = Math.max(2, cur - siblings);
  const to = Math.min(total - 1, cur + siblings);
  const out: (number | 'gap')[] = [1];
  if (from === 3) out.push(2);
  else if (from > 3) out.push('gap');
  for (let p = from; p <= to; p++) out.push(p);
  if (to === total - 2) out.push(total - 1);
  else if (to < total - 2) out.push('gap');
  if (total > 1) out.push(total);
  return out;
}
