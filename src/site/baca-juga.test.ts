import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Block, paragraph } from '../content/blocks.ts';
import { type BodyItem, type InlineRelated, placeInlineRelated } from './baca-juga.ts';

const P = (): Block => paragraph('Teks paragraf.');
const IMG: Block = { type: 'image', mediaId: 1 };
const H2: Block = { type: 'heading', level: 2, text: 'Subjudul' };
const QUOTE: Block = { type: 'quote', text: 'Kutipan' };
const LIST: Block = { type: 'list', ordered: false, items: [[{ text: 'butir' }]] };
const EMBED: Block = { type: 'embed', provider: 'youtube', url: 'https://youtu.be/x' };

const paragraphs = (n: number): Block[] => Array.from({ length: n }, P);
const rel = (...ids: number[]): InlineRelated[] =>
  ids.map((id) => ({ id, headline: `Berita ${id}`, url: `/berita-${id}` }));

/** Compact picture of a body: `p` paragraph, first letter of other block types, `R<id>` link. */
function shape(items: BodyItem[]): string {
  return items
    .map((x) =>
      x.kind === 'related' ? `R${x.item.id}` : x.block.type === 'paragraph' ? 'p' : x.block.type[0],
    )
    .join(' ');
}

const relatedIds = (items: BodyItem[]): number[] =>
  items.flatMap((x) => (x.kind === 'related' ? [x.item.id] : []));

describe('placeInlineRelated', () => {
  it('inserts only between two paragraphs, never next to other blocks', () => {
    for (const other of [IMG, H2, QUOTE, LIST, EMBED]) {
      // The only paragraph-paragraph slot with two paragraphs ahead is after the 3rd paragraph.
      const blocks = [P(), P(), other, P(), P(), other, P()];
      const o = other.type[0];
      expect(shape(placeInlineRelated(blocks, rel(1), { selfId: 0 }))).toBe(
        `p p ${o} p R1 p ${o} p`,
      );
      const none = [P(), P(), other, P(), other, P(), other];
      expect(relatedIds(placeInlineRelated(none, rel(1), { selfId: 0 }))).toEqual([]);
    }
  });

  it('never inserts at the very start or after the last block', () => {
    expect(shape(placeInlineRelated(paragraphs(2), rel(1), { selfId: 0 }))).toBe('p p');
    expect(shape(placeInlineRelated([], rel(1), { selfId: 0 }))).toBe('');
    expect(shape(placeInlineRelated(paragraphs(3), rel(1), { selfId: 0 }))).toBe('p p R1 p');
  });

  it('puts at least two paragraphs before the first link', () => {
    // Slots after the first paragraph exist but are too early.
    expect(shape(placeInlineRelated([P(), P(), IMG, P()], rel(1), { selfId: 0 }))).toBe('p p i p');
    expect(shape(placeInlineRelated([H2, P(), P(), QUOTE, P()], rel(1), { selfId: 0 }))).toBe(
      'h p p q p',
    );
    expect(shape(placeInlineRelated([P(), IMG, P(), P(), P()], rel(1), { selfId: 0 }))).toBe(
      'p i p R1 p p',
    );
  });

  it('keeps at least two paragraphs between two links', () => {
    expect(shape(placeInlineRelated(paragraphs(5), rel(1, 2, 3), { selfId: 0 }))).toBe(
      'p p R1 p p R2 p',
    );
    expect(shape(placeInlineRelated(paragraphs(7), rel(1, 2, 3), { selfId: 0 }))).toBe(
      'p p R1 p p R2 p p R3 p',
    );
  });

  it('inserts at most `max` links, 3 by default', () => {
    const body = paragraphs(30);
    expect(relatedIds(placeInlineRelated(body, rel(1, 2, 3, 4, 5), { selfId: 0 }))).toEqual([
      1, 2, 3,
    ]);
    expect(relatedIds(placeInlineRelated(body, rel(1, 2, 3, 4, 5), { selfId: 0, max: 5 }))).toEqual(
      [1, 2, 3, 4, 5],
    );
    expect(relatedIds(placeInlineRelated(body, rel(1, 2, 3), { selfId: 0, max: 1 }))).toEqual([1]);
    expect(relatedIds(placeInlineRelated(body, rel(1, 2, 3), { selfId: 0, max: 0 }))).toEqual([]);
    expect(relatedIds(placeInlineRelated(body, rel(1, 2, 3), { selfId: 0, max: -2 }))).toEqual([]);
  });

  it('never inserts more links than there are related items', () => {
    expect(relatedIds(placeInlineRelated(paragraphs(30), rel(7), { selfId: 0 }))).toEqual([7]);
    expect(relatedIds(placeInlineRelated(paragraphs(30), [], { selfId: 0 }))).toEqual([]);
  });

  it('skips the article itself', () => {
    expect(relatedIds(placeInlineRelated(paragraphs(30), rel(9, 1, 2), { selfId: 9 }))).toEqual([
      1, 2,
    ]);
    expect(relatedIds(placeInlineRelated(paragraphs(30), rel(9), { selfId: 9 }))).toEqual([]);
  });

  it('skips duplicate ids, keeping the first occurrence', () => {
    const items = [...rel(1, 2), { id: 1, headline: 'lagi', url: '/lagi' }, ...rel(2, 3)];
    const out = placeInlineRelated(paragraphs(30), items, { selfId: 0 });
    expect(relatedIds(out)).toEqual([1, 2, 3]);
    expect(out.find((x) => x.kind === 'related')).toMatchObject({ item: { headline: 'Berita 1' } });
  });

  it('keeps the given order of related items', () => {
    expect(relatedIds(placeInlineRelated(paragraphs(30), rel(5, 3, 8, 1), { selfId: 0 }))).toEqual([
      5, 3, 8,
    ]);
  });

  it('spreads links evenly when the body has room to spare', () => {
    // 20 paragraphs, 3 links: gap floor(20 / 4) = 5, first link as early as allowed.
    const out = placeInlineRelated(paragraphs(20), rel(1, 2, 3), { selfId: 0 });
    const positions = out.flatMap((x, i) => (x.kind === 'related' ? [i] : []));
    // Item positions include earlier links: paragraphs before are 2, 7 and 12.
    expect(positions).toEqual([2, 8, 14]);
  });

  it('falls back to tighter spacing rather than dropping links', () => {
    // 12 paragraphs, but only the first seven are adjacent: the even gap of 3 fits
    // just two links, so the gap shrinks to 2 to place all three.
    const blocks = [...paragraphs(7), IMG, P(), IMG, P(), IMG, P(), IMG, P(), IMG, P()];
    expect(shape(placeInlineRelated(blocks, rel(1, 2, 3), { selfId: 0 }))).toBe(
      'p p R1 p p R2 p p R3 p i p i p i p i p i p',
    );
  });

  it('keeps block indexes and identities', () => {
    const blocks = [P(), H2, P(), P(), P()];
    const out = placeInlineRelated(blocks, rel(1), { selfId: 0 });
    const kept = out.flatMap((x) => (x.kind === 'block' ? [x] : []));
    expect(kept.map((x) => x.index)).toEqual([0, 1, 2, 3, 4]);
    kept.forEach((x, i) => {
      expect(x.block).toBe(blocks[i]);
    });
  });
});

