/**
 * A small, forgiving HTML reader for what WordPress stores in post and comment
 * bodies: a token scan into a tree that closes what authors forget to close.
 * It never renders anything; the body converter reads text and a few
 * attributes from the tree, and every text is escaped later by the views.
 */

import { decodeEntities } from '../../lib/html-entities.ts';

export { decodeEntities };

export interface HtmlElement {
  type: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export interface HtmlText {
  type: 'text';
  text: string;
}
export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set([
  'br',
  'img',
  'hr',
  'input',
  'meta',
  'link',
  'source',
  'embed',
  'wbr',
  'col',
  'area',
  'param',
  'track',
]);
/** Elements whose start closes an open `<p>` (HTML's implied end tags). */
const CLOSES_P = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'table',
  'blockquote',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'hr',
  'section',
]);
const RAW_TEXT = new Set(['script', 'style']);

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>|[^<]+|</g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function parseAttrs(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(ATTR)) {
    const name = (m[1] ?? '').toLowerCase();
    if (name && !(name in out)) out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** Parses an HTML fragment into a tree; comments are dropped, bad nesting is repaired. */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { type: 'element', tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1] as HtmlElement;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null = TOKEN.exec(html);
  while (m) {
    const token = m[0];
    if (token.startsWith('<!--')) {
      // comments carry nothing a reader sees
    } else if (m[2]) {
      const tag = m[2].toLowerCase();
      if (m[1]) {
        const at = stack.map((e) => e.tag).lastIndexOf(tag);
        if (at > 0) stack.length = at;
      } else {
        if (CLOSES_P.has(tag) && top().tag === 'p') stack.pop();
        if (tag === 'li' && top().tag === 'li') stack.pop();
        const el: HtmlElement = {
          type: 'element',
          tag,
          attrs: parseAttrs(m[3] ?? ''),
          children: [],
        };
        top().children.push(el);
        if (RAW_TEXT.has(tag)) {
          const end = html.toLowerCase().indexOf(`</${tag}`, TOKEN.lastIndex);
          const stop = end === -1 ? html.length : end;
          el.children.push({ type: 'text', text: html.slice(TOKEN.lastIndex, stop) });
          const close = end === -1 ? html.length : html.indexOf('>', end) + 1 || html.length;
          TOKEN.lastIndex = close;
        } else if (!VOID.has(tag) && !m[4]) {
          stack.push(el);
        }
      }
    } else {
      top().children.push({ type: 'text', text: decodeEntities(token) });
    }
    m = TOKEN.exec(html);
  }
  return root.children;
}

/** The text of a subtree; `<br>` and block ends become line breaks, scripts are left out. */
export function textOf(nodes: HtmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += n.text;
    else if (RAW_TEXT.has(n.tag)) continue;
    else if (n.tag === 'br') out += '\n';
    else {
      const inner = textOf(n.children);
      out += CLOSES_P.has(n.tag) || n.tag === 'li' || n.tag === 'tr' ? `${inner}\n` : inner;
    }
  }
  return out;
}

/** Finds the first element with `tag` in a subtree (depth first). */
export function findElement(nodes: HtmlNode[], tag: string): HtmlElement | undefined {
  for (const n of nodes) {
    if (n.type !== 'element') continue;
    if (n.tag === tag) return n;
    const found = findElement(n.children, tag);
    if (found) return found;
  }
  return undefined;
}

/**
 * A comment's HTML as the plain text Warta shows (comments render as text):
 * paragraphs and `<br>` become line breaks, a link keeps its address in
 * brackets, scripts and styles are dropped. Returns whether markup was removed.
 */
export function commentText(html: string): { text: string; hadMarkup: boolean } {
  const nodes = parseHtml(html);
  const hadMarkup = nodes.some((n) => n.type === 'element');
  const walk = (list: HtmlNode[]): string =>
    list
      .map((n) => {
        if (n.type === 'text') return n.text;
        if (RAW_TEXT.has(n.tag)) return '';
        if (n.tag === 'br') return '\n';
        const inner = walk(n.children);
        if (n.tag === 'a' && n.attrs.href && !inner.includes(n.attrs.href)) {
          return `${inner} (${n.attrs.href})`;
        }
        return n.tag === 'p' || n.tag === 'div' || n.tag === 'li' ? `${inner}\n\n` : inner;
      })
      .join('');
  const text = walk(nodes)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, hadMarkup };
}

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;');

/**
 * Writes a subtree back as HTML (text and attributes escaped). Used only to
 * hand a table or shortcode to the html-block sanitiser, which decides what stays.
 */
export function toHtml(nodes: HtmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') {
      out += escText(n.text);
      continue;
    }
    if (!/^[a-z][a-z0-9-]*$/.test(n.tag)) continue;
    const attrs = Object.entries(n.attrs)
      .filter(([k]) => /^[a-z][a-z0-9-]*$/i.test(k))
      .map(([k, v]) => ` ${k}="${escAttr(v)}"`)
      .join('');
    out += VOID.has(n.tag)
      ? `<${n.tag}${attrs}>`
      : `<${n.tag}${attrs}>${toHtml(n.children)}</${n.tag}>`;
  }
  return out;
}
