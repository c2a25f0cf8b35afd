import { z } from 'zod';

/**
 * Plain-text fields (headlines, decks, captions, names, settings) are text
 * wherever they go: stored without the characters that break XML or reverse
 * how a line reads, and escaped by every writer that puts them out.
 */

/**
 * C0 and C1 control characters other than tab, line feed and carriage return,
 * and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that make text read differently from how it is stored.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** True when the text holds a control or text-direction character that is never accepted. */
export function hasUnsafeChars(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * A text field as it is stored: unsafe characters removed and line endings
 * made `\n`. A single-line field (the default) also turns tabs and line breaks
 * into spaces, so a pasted headline stays one line.
 */
export function cleanText(text: string, opts: { multiline?: boolean } = {}): string {
  const cleaned = text.replace(UNSAFE_ALL, '').replace(/\r\n?/g, '\n');
  return opts.multiline ? cleaned : cleaned.replace(/[\t\n]/g, ' ');
}

/**
 * The schema of a plain-text field as it comes in: any string, cleaned by
 * `cleanText` before any further check (`.trim()`, `.min()`, `.max()` chain on
 * as on `z.string()`). Every route, form and importer that stores staff or
 * reader text declares its text fields with this, so none is stored with a
 * control or text-direction character.
 */
export function plainText(opts: { multiline?: boolean } = {}) {
  return z.string().overwrite((s) => cleanText(s, opts));
}

/**
 * Characters XML 1.0 forbids anywhere in a document (controls other than tab,
 * newline and carriage return, unpaired surrogates, U+FFFE/U+FFFF), which no
 * escaping can carry: every XML writer drops them, so text stored before the
 * input was cleaned still makes a well-formed document.
 */
const XML_FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing what XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the characters XML 1.0 forbids removed (see XML_FORBIDDEN). */
export function xmlChars(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}
