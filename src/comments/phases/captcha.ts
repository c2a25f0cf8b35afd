import { checkPayload, spendChallenge } from '../captcha.ts';
import { ACCEPT, type Phase } from './types.ts';

/**
 * The proof of work. No payload (JavaScript off) holds the comment for an
 * editor; a malformed, forged, expired or other-article payload is refused;
 * a valid one is spent atomically, so a replay is refused.
 */
export const captchaCheck: Phase = {
  name: 'captcha',
  async run(c, env) {
    if (c.captcha.trim() === '') return { kind: 'hold', reason: 'no-captcha' };
    const keys = env.verifyingKeys ?? env.secret;
    const outcome = await checkPayload(keys, c.captcha.trim(), c.articleId, env.now);
    if (!outcome.ok) return { kind: 'reject', code: 'COMMENT_CAPTCHA', reload: true };
    const fresh = await spendChallenge(env.db, outcome.nonce, outcome.expiresAt);
    return fresh ? ACCEPT : { kind: 'reject', code: 'COMMENT_CAPTCHA_USED', reload: true };
  },
};
