import fc from 'fast-check';

/** Fragments that break careless writers: markup, attribute escapes, CDATA ends, controls, bidi, bad UTF-16. */
export const HOSTILE_FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  ']]>',
  '<![CDATA[',
  '&amp;',
  '&lt;b&gt;',
  '\u0000',
  '\u0008',
  '\u001B',
  '\u202E',
  '\uFFFF',
  '\uD800',
  '\uDC00',
  '\r\n',
  '\n',
];

/** Text for property tests: random code units mixed with hostile fragments. */
export function hostileText(maxParts = 4): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom(...HOSTILE_FRAGMENTS)),
      { maxLength: maxParts },
    )
    .map((parts) => parts.join(''));
}