// ---- property test ----------------------------------------------------------

const blockArb: fc.Arbitrary<Block> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null).map(P) },
  { weight: 1, arbitrary: fc.constantFrom(IMG, H2, QUOTE, LIST, EMBED) },
);
const relatedArb = fc.array(
  fc.record({ id: fc.integer({ min: 1, max: 8 }), headline: fc.string(), url: fc.string() }),
  { maxLength: 8 },
);

/** Brute force: most links placeable (ignoring max) under the paragraph rules. */
function bruteForceMostLinks(blocks: Block[]): number {
  const before = [0];
  for (const b of blocks) before.push((before.at(-1) ?? 0) + (b.type === 'paragraph' ? 1 : 0));
  const slots: number[] = [];
  for (let i = 1; i < blocks.length; i++) {
    if (blocks[i - 1]?.type === 'paragraph' && blocks[i]?.type === 'paragraph') slots.push(i);
  }
  let best = 0;
  for (let mask = 0; mask < 1 << slots.length; mask++) {
    const chosen = slots.filter((_, k) => mask & (1 << k)).map((s) => before[s] ?? 0);
    const ok = chosen.every((p, k) => (k === 0 ? p >= 2 : p - (chosen[k - 1] ?? 0) >= 2));
    if (ok) best = Math.max(best, chosen.length);
  }
  return best;
}

describe('placeInlineRelated (property)', () => {
  it('obeys every placement rule on random bodies', () => {
    fc.assert(
      fc.property(
        fc.array(blockArb, { maxLength: 14 }),
        relatedArb,
        fc.integer({ min: 0, max: 8 }),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        (blocks, related, selfId, max) => {
          const out = placeInlineRelated(blocks, related, { selfId, max });

          // Every original block exactly once, in order, with its index.
          const kept = out.flatMap((x) => (x.kind === 'block' ? [x] : []));
          expect(kept.map((x) => x.index)).toEqual(blocks.map((_, i) => i));
          kept.forEach((x, i) => {
            expect(x.block).toBe(blocks[i]);
          });

          // Links only between two paragraphs, never first or last.
          let paragraphsSoFar = 0;
          let lastLinkAt: number | undefined;
          out.forEach((x, i) => {
            if (x.kind === 'block') {
              if (x.block.type === 'paragraph') paragraphsSoFar++;
              return;
            }
            const prev = out[i - 1];
            const next = out[i + 1];
            expect(prev?.kind === 'block' && prev.block.type === 'paragraph').toBe(true);
            expect(next?.kind === 'block' && next.block.type === 'paragraph').toBe(true);
            // Two paragraphs before the first, two between consecutive links.
            expect(paragraphsSoFar - (lastLinkAt ?? 0)).toBeGreaterThanOrEqual(2);
            lastLinkAt = paragraphsSoFar;
          });

          // Count, self, duplicates and order.
          const ids = relatedIds(out);
          const candidates: number[] = [];
          for (const r of related) {
            if (r.id !== selfId && !candidates.includes(r.id)) candidates.push(r.id);
          }
          const limit = Math.min(max ?? 3, candidates.length);
          expect(ids.length).toBeLessThanOrEqual(limit);
          expect(ids).not.toContain(selfId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids).toEqual(candidates.slice(0, ids.length));

          // And no link is dropped that could have been placed.
          expect(ids.length).toBe(Math.min(limit, bruteForceMostLinks(blocks)));
        },
      ),
      { numRuns: 400 },
    );
  });
});
