import { diffWords } from 'diff';
import type { Block } from './blocks.ts';
import type { ArticleEdit } from './editable.ts';

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

/**
 * What the diff calls things by instead of their ids: headlines of linked
 * articles, captions of photos, names of sections, and the labels in the
 * reader's language ("Baca juga", "Foto utama", "Foto"). Looked up by the
 * caller (the history route) so the diff itself stays pure.
 */
export interface DiffNames {
  headline: (articleId: number) => string | undefined;
  caption: (mediaId: number) => string | undefined;
  section: (sectionId: number) => string | undefined;
  labels: { readAlso: string; featured: string; photo: string };
}

/** Ids only: what the diff shows when nothing was looked up. */
const NO_NAMES: DiffNames = {
  headline: () => undefined,
  caption: () => undefined,
  section: () => undefined,
  labels: { readAlso: 'Baca juga', featured: 'Foto utama', photo: 'Foto' },
};

/** Every article, photo and section id two snapshots mention (for the caller's lookups). */
export function referencedIds(...edits: ArticleEdit[]) {
  const articles = new Set<number>();
  const media = new Set<number>();
  const sections = new Set<number>();
  for (const e of edits) {
    sections.add(e.sectionId);
    for (const p of e.pins) articles.add(p);
    if (e.featured.mediaId != null) media.add(e.featured.mediaId);
    for (const b of e.body) {
      if (b.type === 'related') articles.add(b.articleId);
      if (b.type === 'image') media.add(b.mediaId);
    }
  }
  return { articles: [...articles], media: [...media], sections: [...sections] };
}

const readAlso = (n: DiffNames, id: number) =>
  `${n.labels.readAlso}: ${n.headline(id) ?? `#${id}`}`;

/** Plain text of a block for diffs and word counts (no marks, no URLs). */
function blockText(b: Block, n: DiffNames): string {
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
    case 'image': {
      const caption = b.caption || n.caption(b.mediaId) || `#${b.mediaId}`;
      return `[${n.labels.photo}: ${caption}${b.credit ? ` (${b.credit})` : ''}]`;
    }
    case 'related':
      return `[${readAlso(n, b.articleId)}]`;
    case 'embed':
      return `[${b.provider}: ${b.url}]`;
    case 'html':
      return `[html${b.label ? ` ${b.label}` : ''}: ${b.html}]`;
  }
}

/** The plain text of each field, as a person reads it in a diff. */
function fieldTexts(e: ArticleEdit, n: DiffNames): Record<DiffField, string> {
  const featured = e.featured.mediaId;
  return {
    headline: e.headline,
    deck: e.deck,
    slug: e.slug,
    sectionId: n.section(e.sectionId) ?? String(e.sectionId),
    body: e.body.map((b) => blockText(b, n)).join('\n\n'),
    dateline: e.dateline,
    sourceCredit: e.sourceCredit,
    bylineInitials: e.bylineInitials,
    tags: e.tags.join(', '),
    bylines: e.bylines.join(', '),
    // The library's caption names the photo itself (the article's own caption is a field of its own).
    featuredImage:
      featured == null
        ? ''
        : `${n.labels.featured}: ${n.caption(featured) || e.featured.caption || `#${featured}`}`,
    featuredCaption: e.featured.caption,
    featuredCredit: e.featured.credit,
    featuredAlt: e.featured.alt,
    featuredArchive: e.featured.archive ? '✓' : '',
    pins: e.pins.map((p) => readAlso(n, p)).join('\n'),
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
  names: DiffNames = NO_NAMES,
): { field: DiffField; parts: DiffPart[] }[] {
  const a = fieldTexts(older, names);
  const b = fieldTexts(newer, names);
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
