import type { Block } from '../../content/blocks.ts';

/**
 * The article fields found in a converted body's text: a dateline before the
 * first paragraph, byline initials at the end of the last one and a wire
 * credit line ("Sumber: Antara"), each moved out of the blocks.
 */

/** What `recognise` moves out of the blocks into the article's fields. */
export interface BodyFields {
  dateline: string;
  bylineInitials: string;
  sourceCredit: string;
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
export function recognise(blocks: Block[]): BodyFields {
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
