import type { Block } from '../../content/blocks.ts';
import { type BodyImage, Converter } from './body-converter.ts';
import { type BodyFields, recognise } from './body-fields.ts';
import { autop, embedOf, expandShortcodes, flattenGutenberg } from './body-markup.ts';
import { decodeEntities, parseHtml, textOf } from './html.ts';

/**
 * WordPress post body → Warta blocks. Gutenberg block comments and classic
 * editor HTML (bare paragraphs split by blank lines, `[caption]`, `<img>` in
 * paragraphs) both end up as paragraphs, headings, quotes, lists, images and
 * embeds. What has no Warta block (a table, an unknown shortcode, an iframe
 * from an unknown host) becomes a sanitised `html` block (an iframe only as a
 * link to its address, never rendered) and is listed in `unmapped`, so
 * nothing disappears without a report line. This module runs the steps: the
 * markup rewrites are in body-markup.ts, the walk that builds blocks in
 * body-converter.ts, the dateline/initials/credit recognition in
 * body-fields.ts.
 */

export interface ConvertedBody extends BodyFields {
  blocks: Block[];
  /** Short descriptions of what was kept as an html block or text (table, shortcode, iframe…). */
  unmapped: string[];
}

type ImageResolver = (img: BodyImage) => Promise<number | null>;

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
