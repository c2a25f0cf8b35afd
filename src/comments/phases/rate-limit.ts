import { ACCEPT, type Phase, type PhaseEnv } from './types.ts';

const HOUR = 3_600_000;

/** Seconds until `column = hash` may post again, or 0. Counts stored comments, so every process agrees. */
export async function waitSeconds(
  env: PhaseEnv,
  column: 'ip_hash' | 'email_hash',
  hash: string,
  same?: { articleId: number; bodyHash: string },
): Promise<number> {
  const { settings, now } = env;
  const rows = await env.db
    .selectFrom('comments')
    .select('created_at')
    .where(column, '=', hash)
    .where('created_at', '>', now - HOUR)
    // An identical post is a duplicate (409), not a reason to wait.
    .$if(same !== undefined, (q) =>
      q.where((eb) =>
        eb.not(
          eb.and([
            eb('article_id', '=', same?.articleId ?? 0),
            eb('body_hash', '=', same?.bodyHash ?? ''),
          ]),
        ),
      ),
    )
    .orderBy('created_at', 'desc')
    .limit(settings.ratePerHour)
    .execute();
  let wait = 0;
  const newest = rows[0]?.created_at;
  const windowMs = settings.rateWindowSeconds * 1000;
  if (newest !== undefined && windowMs > 0 && now - newest < windowMs)
    wait = newest + windowMs - now;
  if (rows.length >= settings.ratePerHour) {
    const oldest = rows[rows.length - 1]?.created_at ?? now;
    wait = Math.max(wait, oldest + HOUR - now);
  }
  return Math.ceil(wait / 1000);
}

/**
 * Per address and per email: one comment per window (default 15 s) and at most
 * N per hour (default 20). Answers 429 with the seconds to wait.
 */
export const rateLimit: Phase = {
  name: 'rate-limit',
  async run(c, env) {
    const [byIp, byEmail] = await Promise.all([
      waitSeconds(env, 'ip_hash', c.ipHash, c),
      waitSeconds(env, 'email_hash', c.emailHash, c),
    ]);
    const retryAfter = Math.max(byIp, byEmail);
    return retryAfter > 0 ? { kind: 'reject', code: 'COMMENT_RATE_LIMITED', retryAfter } : ACCEPT;
  },
};
