import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FALLBACK_SLUG, slugify } from './slug.ts';

/**
 * The slug maker over any text a headline, tag or name can hold (controls,
 * unpaired surrogates, bidi overrides, any script) and any length limit:
 * never throws, always a clean ASCII slug within the limit (or the fallback),
 * and a slug it made comes back unchanged.
 */

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom('Ä', 'ß', 'İ', 'ﬁ', '\u0000', '\u202E', '\uD800', '-', ' ', 'a', '9', '①'),
    )
    .map((a) => a.join('')),
);
const limit = fc.oneof(
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0.5, 7.9),
);
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('slugify (properties)', () => {
  it('always makes a clean slug within the limit, and is stable on its own output', () => {
    fc.assert(
      fc.property(text, limit, (s, max) => {
        const slug = slugify(s, max);
        expect(slug).toMatch(SLUG);
        const bound = Number.isFinite(max) ? Math.max(1, Math.floor(max)) : 80;
        if (slug !== FALLBACK_SLUG) expect(slug.length).toBeLessThanOrEqual(bound);
        // (The fallback is longer than a limit below 7: cutting it again is documented.)
        if (slug.length <= bound) expect(slugify(slug, max)).toBe(slug);
      }),
      { numRuns: 1000 },
    );
  });
});
