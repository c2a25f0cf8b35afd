import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * The one visibility rule: what a reader may see at `now` is an article that
 * is published, whose publication time has come, and that is not deleted.
 * Pages, feeds, sitemaps, search, related articles, most read and the
 * newsroom's public links all filter with this, so a scheduled, unpublished or
 * deleted article disappears everywhere at once. `table` is the alias (or
 * name) of the `articles` table in the caller's query.
 */
export function readerVisible(now: number, table = 'a'): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  return sql<SqlBool>`(${col('status')} = ${'published'} AND ${col('published_at')} <= ${now} AND ${col('deleted_at')} IS NULL)`;
}

/** The same rule for a row already loaded (a lookup by id that must answer 404 or 410). */
export function isReaderVisible(
  row: { status: string; published_at: number | null; deleted_at: number | null },
  now: number,
): boolean {
  return (
    row.status === 'published' &&
    row.published_at != null &&
    row.published_at <= now &&
    row.deleted_at == null
  );
}
