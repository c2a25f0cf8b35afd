import { ACCEPT, type Phase } from './types.ts';

/**
 * The same text on the same article from the same email is a 409. This check
 * gives the early answer; the unique index on (article, email hash, body hash)
 * is what makes 50 identical concurrent posts store exactly one.
 */
export const duplicateCheck: Phase = {
  name: 'duplicate',
  async run(c, env) {
    const hit = await env.db
      .selectFrom('comments')
      .select('id')
      .where('article_id', '=', c.articleId)
      .where('email_hash', '=', c.emailHash)
      .where('body_hash', '=', c.bodyHash)
      .executeTakeFirst();
    return hit ? { kind: 'reject', code: 'COMMENT_DUPLICATE' } : ACCEPT;
  },
};
