import { describe, expect, it } from 'vitest';
import { formToken } from '../form-token.ts';
import { formCheck } from './form-check.ts';
import { candidate, env, SECRET } from './phase-kit.ts';

describe('form check (honeypot, signed render time, form token)', () => {
  const now = Date.now();
  const run = (token: string, honeypot = '') =>
    formCheck.run(candidate({ token, honeypot }), env(null, { now }));
  it('accepts a form rendered a while ago', () => {
    expect(run(formToken(SECRET, 1, now - 10_000))).toEqual({ kind: 'accept' });
  });
  it('refuses a missing, forged or other-article token with 403', () => {
    expect(run('')).toMatchObject({ kind: 'reject', code: 'COMMENT_FORM_TOKEN' });
    expect(run(formToken('another-secret-of-at-least-32-chars!!', 1, now - 10_000))).toMatchObject({
      code: 'COMMENT_FORM_TOKEN',
    });
    expect(run(formToken(SECRET, 2, now - 10_000))).toMatchObject({ code: 'COMMENT_FORM_TOKEN' });
    expect(run('1.2.3')).toMatchObject({ code: 'COMMENT_FORM_TOKEN' });
  });
  it('refuses quietly when the honeypot is filled', () => {
    expect(run(formToken(SECRET, 1, now - 10_000), 'spam')).toMatchObject({
      code: 'COMMENT_REJECTED',
      quiet: true,
    });
  });
  it('asks a form sent back too fast to wait the minimum fill time and send again', () => {
    expect(run(formToken(SECRET, 1, now - 500))).toEqual({
      kind: 'reject',
      code: 'COMMENT_TOO_FAST',
      retryAfter: 3,
    });
  });
  it('asks to reload a form older than a day', () => {
    expect(run(formToken(SECRET, 1, now - 25 * 3_600_000))).toMatchObject({
      code: 'COMMENT_FORM_EXPIRED',
      reload: true,
    });
  });
});
