import { checkFormToken } from '../form-token.ts';
import { ACCEPT, type Phase } from './types.ts';

/**
 * Honeypot and signed render time. The form token doubles as the CSRF token:
 * without it (a cross-site POST) the answer is 403. A filled honeypot is
 * refused quietly. A form sent back sooner than the minimum fill time may be a
 * bot, or a person who types fast: they are asked to wait that long and send
 * again (429 with Retry-After; the page they get back is a fresh form, their
 * text kept). A stale form asks the reader to reload (their text is kept).
 */
export const formCheck: Phase = {
  name: 'form',
  run(c, env) {
    const result = checkFormToken(
      env.verifyingKeys ?? env.secret,
      c.token,
      c.articleId,
      env.settings.minFillSeconds * 1000,
      env.now,
    );
    if (result === 'missing' || result === 'invalid')
      return { kind: 'reject', code: 'COMMENT_FORM_TOKEN' };
    if (result === 'expired') return { kind: 'reject', code: 'COMMENT_FORM_EXPIRED', reload: true };
    if (c.honeypot.trim() !== '') return { kind: 'reject', code: 'COMMENT_REJECTED', quiet: true };
    if (result === 'too-fast') {
      return {
        kind: 'reject',
        code: 'COMMENT_TOO_FAST',
        retryAfter: Math.max(1, env.settings.minFillSeconds),
      };
    }
    return ACCEPT;
  },
};
