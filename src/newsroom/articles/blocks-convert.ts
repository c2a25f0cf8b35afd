import type { Block, ImageBlock, InlineMark, TextRun } from '../../content/blocks.ts';

/**
 * Converts between the editor's document (TipTap/ProseMirror JSON) and the
 * stored Block[]. Pure and dependency-free, so the browser editor and the
 * server share it. Anything the Block model cannot hold is dropped, never
 * smuggled through: unknown nodes and marks vanish, link targets other than
 * http(s) and same-site paths lose their link (the text stays). An `html`
 * block (imported table…) travels as an `htmlBlock` atom and comes back intact;
 * a placed "Baca juga" (`related`) travels as a `relatedLink` atom.
 */

export interface PMMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  text?: string;
  marks?: PMMark[];
}

const MARK_ORDER: InlineMark[] = ['bold', 'italic', 'link'];

/** Browsers drop tabs and newlines inside URLs ("java\tscript:"), so refuse any control character. */
function hasControlChars(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * A link target we allow: http(s) URLs and same-site relative paths. Returns
 * the trimmed href or null (javascript:, data:, mailto:, protocol-relative…).
 */
export function cleanHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const value = href.trim();
  if (value === '' || value.length > 2000 || hasControlChars(value)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    return /^https?:\/\/[^\s/?#]+/i.test(value) ? value : null;
  }
  if (value.startsWith('//') || value.startsWith('/\\') || value.includes('\\')) return null;
  return value;
}

/** Recognises a YouTube, X or Instagram post URL; the stored embed is only ever one of these. */
export function embedFromUrl(
  raw: unknown,
): { provider: 'youtube' | 'x' | 'instagram'; url: string } | null {
  if (typeof raw !== 'string') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase().replace(/^(www\.|m\.|mobile\.)/, '');
  const path = url.pathname;
  if (
    host === 'youtube.com' &&
    ((path === '/watch' && url.searchParams.get('v')) || /^\/shorts\/[\w-]+/.test(path))
  ) {
    return { provider: 'youtube', url: url.toString() };
  }
  if (host === 'youtu.be' && /^\/[\w-]+/.test(path))
    return { provider: 'youtube', url: url.toString() };
  if ((host === 'x.com' || host === 'twitter.com') && /^\/\w+\/status\/\d+/.test(path)) {
    return { provider: 'x', url: url.toString() };
  }
  if (host === 'instagram.com' && /^\/(p|reel|tv)\/[\w-]+/.test(path)) {
    return { provider: 'instagram', url: url.toString() };
  }
  return null;
}

function runFromText(node: PMNode): TextRun | null {
  const text = node.type === 'hardBreak' ? '\n' : typeof node.text === 'string' ? node.text : '';
  if (text === '') return null;
  const marks = new Set<InlineMark>();
  let href: string | null = null;
  for (const m of node.marks ?? []) {
    if (m.type === 'bold' || m.type === 'italic') marks.add(m.type);
    if (m.type === 'link') {
      href = cleanHref(m.attrs?.href);
      if (href) marks.add('link');
    }
  }
  const run: TextRun = { text };
  const ordered = MARK_ORDER.filter((m) => marks.has(m));
  if (ordered.length) run.marks = ordered;
  if (href && marks.has('link')) run.href = href;
  return run;
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return (a.marks ?? []).join() === (b.marks ?? []).join() && a.href === b.href;
}

/** Text runs of an inline container, neighbours with equal marks merged. */
function inlineRuns(nodes: PMNode[] | undefined): TextRun[] {
  const out: TextRun[] = [];
  for (const node of nodes ?? []) {
    const run = runFromText(node);
    if (!run) continue;
    const last = out.at(-1);
    if (last && sameMarks(last, run)) last.text += run.text;
    else out.push(run);
  }
  return out;
}

/** Plain text of any node, paragraphs joined by newlines. */
function plainText(node: PMNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const parts = (node.content ?? []).map(plainText);
  const blockish = (node.content ?? []).some((c) => c.type !== 'text' && c.type !== 'hardBreak');
  return parts.join(blockish ? '\n' : '');
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

/** The editor document → stored blocks. Empty paragraphs and unknown nodes are dropped. */
export function docToBlocks(doc: PMNode): Block[] {
  const blocks: Block[] = [];
  for (const node of doc.content ?? []) {
    switch (node.type) {
      case 'paragraph': {
        const content = inlineRuns(node.content);
        if (content.some((r) => r.text.trim() !== '')) blocks.push({ type: 'paragraph', content });
        break;
      }
      case 'heading': {
        const text = plainText(node).trim();
        const level = Number(node.attrs?.level) >= 3 ? 3 : 2;
        if (text) blocks.push({ type: 'heading', level, text });
        break;
      }
      case 'blockquote': {
        const text = plainText(node).trim();
        const cite = str(node.attrs?.cite);
        if (text) blocks.push(cite ? { type: 'quote', text, cite } : { type: 'quote', text });
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const items = (node.content ?? [])
          .map((item) => {
            const runs: TextRun[] = [];
            for (const child of item.content ?? []) {
              const r =
                child.type === 'paragraph'
                  ? inlineRuns(child.content)
                  : [{ text: plainText(child) }];
              if (runs.length && r.length) runs.push({ text: '\n' });
              runs.push(...r.filter((x) => x.text !== ''));
            }
            return runs;
          })
          .filter((runs) => runs.some((r) => r.text.trim() !== ''));
        if (items.length)
          blocks.push({ type: 'list', ordered: node.type === 'orderedList', items });
        break;
      }
      case 'mediaImage': {
        const mediaId = Number(node.attrs?.mediaId);
        if (!Number.isInteger(mediaId) || mediaId <= 0) break;
        const block: ImageBlock = { type: 'image', mediaId };
        const caption = str(node.attrs?.caption);
        const credit = str(node.attrs?.credit);
        const alt = str(node.attrs?.alt);
        if (caption) block.caption = caption;
        if (credit) block.credit = credit;
        if (alt) block.alt = alt;
        blocks.push(block);
        break;
      }
      case 'embed': {
        const found = embedFromUrl(node.attrs?.url);
        if (!found) break;
        const title = str(node.attrs?.title);
        blocks.push(title ? { type: 'embed', ...found, title } : { type: 'embed', ...found });
        break;
      }
      case 'htmlBlock': {
        // Kept as-is (the server cleans it again with the html-block allowlist on save).
        const html = node.attrs?.html;
        if (typeof html !== 'string' || html.trim() === '') break;
        const label = str(node.attrs?.label);
        blocks.push(label ? { type: 'html', html, label } : { type: 'html', html });
        break;
      }
      case 'relatedLink': {
        const articleId = Number(node.attrs?.articleId);
        if (Number.isInteger(articleId) && articleId > 0) {
          blocks.push({ type: 'related', articleId });
        }
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

function textNodes(runs: TextRun[]): PMNode[] {
  const out: PMNode[] = [];
  for (const run of runs) {
    const marks: PMMark[] = [];
    for (const m of run.marks ?? []) {
      if (m === 'link') {
        const href = cleanHref(run.href);
        if (href) marks.push({ type: 'link', attrs: { href } });
      } else marks.push({ type: m });
    }
    // A newline inside a run is a hard line break in the editor.
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push({ type: 'hardBreak' });
      if (part)
        out.push(marks.length ? { type: 'text', text: part, marks } : { type: 'text', text: part });
    });
  }
  return out;
}

function textParagraphs(text: string): PMNode[] {
  return text
    .split('\n')
    .map((line) =>
      line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' },
    );
}

/**
 * Stored blocks → the editor document. `srcFor` gives the thumbnail URL shown
 * for an image in the editor (the stored block holds only the media id), and
 * `headlineFor` the headline shown for a placed "Baca juga".
 */
export function blocksToDoc(
  blocks: Block[],
  srcFor: (mediaId: number) => string = () => '',
  headlineFor: (articleId: number) => string = () => '',
): PMNode {
  const content: PMNode[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
        content.push({ type: 'paragraph', content: textNodes(b.content) });
        break;
      case 'heading':
        content.push({
          type: 'heading',
          attrs: { level: b.level },
          content: textNodes([{ text: b.text }]),
        });
        break;
      case 'quote':
        content.push({
          type: 'blockquote',
          attrs: { cite: b.cite ?? null },
          content: textParagraphs(b.text),
        });
        break;
      case 'list':
        content.push({
          type: b.ordered ? 'orderedList' : 'bulletList',
          content: b.items.map((runs) => ({
            type: 'listItem',
            content: [{ type: 'paragraph', content: textNodes(runs) }],
          })),
        });
        break;
      case 'image':
        content.push({
          type: 'mediaImage',
          attrs: {
            mediaId: b.mediaId,
            src: srcFor(b.mediaId),
            caption: b.caption ?? '',
            credit: b.credit ?? '',
            alt: b.alt ?? '',
          },
        });
        break;
      case 'embed':
        content.push({
          type: 'embed',
          attrs: { provider: b.provider, url: b.url, title: b.title ?? '' },
        });
        break;
      case 'html':
        content.push({ type: 'htmlBlock', attrs: { html: b.html, label: b.label ?? '' } });
        break;
      case 'related':
        content.push({
          type: 'relatedLink',
          attrs: { articleId: b.articleId, headline: headlineFor(b.articleId) },
        });
        break;
    }
  }
  if (content.length === 0) content.push({ type: 'paragraph' });
  return { type: 'doc', content };
}
