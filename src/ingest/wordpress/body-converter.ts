import type { Block, ImageBlock, TextRun } from '../../content/blocks.ts';
import { sanitizeHtmlBlock } from '../../content/html-block.ts';
import { embedOf } from './body-markup.ts';
import { type HtmlElement, type HtmlNode, textOf, toHtml } from './html.ts';

/**
 * The walk over a parsed WordPress body that builds Warta blocks: paragraphs
 * with their inline runs, headings, quotes, lists, images (queued for the
 * importer to resolve) and embeds; what has no Warta block is kept as a
 * sanitised html block and listed in `unmapped`.
 */

/** An image the body uses; the importer turns it into a media id. */
export interface BodyImage {
  src: string;
  /** WordPress attachment id from `wp-image-N` / `attachment_N`, when present. */
  attachmentId?: string;
  caption?: string;
  alt?: string;
}

function imageFrom(el: HtmlElement): BodyImage {
  const cls = el.attrs.class ?? '';
  const id = /wp-image-(\d+)/.exec(cls)?.[1];
  return { src: el.attrs.src ?? '', attachmentId: id, alt: el.attrs.alt };
}

export class Converter {
  readonly blocks: Block[] = [];
  readonly pending: { block: ImageBlock; img: BodyImage; at: number }[] = [];
  constructor(readonly unmapped: string[]) {}

  /** Inline runs of a paragraph; images found inside are queued as their own blocks after it. */
  runs(
    nodes: HtmlNode[],
    marks: TextRun['marks'] = [],
    href?: string,
    images: HtmlElement[] = [],
  ): TextRun[] {
    const out: TextRun[] = [];
    for (const n of nodes) {
      if (n.type === 'text') {
        const text = n.text.replace(/[ \t\r\n]+/g, ' ');
        if (text)
          out.push(marks.length ? (href ? { text, marks, href } : { text, marks }) : { text });
        continue;
      }
      if (n.tag === 'br') out.push({ text: '\n' });
      else if (n.tag === 'img' || n.tag === 'wp-shortcode') images.push(n);
      else if (n.tag === 'script' || n.tag === 'style') this.unmapped.push(`<${n.tag}>`);
      else if (n.tag === 'strong' || n.tag === 'b')
        out.push(...this.runs(n.children, [...new Set([...marks, 'bold' as const])], href, images));
      else if (n.tag === 'em' || n.tag === 'i')
        out.push(
          ...this.runs(n.children, [...new Set([...marks, 'italic' as const])], href, images),
        );
      else if (n.tag === 'a' && /^(https?:|\/)/i.test(n.attrs.href ?? ''))
        out.push(
          ...this.runs(n.children, [...new Set([...marks, 'link' as const])], n.attrs.href, images),
        );
      else out.push(...this.runs(n.children, marks, href, images));
    }
    return out;
  }

  paragraph(nodes: HtmlNode[]): void {
    const images: HtmlElement[] = [];
    const runs = tidy(this.runs(nodes, [], undefined, images));
    if (runs.length) this.blocks.push({ type: 'paragraph', content: runs });
    for (const el of images) {
      if (el.tag === 'img') this.image(imageFrom(el));
      else this.node(el);
    }
  }

  /** Keeps markup with no Warta block as a sanitised html block; false when nothing was left. */
  html(nodes: HtmlNode[], label: string): boolean {
    const html = sanitizeHtmlBlock(toHtml(nodes));
    if (!html) return false;
    this.blocks.push({ type: 'html', html, label });
    return true;
  }

  image(img: BodyImage, caption?: string): void {
    const block: ImageBlock = { type: 'image', mediaId: 0 };
    if (caption?.trim()) img.caption = caption.trim();
    this.pending.push({ block, img, at: this.blocks.length });
    this.blocks.push(block);
  }

  textBlock(text: string): void {
    for (const line of text.split(/\n+/).map((l) => l.replace(/\s+/g, ' ').trim())) {
      if (line) this.blocks.push({ type: 'paragraph', content: [{ text: line }] });
    }
  }

