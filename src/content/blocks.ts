/**
 * The article body is a list of structured blocks, never an HTML blob.
 * Rendering to HTML happens on the server (site/views), so every text is escaped
 * by the view layer and only these shapes can ever reach a page.
 */
export type InlineMark = 'bold' | 'italic' | 'link';

/** A run of text; `href` only with the `link` mark. */
export interface TextRun {
  text: string;
  marks?: InlineMark[];
  href?: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  content: TextRun[];
}

export interface HeadingBlock {
  type: 'heading';
  level: 2 | 3;
  text: string;
}

export interface QuoteBlock {
  type: 'quote';
  text: string;
  /** Who said it, shown under the quote when present. */
  cite?: string;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: TextRun[][];
}

export interface ImageBlock {
  type: 'image';
  mediaId: number;
  caption?: string;
  credit?: string;
  alt?: string;
}

export interface EmbedBlock {
  type: 'embed';
  provider: 'youtube' | 'x' | 'instagram';
  url: string;
  title?: string;
}

/**
 * Content with no structured block (a table, an imported widget), stored as
 * HTML already cleaned by `sanitizeHtmlBlock` (content/html-block.ts) and
 * cleaned again when rendered. `label` says where it came from (e.g. "table").
 */
export interface HtmlBlock {
  type: 'html';
  html: string;
  label?: string;
}

/**
 * A "Baca juga" link the editor placed at this point of the body, to another
 * article by id. The page shows it as "Baca juga: <headline>" while that
 * article is visible to readers, and nothing otherwise (site/baca-juga.ts).
 */
export interface RelatedBlock {
  type: 'related';
  articleId: number;
}

export type Block =
  | ParagraphBlock
  | HeadingBlock
  | QuoteBlock
  | ListBlock
  | ImageBlock
  | EmbedBlock
  | HtmlBlock
  | RelatedBlock;

/** Shorthand for the most common block, used by demo content and tests. */
export function paragraph(text: string): ParagraphBlock {
  return { type: 'paragraph', content: [{ text }] };
}
