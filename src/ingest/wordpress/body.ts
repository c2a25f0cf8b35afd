import type { Block, EmbedBlock, ImageBlock, TextRun } from '../../content/blocks.ts';
import { sanitizeHtmlBlock } from '../../content/html-block.ts';
import {
  decodeEntities,
  type HtmlElement,
  type HtmlNode,
  parseHtml,
  textOf,
  toHtml,
} from './html.ts';

/**
 * WordPress post body → Warta blocks. Gutenberg block comments and classic
 * editor HTML (bare paragraphs split by blank lines, `[caption]`, `<img>` in
 * paragraphs) both end up as paragraphs, headings, quotes, lists, images and
 * embeds. What has no Warta block (a table, an unknown shortcode, an iframe
 * from an unknown host) becomes a sanitised `html` block (an iframe only as a
 * link to its address, never rendered) and is listed in `unmapped`, so
 * nothing disappears without a report line.
 */

/** An image the body uses; the importer turns it into a media id. */
export interface BodyImage {
  src: string;
  /** WordPress attachment id from `wp-image-N` / `attachment_N`, when present. */
  attachmentId?: string;
  caption?: string;
  alt?: string;
}

export interface ConvertedBody {
  blocks: Block[];
  dateline: string;
  bylineInitials: string;
  sourceCredit: string;
  /** Short descriptions of what was kept as an html block or text (table, shortcode, iframe…). */
  unmapped: string[];
}

type ImageResolver = (img: BodyImage) => Promise<number | null>;

const EMBED_HOSTS: [RegExp, EmbedBlock['provider']][] = [
  [/^https?:\/\/(?:www\.|m\.)?(?:youtube\.com|youtu\.be|youtube-nocookie\.com)\//i, 'youtube'],
  [/^https?:\/\/(?:www\.|mobile\.)?(?:twitter\.com|x\.com)\//i, 'x'],
  [/^https?:\/\/(?:www\.)?instagram\.com\//i, 'instagram'],
];

function embedOf(url: string): EmbedBlock | null {
  for (const [re, provider] of EMBED_HOSTS)
    if (re.test(url)) return { type: 'embed', provider, url };
  return null;
}

/** Turns `[caption]`, `[embed]` and `[gallery ids]` into elements; other shortcodes into markers. */
function expandShortcodes(html: string, unmapped: string[]): string {
  let out = html.replace(
    /\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi,
    (_m, attrs: string, inner: string) => {
      const id = /id="attachment_(\d+)"/i.exec(attrs)?.[1] ?? '';
      return `<figure data-attachment="${id}">${inner.replace(/(<img[^>]*>|<\/a>)\s*([^<]+)$/i, '$1<figcaption>$2</figcaption>')}</figure>`;
    },
  );
  out = out.replace(
    /\[embed\]([^[]+)\[\/embed\]/gi,
    (_m, url: string) => `<wp-embed url="${url.trim()}"></wp-embed>`,
  );
  out = out.replace(/\[gallery([^\]]*)\]/gi, (_m, attrs: string) => {
    const ids =
      /ids="([\d,\s]+)"/i
        .exec(attrs)?.[1]
        ?.split(',')
        .map((s) => s.trim()) ?? [];
    if (ids.length === 0) {
      unmapped.push('[gallery]');
      return '';
    }
    return ids.map((id) => `<img class="wp-image-${id}" src="">`).join('');
  });
  // Any other shortcode: kept (with what it wraps) as an html block, reported by the converter.
  out = out.replace(
    /\[([a-z][\w-]*)([^\]]*)\]([\s\S]*?)\[\/\1\]/gi,
    (m, name: string, _a: string, inner: string) =>
      `<wp-shortcode name="${name}" raw="${encodeURIComponent(m.slice(0, m.length - inner.length - name.length - 3))}">${inner}</wp-shortcode>`,
  );
  out = out.replace(
    /\[([a-z][\w-]*)([^\]]*)\]/gi,
    (m, name: string) =>
      `<wp-shortcode name="${name}" raw="${encodeURIComponent(m)}"></wp-shortcode>`,
  );
  out = out.replace(/\[\/[a-z][\w-]*\]/gi, '');
  return out;
}

/** Gutenberg: embeds become `<wp-embed>`, every other block comment goes. */
function flattenGutenberg(html: string): string {
  return html
    .replace(
      /<!--\s*wp:(?:core-)?embed(?:\/[\w-]+)?\s+(\{[\s\S]*?\})\s*\/?-->[\s\S]*?(?:<!--\s*\/wp:(?:core-)?embed(?:\/[\w-]+)?\s*-->|$)/g,
      (m, json: string) => {
        try {
          const url = (JSON.parse(json) as { url?: string }).url;
          return url ? `<wp-embed url="${url.replace(/"/g, '&quot;')}"></wp-embed>` : m;
        } catch {
          return m;
        }
      },
    )
    .replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '\n\n');
}

