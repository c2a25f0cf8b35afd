import { ACCEPT, type Phase } from './types.ts';

/** A banned email or address (stored as keyed hashes) cannot comment. */
export const banCheck: Phase = {
  name: 'ban',
  async run(c, env) {
    const hit = await env.db
      .selectFrom('comment_bans')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('kind', '=', 'email'), eb('hash', '=', c.emailHash)]),
          eb.and([eb('kind', '=', 'ip'), eb('hash', '=', c.ipHash)]),
        ]),
      )
      .executeTakeFirst();
    return hit ? { kind: 'reject', code: 'COMMENT_BANNED' } : ACCEPT;
  },
};
