import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, hasUnsafeChars } from './plain-text.ts';

describe('plain text', () => {
  it('removes NUL, other controls and text-direction overrides', () => {
    expect(cleanText('Banjir\u0000 di \u202EDenpasar\u202C')).toBe('Banjir di Denpasar');
    expect(cleanText('a\u0007b\u009Fc\u2066d\u2069')).toBe('abcd');
    expect(hasUnsafeChars('Banjir\u0000')).toBe(true);
    expect(hasUnsafeChars('Banjir di Denpasar, "kata dia" — 19/10')).toBe(false);
  });

  it('keeps a single-line field on one line and a multi-line field as typed', () => {
    expect(cleanText('Judul\r\nbaris dua\tdan tab')).toBe('Judul baris dua dan tab');
    expect(cleanText('Baris satu\r\nbaris dua\rtiga\tempat', { multiline: true })).toBe(
      'Baris satu\nbaris dua\ntiga\tempat',
    );
  });

  it('never leaves an unsafe character and never changes safe text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = cleanText(s, { multiline: true });
        expect(hasUnsafeChars(out)).toBe(false);
        expect(cleanText(out, { multiline: true })).toBe(out);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        fc.pre(!hasUnsafeChars(s) && !/[\r\n\t]/.test(s));
        expect(cleanText(s)).toBe(s);
      }),
    );
  });
});
