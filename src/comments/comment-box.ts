import type { Kysely } from 'kysely';
import type { Article } from '../content/model.ts';
import type { Database } from '../db/schema.ts';
import { cachedCommentSettings } from '../site/read-cache.ts';
import type { CommentBoxProps } from '../site/views/comments.tsx';
import type { CommentAssets } from './assets.ts';
import { formToken } from './form-token.ts';
import { ownPendingComments } from './queries.ts';
import { commentsOpen } from './settings.ts';

/**
 * Everything the article page's comment form needs for one request: the
 * signed form token, the challenge URL, whether comments are open, and the
 * reader's own pending comments (from the signed cookie).
 */
export async function buildCommentBox(
  deps: { db: Kysely<Database>; secret: string; assets: CommentAssets },
  article: Article,
  /** The reader's own pending comment ids (from the signed cookie, `pendingIdsOf`). */
  pendingIds: number[],
  extra: Partial<CommentBoxProps> = {},
  now = Date.now(),
): Promise<CommentBoxProps> {
  const settings = await cachedCommentSettings(deps.db);
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
    ownPending: await ownPendingComments(deps.db, article.id, pendingIds),
    replyNotifications: settings.replyNotifications,
    ...extra,
  };
}
