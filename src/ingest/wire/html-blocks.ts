import type { Block, InlineMark, TextRun } from '../../content/blocks.ts';
import { decodeEntities } from '../../lib/html-entities.ts';

export { decodeEntities };

/**
 * Agency HTML to Warta blocks. This is the wire desk's sanitiser: the result
 * is structured blocks (paragraph, heading, quote, list) whose runs carry only
 * bold, italic and http(s) links, so no markup Warta does not allow can pass
 * (the site renders blocks and escapes their text). Scripts, styles, iframes,
 * objects, forms and SVG are dropped with their content; every other tag is
 * reduced to its text. The tokenizer is tolerant of broken markup: it never
 * throws and never recurses.
 */

const DROP = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'noscript',
  'template',
  'svg',
  'math',
  'head',
  'title',
  'form',
  'select',
  'textarea',
  'button',
  'frameset',
  'frame',
  'applet',
  'audio',
  'video',
  'canvas',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'table',
  'tr',
  'td',
  'th',
  'pre',
  'center',
  'dl',
  'dt',
  'dd',
  'hr',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Caps so one absurd item cannot blow up a draft. */
export const MAX_BLOCKS = 400;
export const MAX_RUN_CHARS = 20_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Collapses whitespace and removes control characters (keeps the text readable and one-line). */
export function cleanInline(s: string): string {
  return s.replace(CONTROL, '').replace(/[\s\u00a0]+/g, ' ');
}

function safeHref(raw: string): string | undefined {
  const v = decodeEntities(raw).trim();
  try {
    const u = new URL(v);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href.slice(0, 2000);
  } catch {}
  return undefined;
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(
    attrs,
  );
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

type Mode =
  | { kind: 'paragraph' }
  | { kind: 'heading'; level: 2 | 3 }
  | { kind: 'quote' }
  | { kind: 'li' };

/** Converts an HTML fragment to blocks; also returns image URLs found in it (for the photo). */
export function htmlToBlocks(html: string): { blocks: Block[]; images: string[] } {
  const blocks: Block[] = [];
  const images: string[] = [];
  let runs: TextRun[] = [];
  let mode: Mode = { kind: 'paragraph' };
  let list: { ordered: boolean; items: TextRun[][] } | null = null;
  let bold = 0;
  let italic = 0;
  let href: string | undefined;
  let dropping: string | null = null;
  let dropDepth = 0;

  const push = (text: string) => {
    if (!text) return;
    const marks: InlineMark[] = [];
    if (bold > 0) marks.push('bold');
    if (italic > 0) marks.push('italic');
    if (href) marks.push('link');
    const last = runs[runs.length - 1];
    const same =
      last &&
      (last.marks ?? []).join() === marks.join() &&
      last.href === (href && marks.includes('link') ? href : undefined);
    if (same && last) last.text = (last.text + text).slice(0, MAX_RUN_CHARS);
    else
      runs.push({
        text: text.slice(0, MAX_RUN_CHARS),
        ...(marks.length ? { marks } : {}),
        ...(href ? { href } : {}),
      });
  };

  const flush = () => {
    // Trim the runs' outer whitespace; drop a block that is only whitespace.
    const trimmed = runs.map((r) => ({ ...r, text: cleanInline(r.text) }));
    if (trimmed[0]) trimmed[0].text = trimmed[0].text.trimStart();
    const lastRun = trimmed[trimmed.length - 1];
    if (lastRun) lastRun.text = lastRun.text.trimEnd();
    const content = trimmed.filter((r) => r.text.length > 0);
    runs = [];
    if (content.length === 0 || blocks.length >= MAX_BLOCKS) return;
    const plain = content.map((r) => r.text).join('');
    if (mode.kind === 'heading') blocks.push({ type: 'heading', level: mode.level, text: plain });
    else if (mode.kind === 'quote') blocks.push({ type: 'quote', text: plain });
    else if (mode.kind === 'li' && list) list.items.push(content);
    else blocks.push({ type: 'paragraph', content });
  };

  const closeList = () => {
    flush();
    if (list && list.items.length > 0 && blocks.length < MAX_BLOCKS)
      blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
    list = null;
    mode = { kind: 'paragraph' };
  };

  const TOKEN =
    /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[!?][^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g;
  for (const m of html.matchAll(TOKEN)) {
    const [whole, cdata, slash, rawName, attrs, text] = m;
    if (text !== undefined || cdata !== undefined || whole === '<') {
      if (dropping) continue;
      push(decodeEntities(text ?? cdata ?? '<'));
      continue;
    }
    if (!rawName) continue;
    const name = rawName.toLowerCase().replace(/^.*:/, '');
    const closing = slash === '/';
    if (dropping) {
      if (name === dropping) dropDepth += closing ? -1 : 1;
      if (dropDepth <= 0) dropping = null;
      continue;
    }
    if (DROP.has(name)) {
      if (!closing && !/\/\s*$/.test(attrs ?? '')) {
        dropping = name;
        dropDepth = 1;
      }
      continue;
    }
    if (name === 'img' && !closing) {
      const src = safeHref(attr(attrs ?? '', 'src') ?? '');
      if (src) images.push(src);
      continue;
    }
    if (name === 'br') {
      flush();
      continue;
    }
    if (BLOCK.has(name)) {
      flush();
      if (mode.kind !== 'li') mode = { kind: 'paragraph' };
      continue;
    }
    if (HEADINGS.has(name)) {
      flush();
      mode = closing
        ? { kind: 'paragraph' }
        : { kind: 'heading', level: name === 'h1' || name === 'h2' ? 2 : 3 };
      continue;
    }
    if (name === 'blockquote') {
      flush();
      mode = closing ? { kind: 'paragraph' } : { kind: 'quote' };
      continue;
    }
    if (name === 'ul' || name === 'ol') {
      if (closing) closeList();
      else {
        if (list) closeList();
        flush();
        list = { ordered: name === 'ol', items: [] };
      }
      continue;
    }
    if (name === 'li') {
      flush();
      mode = list ? { kind: 'li' } : { kind: 'paragraph' };
      continue;
    }
    if (name === 'b' || name === 'strong') bold = Math.max(0, bold + (closing ? -1 : 1));
    else if (name === 'i' || name === 'em') italic = Math.max(0, italic + (closing ? -1 : 1));
    else if (name === 'a') href = closing ? undefined : safeHref(attr(attrs ?? '', 'href') ?? '');
  }
  if (list) closeList();
  else flush();
  return { blocks, images };
}

/** Plain text (blank-line or line separated paragraphs) to paragraph blocks. */
export function textToBlocks(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((line) => cleanInline(line).trim())
    .filter((line) => line.length > 0)
    .slice(0, MAX_BLOCKS)
    .map((line) => ({
      type: 'paragraph' as const,
      content: [{ text: line.slice(0, MAX_RUN_CHARS) }],
    }));
}

/** The plain text of blocks, a paragraph per line (for search, dedup and diffs). */
export function blocksText(blocks: Block[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') lines.push(b.content.map((r) => r.text).join(''));
    else if (b.type === 'heading' || b.type === 'quote') lines.push(b.text);
    else if (b.type === 'list')
      for (const item of b.items) lines.push(item.map((r) => r.text).join(''));
  }
  return lines.join('\n');
}
