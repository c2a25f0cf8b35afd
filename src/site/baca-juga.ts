/**
 * Placement of inline "Baca juga" (read also) links inside an article body.
 * Links only sit between two paragraphs, never crowd the lede, and are spread
 * through the body rather than bunched at the top.
 *
 * An editor may also place links by hand (a `related` block in the body).
 * Decision: when the body holds at least one placed link that readers can see,
 * those are the article's only inline links and no automatic ones are added:
 * the editor chose where the reader's attention goes, and automatic links
 * squeezed between hand-placed ones would crowd them. Placed links whose
 * article is not visible (unpublished, deleted, not yet due) render nothing
 * and do not count, so a body whose placed links all went dark gets the
 * automatic ones again.
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
  body: Block[],
  related: InlineRelated[],
  opts: {
    selfId: number;
    max?: number;
    /** The visible articles the body's placed `related` blocks may point to. */
    placed?: InlineRelated[];
  },
): BodyItem[] {
  const visible = new Map((opts.placed ?? []).map((p) => [p.id, p]));
  const shown = new Set<number>();
  const placedItems: BodyItem[] = [];
  body.forEach((block, index) => {
    if (block.type !== 'related') {
      placedItems.push({ kind: 'block', block, index });
      return;
    }
    const item = visible.get(block.articleId);
    if (!item || item.id === opts.selfId || shown.has(item.id)) return;
    shown.add(item.id);
    placedItems.push({ kind: 'related', item });
  });
  if (shown.size > 0) return placedItems;
  // No placed link to show: automatic ones, between the remaining blocks.
  const blocks = body.filter((b) => b.type !== 'related');
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
