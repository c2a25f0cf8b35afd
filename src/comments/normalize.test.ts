import { describe, expect, it } from 'vitest';
import { findWords, normalizeForMatching } from './normalize.ts';

describe('normalizeForMatching', () => {
  it('folds NFKC, case, zero-width characters and letter substitutions', () => {
    expect(normalizeForMatching('ＧＡＣＯＲ')).toBe('gacor');
    expect(normalizeForMatching('Ga\u200Bc\u200Dor')).toBe('gacor');
    expect(normalizeForMatching('g4c0r')).toBe('gacor');
    expect(normalizeForMatching('$l0t 7ot0')).toBe('slot toto');
    expect(normalizeForMatching('3@5y')).toBe('easy');
    expect(normalizeForMatching('  a \n\t b ')).toBe('a b');
  });
});

describe('findWords', () => {
  const list = ['gacor', 'judi online'];
  it('matches whole words and phrases after normalising', () => {
    expect(findWords('Situs G4C0R hari ini', list)).toEqual(['gacor']);
    expect(findWords('ayo JUDI  0nline', list)).toEqual(['judi online']);
    expect(findWords('g.a.c.o.r', list)).toEqual(['gacor']);
    expect(findWords('gac\u200Bor', list)).toEqual(['gacor']);
  });
  it('does not match inside other words or with an empty list', () => {
    expect(findWords('pegacoran', list)).toEqual([]);
    expect(findWords('gacor', [])).toEqual([]);
    expect(findWords('biasa saja', list)).toEqual([]);
  });
});
