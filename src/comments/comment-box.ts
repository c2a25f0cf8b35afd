import type { Kysely } from 'kysely';
import type { Article } from '../content/model.ts';
import type { Database } from '../db/schema.ts';
import type { CommentBoxProps, OwnPendingComment } from '../site/views/comments.tsx';
import type { CommentAssets } from './assets.ts';
import { formToken } from './form-token.ts';
import { cookieFrom, PENDING_COOKIE, readPendingIds } from './pending-cookie.ts';
import { commentsOpen, loadSettings } from './settings.ts';

/** The reader's own comments still waiting for an editor on this article (from the signed cookie). */
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
    id: r.id,
    parentId: r.parent_id,
    authorName: r.author_name,
    body: r.body,
    createdAt: r.created_at,
    noCaptcha: r.held_reasons.includes('no-captcha'),
  }));
}

/**
 * Everything the article page's comment form needs for one request: the
 * signed form token, the challenge URL, whether comments are open, and the
 * reader's own pending comments.
 */
export async function buildCommentBox(
  deps: { db: Kysely<Database>; secret: string; assets: CommentAssets },
  article: Article,
  cookieHeader: string | undefined,
  extra: Partial<CommentBoxProps> = {},
  now = Date.now(),
): Promise<CommentBoxProps> {
  const settings = await loadSettings(deps.db);
  const ids = readPendingIds(deps.secret, cookieFrom(cookieHeader, PENDING_COOKIE));
  return {
    open: commentsOpen(settings, article, now),
    action: `${article.url}/komentar`,
    token: formToken(deps.secret, article.id, now),
    challengeUrl: `/komentar/tantangan?artikel=${article.id}`,
    assets: {
      script: deps.assets.script.url,
      widget: deps.assets.widget.url,
      css: deps.assets.css.url,
    },
    ownPending: await ownPendingComments(deps.db, article.id, ids),
    replyNotifications: settings.replyNotifications,
    ...extra,
  };
}
