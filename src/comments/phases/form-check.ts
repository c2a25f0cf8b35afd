import { checkFormToken } from '../form-token.ts';
import { ACCEPT, type Phase } from './types.ts';

/**
 * Honeypot and signed render time. The form token doubles as the CSRF token:
 * without it (a cross-site POST) the answer is 403. A filled honeypot or a form
 * sent back faster than a person types is refused quietly; a stale form asks
 * the reader to reload (their text is kept).
 */
export const formCheck: Phase = {
  name: 'form',
  run(c, env) {
    const result = checkFormToken(
      env.secret,
      c.token,
      c.articleId,
      env.settings.minFillSeconds * 1000,
      env.now,
    );
    if (result === 'missing' || result === 'invalid')
      return { kind: 'reject', code: 'COMMENT_FORM_TOKEN' };
    if (result === 'expired') return { kind: 'reject', code: 'COMMENT_FORM_EXPIRED', reload: true };
    if (c.honeypot.trim() !== '' || result === 'too-fast') {
      return { kind: 'reject', code: 'COMMENT_REJECTED', quiet: true };
    }
    return ACCEPT;
  },
};
