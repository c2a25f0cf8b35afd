import type { Kysely } from 'kysely';
import type { CommentView } from '../content/model.ts';
import type { Database } from '../db/schema.ts';
import type { OwnPendingComment } from '../site/views/comments.tsx';

/** Comments (`c`) joined to their article (`a`) and its section (`s`). */
export function commentsWithArticle(db: Kysely<Database>) {
  return db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .innerJoin('sections as s', 's.id', 'a.section_id');
}

interface CommentRow {
  id: number;
  parent_id: number | null;
  author_name: string;
  body: string;
  created_at: number;
  legacy_anchor?: string;
  user_id?: number | null;
}

/** A comments row as the article page shows it. */
function commentView(r: CommentRow): CommentView {
  return {
    id: r.id,
    parentId: r.parent_id,
    authorName: r.author_name,
    body: r.body,
    createdAt: r.created_at,
    ...(r.legacy_anchor ? { legacyAnchor: r.legacy_anchor } : {}),
    ...(r.user_id != null ? { staff: true } : {}),
  };
}

/** Approved comments of an article, oldest first: what every reader of the page sees. */
export async function approvedComments(
  db: Kysely<Database>,
  articleId: number,
): Promise<CommentView[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'body', 'created_at', 'legacy_anchor', 'user_id'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(commentView);
}

/** An approved comment of this article a reader may reply to (the no-JS "Balas" link). */
export async function approvedComment(
  db: Kysely<Database>,
  articleId: number,
  commentId: number,
): Promise<{ id: number; authorName: string } | undefined> {
  const row = await db
    .selectFrom('comments')
    .select(['id', 'author_name'])
    .where('id', '=', commentId)
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return row ? { id: row.id, authorName: row.author_name } : undefined;
}

/** The article a comment belongs to, whatever its status. */
export async function articleOfComment(
  db: Kysely<Database>,
  commentId: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('comments')
    .select('article_id')
    .where('id', '=', commentId)
    .executeTakeFirst();
  return row?.article_id;
}

/** The reader's own comments still waiting for an editor on this article (ids from the signed cookie). */
export async function ownPendingComments(
  db: Kysely<Database>,
  articleId: number,
  ids: number[],
): Promise<OwnPendingComment[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_name', 'body', 'created_at', 'held_reasons'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'pending')
    .where('id', 'in', ids)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    ...commentView(r),
    noCaptcha: r.held_reasons.includes('no-captcha'),
  }));
}
