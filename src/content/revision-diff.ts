import { diffWords } from 'diff';
import type { Block } from './blocks.ts';
import type { ArticleEdit } from './revisions.ts';

/**
 * A readable diff between two revision snapshots, for the history page: each
 * changed field as plain text with insertions and deletions marked.
 */

/** One piece of a field's diff: unchanged, inserted or deleted text. */
export interface DiffPart {
  op: 'same' | 'ins' | 'del';
  text: string;
}

export type DiffField =
  | Exclude<keyof ArticleEdit, 'featured'>
  | 'featuredCaption'
  | 'featuredCredit'
  | 'featuredAlt'
  | 'featuredImage'
  | 'featuredArchive';

/** Plain text of a block for diffs and word counts (no marks, no URLs). */
function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return b.content.map((r) => r.text).join('');
    case 'heading':
      return `## ${b.text}`;
    case 'quote':
      return `> ${b.text}${b.cite ? ` — ${b.cite}` : ''}`;
    case 'list':
      return b.items
        .map((runs, i) => `${b.ordered ? `${i + 1}.` : '•'} ${runs.map((r) => r.text).join('')}`)
        .join('\n');
    case 'image':
      return `[foto #${b.mediaId}${b.caption ? `: ${b.caption}` : ''}${b.credit ? ` (${b.credit})` : ''}]`;
    case 'embed':
      return `[${b.provider}: ${b.url}]`;
    case 'html':
      return `[html${b.label ? ` ${b.label}` : ''}: ${b.html}]`;
  }
}

/** The plain text of each field, as a person reads it in a diff. */
function fieldTexts(e: ArticleEdit): Record<DiffField, string> {
  return {
    headline: e.headline,
    deck: e.deck,
    slug: e.slug,
    sectionId: String(e.sectionId),
    body: e.body.map(blockText).join('\n\n'),
    dateline: e.dateline,
    sourceCredit: e.sourceCredit,
    bylineInitials: e.bylineInitials,
    tags: e.tags.join(', '),
    bylines: e.bylines.join(', '),
    featuredImage: e.featured.mediaId == null ? '' : `#${e.featured.mediaId}`,
    featuredCaption: e.featured.caption,
    featuredCredit: e.featured.credit,
    featuredAlt: e.featured.alt,
    featuredArchive: e.featured.archive ? '✓' : '',
    pins: e.pins.map((p) => `#${p}`).join(', '),
    commentsOpen: e.commentsOpen ? '✓' : '✗',
    seoTitle: e.seoTitle,
    seoDescription: e.seoDescription,
  };
}

/**
 * How far a field's word diff may go. The diff is quadratic in the number of
 * changed words and runs on the server's only thread: two very different
 * bodies of 20,000 characters took 85 s, and a body may be megabytes. Past
 * either bound the field shows as replaced whole.
 */
const DIFF_BOUNDS = { maxEditLength: 1000, timeout: 250 };

/**
 * A readable diff between two snapshots: for each field that changed, its
 * words as unchanged / inserted / deleted runs (the body as plain text of its
 * blocks, one paragraph per line).
 */
export function diffSnapshots(
  older: ArticleEdit,
  newer: ArticleEdit,
): { field: DiffField; parts: DiffPart[] }[] {
  const a = fieldTexts(older);
  const b = fieldTexts(newer);
  const out: { field: DiffField; parts: DiffPart[] }[] = [];
  for (const field of Object.keys(a) as DiffField[]) {
    if (a[field] === b[field]) continue;
    const changes = diffWords(a[field], b[field], DIFF_BOUNDS);
    const parts = changes
      ? changes.map(
          (c): DiffPart => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value }),
        )
      : [
          { op: 'del' as const, text: a[field] },
          { op: 'ins' as const, text: b[field] },
        ].filter((p) => p.text !== '');
    out.push({ field, parts });
  }
  return out;
}
