import { ACCEPT, type Phase, type PhaseEnv } from './types.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** At most `max` comments in any `spanMs`. */
interface Rule {
  max: number;
  spanMs: number;
}

/** Milliseconds until one more comment fits every rule, given the earlier ones' times. */
export function waitFor(times: readonly number[], rules: readonly Rule[], now: number): number {
  const newestFirst = [...times].sort((a, b) => b - a);
  let wait = 0;
  for (const { max, spanMs } of rules) {
    if (max <= 0 || spanMs <= 0) continue;
    const inSpan = newestFirst.filter((t) => now - t < spanMs);
    const oldest = inSpan[max - 1];
    if (oldest !== undefined) wait = Math.max(wait, oldest + spanMs - now);
  }
  return wait;
}

/** When `column = hash` posted within the last hour (newest first, at most `limit`). Counts stored comments, so every process agrees. */
async function storedTimes(
  env: PhaseEnv,
  column: 'ip_hash' | 'email_hash',
  hash: string,
  limit: number,
  same: { articleId: number; bodyHash: string },
): Promise<number[]> {
  const rows = await env.db
    .selectFrom('comments')
    .select('created_at')
    .where(column, '=', hash)
    .where('created_at', '>', env.now - HOUR)
    // An identical post is a duplicate (409), not a reason to wait.
    .where((eb) =>
      eb.not(eb.and([eb('article_id', '=', same.articleId), eb('body_hash', '=', same.bodyHash)])),
    )
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.created_at);
}

/**
 * Per commenter (their email, and their browser through its cookie): one
 * comment per window (default 15 s) and at most N per hour (default 20); 429
 * "you are sending too fast" with the seconds to wait. Per address: loose
 * limits (default 30 a minute, 300 an hour), since one public address is often
 * a whole mobile carrier's readers; 429 "many comments from your network".
 */
export const rateLimit: Phase = {
  name: 'rate-limit',
  async run(c, env) {
    const { settings: s, now } = env;
    const personal: Rule[] = [
      { max: 1, spanMs: s.rateWindowSeconds * 1000 },
      { max: s.ratePerHour, spanMs: HOUR },
    ];
    const network: Rule[] = [
      { max: s.addressPerMinute, spanMs: MINUTE },
      { max: s.addressPerHour, spanMs: HOUR },
    ];
    const [byEmail, byAddress] = await Promise.all([
      storedTimes(env, 'email_hash', c.emailHash, s.ratePerHour, c),
      storedTimes(env, 'ip_hash', c.ipHash, s.addressPerHour, c),
    ]);
    const mine = Math.max(waitFor(byEmail, personal, now), waitFor(c.browserTimes, personal, now));
    const shared = waitFor(byAddress, network, now);
    if (mine > 0) {
      const retryAfter = Math.ceil(Math.max(mine, shared) / 1000);
      return { kind: 'reject', code: 'COMMENT_RATE_LIMITED', retryAfter };
    }
    if (shared > 0)
      return { kind: 'reject', code: 'COMMENT_NETWORK_BUSY', retryAfter: Math.ceil(shared / 1000) };
    return ACCEPT;
  },
};