  node(n: HtmlNode): void {
    if (n.type === 'text') {
      if (n.text.trim()) this.paragraph([n]);
      return;
    }
    const el = n;
    switch (el.tag) {
      case 'p':
        this.paragraph(el.children);
        return;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const text = textOf(el.children).replace(/\s+/g, ' ').trim();
        if (text) this.blocks.push({ type: 'heading', level: el.tag <= 'h2' ? 2 : 3, text });
        return;
      }
      case 'blockquote': {
        const cite = el.children.find((c) => c.type === 'element' && c.tag === 'cite');
        const rest = el.children.filter((c) => c !== cite);
        const text = textOf(rest)
          .replace(/[ \t]+/g, ' ')
          .replace(/\n{2,}/g, '\n')
          .trim();
        if (text) {
          const citeText = cite ? textOf([cite]).trim() : '';
          this.blocks.push(
            citeText ? { type: 'quote', text, cite: citeText } : { type: 'quote', text },
          );
        }
        return;
      }
      case 'ul':
      case 'ol': {
        const items = el.children
          .filter((c): c is HtmlElement => c.type === 'element' && c.tag === 'li')
          .map((li) => tidy(this.runs(li.children)))
          .filter((r) => r.length);
        if (items.length) this.blocks.push({ type: 'list', ordered: el.tag === 'ol', items });
        return;
      }
      case 'img':
        this.image(imageFrom(el));
        return;
      case 'figure': {
        const img = findEl(el.children, 'img');
        const cap = findEl(el.children, 'figcaption');
        if (img) {
          const image = imageFrom(img);
          if (!image.attachmentId && el.attrs['data-attachment'])
            image.attachmentId = el.attrs['data-attachment'];
          this.image(image, cap ? textOf(cap.children) : undefined);
          // A gallery figure holds several images.
          for (const more of allEls(el.children, 'img').slice(1)) this.image(imageFrom(more));
          return;
        }
        for (const c of el.children) this.node(c);
        return;
      }
      case 'wp-embed':
      case 'iframe': {
        const url = el.attrs.url ?? el.attrs.src ?? '';
        const embed = embedOf(url.replace(/^\/\//, 'https://'));
        if (embed) {
          this.blocks.push(embed);
          return;
        }
        this.unmapped.push(`${el.tag === 'iframe' ? '<iframe>' : 'embed'} ${hostOf(url)}`);
        // The frame itself is never rendered: its address stays as a link in an html block.
        const href = url.replace(/^\/\//, 'https://');
        if (/^https?:\/\//i.test(href)) {
          const link: HtmlElement = {
            type: 'element',
            tag: 'a',
            attrs: { href },
            children: [{ type: 'text', text: el.attrs.title?.trim() || href }],
          };
          this.html(
            [{ type: 'element', tag: 'p', attrs: {}, children: [link] }],
            el.tag === 'iframe' ? 'iframe' : 'embed',
          );
        }
        return;
      }
      case 'table':
        this.unmapped.push('<table>');
        this.html([el], 'table');
        return;
      case 'wp-shortcode': {
        const name = el.attrs.name ?? '?';
        this.unmapped.push(`[${name}]`);
        const open: HtmlNode = { type: 'text', text: safeDecode(el.attrs.raw) ?? `[${name}]` };
        const code: HtmlElement = { type: 'element', tag: 'code', attrs: {}, children: [open] };
        this.html(
          [{ type: 'element', tag: 'p', attrs: {}, children: [code] }, ...el.children],
          `[${name}]`,
        );
        return;
      }
      case 'hr':
      case 'br':
        return;
      case 'script':
      case 'style':
        this.unmapped.push(`<${el.tag}>`);
        return;
      case 'pre':
        this.textBlock(textOf(el.children));
        return;
      case 'div':
      case 'section':
      case 'article':
      case 'center':
      case 'figcaption':
      case 'main':
      case 'aside':
        for (const c of el.children) this.node(c);
        return;
      default:
        if (INLINE.has(el.tag)) {
          this.paragraph([el]);
          return;
        }
        this.unmapped.push(`<${el.tag}>`);
        this.textBlock(textOf(el.children));
    }
  }
}

const INLINE = new Set([
  'a',
  'strong',
  'b',
  'em',
  'i',
  'span',
  'u',
  'small',
  'sup',
  'sub',
  'mark',
  'abbr',
  'code',
  'cite',
]);

function findEl(nodes: HtmlNode[], tag: string): HtmlElement | undefined {
  return allEls(nodes, tag)[0];
}
function allEls(nodes: HtmlNode[], tag: string, out: HtmlElement[] = []): HtmlElement[] {
  for (const n of nodes) {
    if (n.type !== 'element') continue;
    if (n.tag === tag) out.push(n);
    allEls(n.children, tag, out);
  }
  return out;
}
function safeDecode(s: string | undefined): string | undefined {
  try {
    return s === undefined ? undefined : decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
function hostOf(url: string): string {
  try {
    return new URL(url.replace(/^\/\//, 'https://')).host || '?';
  } catch {
    return '?';
  }
}

/** Merges neighbouring runs with the same marks and trims the paragraph's ends. */
function tidy(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && (prev.marks ?? []).join() === (r.marks ?? []).join() && prev.href === r.href)
      prev.text += r.text;
    else out.push({ ...r });
  }
  const first = out[0];
  if (first) first.text = first.text.replace(/^[\s\u00a0]+/, '');
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/[\s\u00a0]+$/, '');
  for (const r of out) r.text = r.text.replace(/ *\n */g, '\n');
  return out.filter((r) => r.text !== '');
}
