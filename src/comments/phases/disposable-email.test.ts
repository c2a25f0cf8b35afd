import { describe, expect, it } from 'vitest';
import { disposableCheck } from './disposable-email.ts';
import { candidate, env } from './phase-kit.ts';

describe('disposable email', () => {
  it('holds known disposable domains and their subdomains', () => {
    expect(disposableCheck.run(candidate({ email: 'x@mailinator.com' }), env(null))).toEqual({
      kind: 'hold',
      reason: 'disposable-email',
    });
    expect(disposableCheck.run(candidate({ email: 'x@mx.YOPMAIL.com' }), env(null))).toMatchObject({
      kind: 'hold',
    });
  });
  it('accepts ordinary domains', () => {
    expect(disposableCheck.run(candidate({ email: 'x@gmail.com' }), env(null))).toEqual({
      kind: 'accept',
    });
  });
});
