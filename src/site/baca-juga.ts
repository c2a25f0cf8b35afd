/**
 * Placement of inline "Baca juga" (read also) links inside an article body.
 * Links only sit between two paragraphs, never crowd the lede, and are spread
 * through the body rather than bunched at the top.
 */
import type { Block } from '../content/blocks.ts';

export interface InlineRelated {
  id: number;
  headline: string;
  url: string;
}

export type BodyItem =
  | { kind: 'block'; block: Block; index: number }
  | { kind: 'related'; item: InlineRelated };

/** Paragraphs that must precede the first link, and separate two links. */
const MIN_PARAGRAPH_GAP = 2;

/**
 * Inserts up to `max` (default 3) related links between paragraphs.
 *
 * Guarantees: every block appears exactly once and in order; a link only goes
 * between two paragraph blocks (never first or last); at least two paragraphs
 * precede the first link and separate any two links; `selfId` and repeated ids
 * are skipped and the remaining related items keep their given order. Among
 * placements with the most links, the one with the widest even spacing wins.
 */
export function placeInlineRelated(
  blocks: Block[],
  related: InlineRelated[],
  opts: { selfId: number; max?: number },
): BodyItem[] {
  const max = Math.max(0, Math.floor(Number.isFinite(opts.max) ? (opts.max as number) : 3));
  const seen = new Set<number>([opts.selfId]);
  const candidates: InlineRelated[] = [];
  for (const item of related) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    candidates.push(item);
  }
  const wanted = Math.min(max, candidates.length);

  // Slot i sits between blocks[i - 1] and blocks[i]; before[i] counts paragraphs ahead of it.
  const before: number[] = [0];
  let paragraphs = 0;
  for (const block of blocks) {
    if (block.type === 'paragraph') paragraphs++;
    before.push(paragraphs);
  }
  const allowed: number[] = [];
  for (let i = 1; i < blocks.length; i++) {
    const prev = blocks[i - 1];
    const next = blocks[i];
    const precede = before[i] ?? 0;
    if (prev?.type === 'paragraph' && next?.type === 'paragraph' && precede >= MIN_PARAGRAPH_GAP) {
      allowed.push(i);
    }
  }

  // Earliest-first greedy maximises the number of links for a given gap.
  const pick = (gap: number): number[] => {
    const chosen: number[] = [];
    let last = Number.NEGATIVE_INFINITY;
    for (const slot of allowed) {
      if (chosen.length >= wanted) break;
      const at = before[slot] ?? 0;
      if (at - last >= gap) {
        chosen.push(slot);
        last = at;
      }
    }
    return chosen;
  };

  let slots: number[] = [];
  if (wanted > 0) {
    const most = pick(MIN_PARAGRAPH_GAP).length;
    const even = Math.max(MIN_PARAGRAPH_GAP, Math.floor(paragraphs / (wanted + 1)));
    for (let gap = even; gap >= MIN_PARAGRAPH_GAP; gap--) {
      slots = pick(gap);
      if (slots.length === most) break;
    }
  }

  const out: BodyItem[] = [];
  let next = 0;
  blocks.forEach((block, index) => {
    const item = slots[next] === index ? candidates[next] : undefined;
    if (item) {
      out.push({ kind: 'related', item });
      next++;
    }
    out.push({ kind: 'block', block, index });
  });
  return out;
}
