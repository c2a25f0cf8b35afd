import { xmlChars } from '../lib/plain-text.ts';

/** Escapes text for XML element content and attribute values (and drops what XML forbids). */
export function xmlEscape(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Plain text for an RSS field that readers treat as HTML (`<title>`,
 * `<description>`): HTML-escaped, so `<img …>` in a deck is read as text, not
 * markup; the feed writer then escapes it again (or wraps it in CDATA) as XML.
 * The result never holds `<`, `>` or `]]>`, so no CDATA section can be broken.
 */
export function rssText(text: string): string {
  return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
