import { Fragment, type VNode } from 'preact';

/** The only rel a reader's link ever gets. */
export const LINK_REL = 'nofollow ugc noopener';

/** http(s) URLs in running text; the trailing punctuation of a sentence is not part of the link. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters end a URL
const URL_RE = /https?:\/\/[^\s<>"'`\u0000-\u001f\u007f]+/gi;
const TRAILING_CHARS = '.,;:!?\'")]}>';

/** Splits a line into text and link pieces. */
export function linkify(line: string): ({ text: string } | { href: string })[] {
  const out: ({ text: string } | { href: string })[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_RE)) {
    let url = match[0];
    // Sentence punctuation after a URL is not part of it; a ")" that closes a "(" inside it is.
    // Brackets are counted once and updated as characters drop, so trimming stays linear.
    let opens = 0;
    let closes = 0;
    for (const ch of url) {
      if (ch === '(') opens++;
      else if (ch === ')') closes++;
    }
    while (url.length > 0 && TRAILING_CHARS.includes(url.at(-1) ?? '')) {
      if (url.endsWith(')') && opens >= closes) break;
      if (url.endsWith(')')) closes--;
      url = url.slice(0, -1);
    }
    if (!/^https?:\/\/[^/?#\s]+/i.test(url)) continue;
    const start = match.index ?? 0;
    if (start > last) out.push({ text: line.slice(last, start) });
    out.push({ href: url });
    last = start + url.length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}

/**
 * A comment's text as markup: blank lines make paragraphs, single newlines
 * `<br>`, http(s) URLs become links with a fixed rel. Everything the reader
 * typed is text to preact, which escapes it; no reader HTML reaches the page.
 */
export function CommentText({ body }: { body: string }): VNode {
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div class="comment-text">
      {paragraphs.map((p, i) => (
        <p key={i}>
          {p.split('\n').map((line, j) => (
            <Fragment key={j}>
              {j > 0 && <br />}
              {linkify(line).map((piece, k) =>
                'href' in piece ? (
                  <a key={k} href={piece.href} rel={LINK_REL}>
                    {piece.href}
                  </a>
                ) : (
                  piece.text
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
