import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { bodyHash, emailHash } from './hashing.ts';
import { LIMITS } from './validate.ts';

/** A comment carried over from another system (the WordPress import). */
export interface ImportedComment {
  articleId: number;
  /** Warta id of the comment it answers (already imported), or null. */
  parentId: number | null;
  authorName: string;
  /** Plain text (comments render as text); cut to the public limit. */
  body: string;
  email: string;
  website: string;
  status: 'approved' | 'pending' | 'spam' | 'trash';
  createdAt: number;
  /** Its anchor on the old site ("comment-123"), rendered so old links land on it. */
  legacyAnchor?: string;
  /** The staff account that wrote it (shown with the "Redaksi" badge), when known. */
  userId?: number | null;
}

/**
 * Stores a comment written elsewhere, bypassing the reader pipeline (no
 * captcha, no rate limit: it was moderated where it came from) but keeping
 * this capability's rules: the address only as a keyed hash, the body and
 * name within the public limits, the reply at most `maxDepth` levels deep (a
 * deeper reply hangs under the deepest allowed ancestor). Runs in the
 * caller's transaction when handed one. Returns the id and whether the
 * thread was flattened; `null` when the same text by the same address is
 * already on the article (the duplicate rule readers have too).
 */
export async function importComment(
  db: Kysely<Database>,
  secret: string,
  input: ImportedComment,
  maxDepth: number,
): Promise<{ id: number; flattened: boolean } | null> {
  let parentId = input.parentId;
  let depth = 0;
  let flattened = false;
  if (parentId !== null) {
    let parent = await db
      .selectFrom('comments')
      .select(['id', 'parent_id', 'depth'])
      .where('id', '=', parentId)
      .where('article_id', '=', input.articleId)
      .executeTakeFirst();
    depth = parent ? parent.depth + 1 : 0;
    while (parent && depth > maxDepth) {
      flattened = true;
      parent =
        parent.parent_id === null
          ? undefined
          : await db
              .selectFrom('comments')
              .select(['id', 'parent_id', 'depth'])
              .where('id', '=', parent.parent_id)
              .executeTakeFirst();
      depth -= 1;
    }
    parentId = parent?.id ?? null;
    if (!parent) depth = 0;
  }
  const body = [...input.body].slice(0, LIMITS.body).join('');
  const row = await db
    .insertInto('comments')
    .values({
      article_id: input.articleId,
      parent_id: parentId,
      depth,
      author_name: [...input.authorName].slice(0, LIMITS.name).join('') || '—',
      body,
      status: input.status,
      created_at: input.createdAt,
      updated_at: input.createdAt,
      email_hash: input.email ? emailHash(secret, input.email) : '',
      body_hash: bodyHash(body),
      ip_hash: null,
      website: /^https?:\/\//i.test(input.website) ? input.website.slice(0, LIMITS.website) : '',
      held_reasons: '[]',
      user_id: input.userId ?? null,
      notify_email: null,
      legacy_anchor: /^[\w-]{1,60}$/.test(input.legacyAnchor ?? '')
        ? (input.legacyAnchor as string)
        : '',
    })
    .onConflict((oc) => oc.columns(['article_id', 'email_hash', 'body_hash']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? { id: row.id, flattened } : null;
}
