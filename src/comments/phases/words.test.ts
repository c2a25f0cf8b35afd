import { describe, expect, it } from 'vitest';
import { candidate, env } from './phase-kit.ts';
import { wordCheck } from './words.ts';

describe('word lists', () => {
  const e = env(null, { words: { banned: ['judi'], suspect: ['promo'] } });
  it('rejects banned words, even disguised', () => {
    expect(wordCheck.run(candidate({ body: 'ayo main JUD1 di sini' }), e)).toMatchObject({
      kind: 'reject',
      code: 'COMMENT_BANNED_WORD',
    });
    expect(wordCheck.run(candidate({ body: 'j\u200Bu\u200Bd\u200Bi' }), e)).toMatchObject({
      kind: 'reject',
    });
    expect(wordCheck.run(candidate({ name: 'Raja Judi' }), e)).toMatchObject({ kind: 'reject' });
  });
  it('holds suspect words and says which', () => {
    expect(wordCheck.run(candidate({ body: 'ada pr0mo murah' }), e)).toEqual({
      kind: 'hold',
      reason: 'suspect-words',
      detail: 'promo',
    });
  });
  it('accepts ordinary text', () => {
    expect(wordCheck.run(candidate({ body: 'Promosi jabatan kepala desa.' }), e)).toEqual({
      kind: 'accept',
    });
  });
});
