import type { Kysely } from 'kysely';
import type { ArticleSummary, Page } from '../content/model.ts';
import { listPublished } from '../content/queries.ts';
import type { Database } from '../db/schema.ts';

/**
 * Interim search: every word must appear in the headline, deck or body
 * (case-insensitive substring). The discovery issue replaces this with an
 * Indonesian-aware full-text index behind the same function.
 */
export async function searchArticles(
  db: Kysely<Database>,
  query: string,
  opts: { now: number; page: number; pageSize: number },
): Promise<Page<ArticleSummary>> {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
    .slice(0, 8);
  if (words.length === 0) {
    return { items: [], page: opts.page, pageSize: opts.pageSize, total: 0, totalPages: 1 };
  }
  const ids = await db
    .selectFrom('articles')
    .select('id')
    .where((eb) =>
      eb.and(
        words.map((w) => {
          // Words hold only letters and digits, so no LIKE wildcard can slip in.
          const pattern = `%${w}%`;
          const like = (col: 'headline' | 'deck' | 'body') =>
            eb(eb.fn('lower', [col]), 'like', eb.val(pattern));
          return eb.or([like('headline'), like('deck'), like('body')]);
        }),
      ),
    )
    .where('status', '=', 'published')
    .limit(1000)
    .execute();
  return listPublished(
    db,
    { onlyIds: ids.map((r) => r.id) },
    { now: opts.now, page: opts.page, pageSize: opts.pageSize },
  );
}
