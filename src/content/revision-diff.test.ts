import { describe, expect, it } from 'vitest';
import type { ArticleEdit } from './editable.ts';
import { diffSnapshots } from './revision-diff.ts';

const edit = (body: string[], headline = 'Jalan desa'): ArticleEdit => ({
  headline,
  deck: '',
  slug: '',
  sectionId: 1,
  body: body.map((text) => ({ type: 'paragraph', content: [{ text }] })),
  dateline: '',
  sourceCredit: '',
  bylineInitials: '',
  tags: [],
  bylines: [],
  featured: { mediaId: null, caption: '', credit: '', alt: '', archive: false },
  pins: [],
  commentsOpen: true,
  seoTitle: '',
  seoDescription: '',
});

describe('revision diff', () => {
  it('diffs a small change word by word', () => {
    const out = diffSnapshots(edit(['Warga menambal jalan.']), edit(['Warga memperbaiki jalan.']));
    expect(out).toEqual([
      {
        field: 'body',
        parts: [
          { op: 'same', text: 'Warga ' },
          { op: 'del', text: 'menambal' },
          { op: 'ins', text: 'memperbaiki' },
          { op: 'same', text: ' jalan.' },
        ],
      },
    ]);
  });

  // Found by the XSS corpus (issue 9): two different 20,000-character bodies
  // kept the server's thread busy for 85 s while the history page was drawn.
  it('shows two very different long bodies as replaced whole, without a quadratic diff', () => {
    const words = (seed: number) =>
      Array.from({ length: 2500 }, (_, i) => `kata${(i * seed) % 7919}`).join(' ');
    const older = edit([words(31)]);
    const newer = edit([words(17)]);
    const out = diffSnapshots(older, newer);
    expect(out).toEqual([
      {
        field: 'body',
        parts: [
          { op: 'del', text: words(31) },
          { op: 'ins', text: words(17) },
        ],
      },
    ]);
  }, 20_000);
});
