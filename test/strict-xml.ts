import { XMLValidator } from 'fast-xml-parser';

/**
 * A strict XML 1.0 check for the documents Warta writes: well-formedness by
 * fast-xml-parser's validator, plus the Char production of the XML 1.0
 * specification (§2.2), which that validator does not check: a NUL or another
 * control character, U+FFFE/U+FFFF or an unpaired surrogate anywhere makes a
 * document that a strict reader (libxml2, a browser's XML parser) refuses.
 * Returns the problems found; an empty list means the document is valid.
 */
export function strictXmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const result = XMLValidator.validate(xml);
  if (result !== true)
    problems.push(`${result.err.code}: ${result.err.msg} (line ${result.err.line})`);
  for (let i = 0; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    let ok: boolean;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = xml.charCodeAt(i + 1);
      ok = next >= 0xdc00 && next <= 0xdfff;
      if (ok) i++;
    } else {
      ok =
        c === 0x9 ||
        c === 0xa ||
        c === 0xd ||
        (c >= 0x20 && c <= 0xd7ff) ||
        (c >= 0xe000 && c <= 0xfffd);
    }
    if (!ok) problems.push(`character U+${c.toString(16).padStart(4, '0')} at ${i}`);
  }
  return problems;
}

const REFS: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  '#39': "'",
  apos: "'",
};

/** Text that a reader gets from HTML-escaped text (the character references Warta writes, decoded once). */
export function decodeHtml(html: string): string {
  return html.replace(/&(lt|gt|amp|quot|#39|apos);/g, (_, e: string) => REFS[e] ?? '');
}