/** Classic editor text: blank lines separate paragraphs (what wpautop does on display). */
function autop(html: string): string {
  const blocks = html.split(/\n\s*\n/);
  return blocks
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) =>
      /^<(?:p|div|h[1-6]|ul|ol|blockquote|figure|table|pre|hr|iframe|wp-embed|wp-shortcode|section|script|style)\b/i.test(
        b,
      )
        ? b
        : `<p>${b.replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
}

function imageFrom(el: HtmlElement): BodyImage {
  const cls = el.attrs.class ?? '';
  const id = /wp-image-(\d+)/.exec(cls)?.[1];
  return { src: el.attrs.src ?? '', attachmentId: id, alt: el.attrs.alt };
}

class Converter {
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

const DATELINE =
  /^([A-ZÀ-Þ][A-ZÀ-Þ .'-]{1,40}),\s*([^\s,–—]{2,40}(?:\s[^\s,–—]{1,20})?)\s*(?:–|—|-{1,2})\s*/u;
const INITIALS = /\s*\(([a-z]{2,6}(?:\/[\w. ]{1,20}){0,3})\)\s*$/i;
const WIRE = /^(?:sumber|source)\s*:\s*(.{2,80})$/i;

/** Plain text of a paragraph block. */
const paragraphText = (b: Block | undefined): string | null =>
  b?.type === 'paragraph' ? b.content.map((r) => r.text).join('') : null;

/**
 * Recognises a dateline before the first paragraph, byline initials at the
 * end of the last one, and a wire credit line ("Sumber: Antara") as the last
 * paragraph, moving each into its field.
 */
function recognise(
  blocks: Block[],
): Pick<ConvertedBody, 'dateline' | 'bylineInitials' | 'sourceCredit'> {
  let dateline = '';
  let bylineInitials = '';
  let sourceCredit = '';
  const firstIdx = blocks.findIndex((b) => b.type === 'paragraph');
  const first = blocks[firstIdx];
  if (
    first?.type === 'paragraph' &&
    first.content[0] &&
    !first.content[0].marks?.includes('link')
  ) {
    const m = DATELINE.exec(first.content[0].text);
    if (m?.[1]) {
      dateline = m[1].trim();
      first.content[0].text = first.content[0].text.slice(m[0].length);
      if (!first.content[0].text) first.content.shift();
      if (first.content.length === 0) blocks.splice(firstIdx, 1);
    }
  }
  const lastParagraph = () => {
    for (let i = blocks.length - 1; i >= 0; i--) if (blocks[i]?.type === 'paragraph') return i;
    return -1;
  };
  for (let round = 0; round < 2; round++) {
    const i = lastParagraph();
    const block = blocks[i];
    const text = paragraphText(block)?.trim() ?? '';
    if (block?.type !== 'paragraph') break;
    const wire = WIRE.exec(text);
    if (!sourceCredit && wire?.[1]) {
      sourceCredit = wire[1].replace(/[.)\s]+$/, '').trim();
      blocks.splice(i, 1);
      continue;
    }
    const tail = block.content[block.content.length - 1];
    const init = tail ? INITIALS.exec(tail.text) : null;
    if (!bylineInitials && tail && init?.[1]) {
      bylineInitials = init[1];
      tail.text = tail.text.slice(0, init.index).trimEnd();
      if (!tail.text) block.content.pop();
      if (block.content.length === 0) blocks.splice(i, 1);
      continue;
    }
    break;
  }
  return { dateline, bylineInitials, sourceCredit };
}

/**
 * Converts a post's `content:encoded` to blocks. Images are handed to
 * `resolveImage` (which stores them through the media pipeline); an image it
 * cannot resolve is left out of the body and reported by the resolver.
 */
export async function convertBody(
  html: string,
  resolveImage: ImageResolver,
): Promise<ConvertedBody> {
  const unmapped: string[] = [];
  const gutenberg = /<!--\s*wp:/.test(html);
  let source = html.replace(/\r\n?/g, '\n');
  source = gutenberg ? flattenGutenberg(source) : source;
  source = expandShortcodes(source, unmapped);
  // A bare YouTube/X/Instagram URL on its own line is an oEmbed in WordPress.
  source = source.replace(/^(https?:\/\/\S+)$/gm, (line) =>
    embedOf(line) ? `<wp-embed url="${line}"></wp-embed>` : line,
  );
  if (!gutenberg) source = autop(source);
  const conv = new Converter(unmapped);
  for (const node of parseHtml(source)) conv.node(node);
  for (const p of conv.pending) {
    const id = await resolveImage(p.img);
    if (id) {
      p.block.mediaId = id;
      if (p.img.caption) p.block.caption = p.img.caption;
      if (p.img.alt?.trim()) p.block.alt = p.img.alt.trim();
    }
  }
  const blocks = conv.blocks.filter((b) => b.type !== 'image' || b.mediaId > 0);
  const fields = recognise(blocks);
  return { blocks, ...fields, unmapped: [...new Set(unmapped)] };
}

/** The excerpt as one plain line (the article's deck). */
export function excerptText(html: string): string {
  return decodeEntities(textOf(parseHtml(html)))
    .replace(/\s+/g, ' ')
    .trim();
}
