/**
 * One page of a list fetched with a single extra row (`limit(size + 1)`): the
 * first `size` rows mapped to items, and whether that extra row exists.
 */
export function pageOf<R, T>(
  rows: R[],
  size: number,
  toItem: (row: R) => T,
): { items: T[]; hasMore: boolean } {
  return { items: rows.slice(0, size).map(toItem), hasMore: rows.length > size };
}
