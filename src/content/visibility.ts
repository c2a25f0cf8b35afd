import { type RawBuilder, type SqlBool, sql } from 'kysely';

const col = (table: string, name: string) => sql.ref(`${table}.${name}`);

/**
 * Published and not deleted, whatever the publication time: what the search
 * and related-articles indexes hold. A scheduled article is indexed ahead and
 * its index rows are filtered by time when read (`published_at <= now` on the
 * index's own copy), so it appears the moment it is due without a reindex.
 * `readerVisible` is this plus the time condition.
 */
export function readerVisibleOnceDue(table = 'a'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${col(table, 'status')} = ${'published'} AND ${col(table, 'published_at')} IS NOT NULL AND ${col(table, 'deleted_at')} IS NULL)`;
}

/**
 * The negation of readerVisibleOnceDue for a row that exists: what must leave
 * the indexes (unpublished, deleted, or never given a publication time).
 */
export function notReaderVisibleOnceDue(table = 'a'): RawBuilder<SqlBool> {
  return sql<SqlBool>`NOT ${readerVisibleOnceDue(table)}`;
}

/**
 * The one visibility rule: what a reader may see at `now` is an article that
 * is published, whose publication time has come, and that is not deleted.
 * Pages, feeds, sitemaps, search, related articles, most read and the
 * newsroom's public links all filter with this, so a scheduled, unpublished or
 * deleted article disappears everywhere at once. `table` is the alias (or
 * name) of the `articles` table in the caller's query.
 */
export function readerVisible(now: number, table = 'a'): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${col(table, 'status')} = ${'published'} AND ${col(table, 'published_at')} <= ${now} AND ${col(table, 'deleted_at')} IS NULL)`;
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
