import { ACCEPT, type Phase } from './types.ts';

/**
 * A commenter is trusted once editors have approved N of their comments (site
 * setting; 0 trusts everyone). Until then their comments wait in the queue.
 */
export const firstTimeCheck: Phase = {
  name: 'first-time',
  async run(c, env) {
    const need = env.settings.trustAfter;
    if (need === 0) return ACCEPT;
    const row = await env.db
      .selectFrom('comments')
      .select(env.db.fn.countAll<number>().as('n'))
      .where('email_hash', '=', c.emailHash)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    return Number(row?.n ?? 0) >= need ? ACCEPT : { kind: 'hold', reason: 'first-time' };
  },
};
