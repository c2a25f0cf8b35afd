import { describe, expect, it } from 'vitest';
import { checkFormToken, formToken } from './form-token.ts';

const OLD = 'form-token-old-secret-of-at-least-32-chars';
const NEW = 'form-token-new-secret-of-at-least-32-chars';
const OTHER = 'form-token-unrelated-secret-at-least-32ch';

describe('form token under a key rotation', () => {
  const now = 1_800_000_000_000;
  const rendered = now - 60_000;

  it('accepts a form rendered under the previous key once the new key signs', () => {
    const before = formToken(OLD, 5, rendered);
    expect(checkFormToken(OLD, before, 5, 3000, now)).toBe('ok');
    // Rotated: SECRET_KEY=NEW, SECRET_KEY_PREVIOUS=OLD.
    expect(checkFormToken([NEW, OLD], before, 5, 3000, now)).toBe('ok');
    // After the rotation ends (OLD dropped), the old form is refused.
    expect(checkFormToken([NEW], before, 5, 3000, now)).toBe('invalid');
  });

  it('signs with the newest key only', () => {
    const after = formToken([NEW, OLD], 5, rendered);
    expect(after).toBe(formToken(NEW, 5, rendered));
    expect(checkFormToken(OLD, after, 5, 3000, now)).toBe('invalid');
  });

  it('refuses a token made with an unrelated key, and keeps the other checks under every key', () => {
    expect(checkFormToken([NEW, OLD], formToken(OTHER, 5, rendered), 5, 3000, now)).toBe('invalid');
    const before = formToken(OLD, 5, rendered);
    expect(checkFormToken([NEW, OLD], before, 6, 3000, now)).toBe('invalid');
    expect(checkFormToken([NEW, OLD], formToken(OLD, 5, now - 1000), 5, 3000, now)).toBe(
      'too-fast',
    );
  });
});
