import type { Kysely } from 'kysely';
import type { Database, RevisionKind } from '../db/schema.ts';
import type { ArticleEdit } from './editable.ts';

/** An article's revisions read back: the list for the history page and one snapshot. */

type DB = Kysely<Database>;

export interface RevisionSummary {
  id: number;
  version: number;
  kind: RevisionKind;
  authorId: number | null;
  createdAt: number;
}

/** An article's revisions, newest first. */
export async function listRevisions(
  db: DB,
  articleId: number,
  limit = 200,
): Promise<RevisionSummary[]> {
  const rows = await db
    .selectFrom('revisions')
    .select(['id', 'version', 'kind', 'author_id', 'created_at'])
    .where('article_id', '=', articleId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    kind: r.kind,
    authorId: r.author_id,
    createdAt: r.created_at,
  }));
}

/** One revision's snapshot (of this article only). */
export async function getRevision(
  db: DB,
  articleId: number,
  revisionId: number,
): Promise<(RevisionSummary & { snapshot: ArticleEdit }) | undefined> {
  const r = await db
    .selectFrom('revisions')
    .selectAll()
    .where('id', '=', revisionId)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    authorId: r.author_id,
    createdAt: r.created_at,
    snapshot: JSON.parse(r.snapshot) as ArticleEdit,
  };
}
