import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.ts';
import { cursorCodec } from './cursor.ts';

const OLD = 'cursor-old-secret-of-at-least-32-characters';
const NEW = 'cursor-new-secret-of-at-least-32-characters';
const OTHER = 'cursor-unrelated-secret-of-at-least-32-chars';

const refused = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError && err.code === 'API_BAD_CURSOR';
  }
  return false;
};

describe('API cursors under a key rotation', () => {
  it('pages on with a cursor made under the previous key; new cursors use the new key', () => {
    const before = cursorCodec(OLD, 'articles').encode({ p: 1700, i: 42 });
    const rotated = cursorCodec([NEW, OLD], 'articles');
    expect(rotated.decode(before, ['p', 'i'])).toEqual({ p: 1700, i: 42 });
    const after = rotated.encode({ p: 1600, i: 41 });
    expect(after).toBe(cursorCodec(NEW, 'articles').encode({ p: 1600, i: 41 }));
    expect(refused(() => cursorCodec(OLD, 'articles').decode(after, ['p', 'i']))).toBe(true);
    // The rotation over: the old cursor no longer verifies.
    expect(refused(() => cursorCodec([NEW], 'articles').decode(before, ['p', 'i']))).toBe(true);
  });

  it('refuses a cursor made with an unrelated key or for another list', () => {
    const rotated = cursorCodec([NEW, OLD], 'articles');
    const foreign = cursorCodec(OTHER, 'articles').encode({ p: 1, i: 1 });
    expect(refused(() => rotated.decode(foreign, ['p', 'i']))).toBe(true);
    const tags = cursorCodec(OLD, 'tags').encode({ p: 1, i: 1 });
    expect(refused(() => rotated.decode(tags, ['p', 'i']))).toBe(true);
  });
});
