import type { Generated } from 'kysely';

/**
 * Table types shared by both dialects. Timestamps are epoch milliseconds
 * (INTEGER in SQLite, BIGINT in PostgreSQL, parsed to number), booleans are 0/1,
 * JSON is stored as text: one representation, so queries read the same on both.
 */

export interface SectionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  parent_id: number | null;
  position: number;
  description: string;
}

export interface TagTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface PersonTable {
  id: Generated<number>;
  slug: string;
  name: string;
  initials: string;
  title: string;
  bio: string;
}

export interface MediaTable {
  id: Generated<number>;
  /** Folder name under the media root: variants live at `<key>/<width>.<ext>`. */
  storage_key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  /** JSON: widths available for each format, e.g. {"webp":[320,640],"jpeg":[320,640]} */
  variants: string;
  caption: string;
  credit: string;
  alt: string;
  focal_x: number;
  focal_y: number;
  created_at: number;
}

export type ArticleStatus =
  | 'draft'
  | 'submitted'
  | 'approved'
  | 'scheduled'
  | 'published'
  | 'unpublished';

export interface ArticleTable {
  id: Generated<number>;
  slug: string;
  section_id: number;
  headline: string;
  deck: string;
  /** JSON array of Block. */
  body: string;
  status: ArticleStatus;
  dateline: string;
  source_credit: string;
  byline_initials: string;
  featured_media_id: number | null;
  featured_caption: string;
  featured_credit: string;
  featured_archive: number;
  featured_alt: string;
  comments_open: number;
  seo_title: string;
  seo_description: string;
  published_at: number | null;
  first_published_at: number | null;
  updated_at: number;
  created_at: number;
  /** Set when deleted: the page answers 410 Gone. */
  deleted_at: number | null;
  version: number;
}

export interface ArticleTagTable {
  article_id: number;
  tag_id: number;
  position: number;
}

export interface ArticleBylineTable {
  article_id: number;
  person_id: number;
  position: number;
}

export interface ArticlePinTable {
  article_id: number;
  related_id: number;
  position: number;
}

export interface CommentTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  author_name: string;
  body: string;
  status: 'pending' | 'approved' | 'spam' | 'trash';
  created_at: number;
}

export interface Database {
  sections: SectionTable;
  tags: TagTable;
  people: PersonTable;
  media: MediaTable;
  articles: ArticleTable;
  article_tags: ArticleTagTable;
  article_bylines: ArticleBylineTable;
  article_pins: ArticlePinTable;
  comments: CommentTable;
}
