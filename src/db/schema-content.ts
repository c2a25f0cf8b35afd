import type { ColumnType, Generated } from 'kysely';

/**
 * Table types of the content itself: sections, tags, people, articles with
 * their tags, bylines and pinned related stories, the writing workflow's
 * revisions and edit locks, and the home page's lead slot. The article table
 * is declared in parts, one per migration that added columns (interface
 * merging), so each part stays next to the migration it came from.
 */

export interface SectionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  parent_id: number | null;
  position: number;
  description: string;
  /** 1: left out of the menus (its page and articles still answer); migration 013. */
  hidden: Generated<number>;
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

// --- Writing workflow (migration 005) -------------------------------------

/** Workflow columns added to articles by migration 005 (interface merging). */
export interface ArticleTable {
  /** The staff user who created the article (null for imported and demo stories). */
  author_id: number | null;
  scheduled_at: number | null;
  submitted_at: number | null;
  /** The editor's note when an article goes back to draft. */
  editor_note: Generated<string>;
  /**
   * The id an article had where it came from (migration 004): the JSON Lines
   * import's `id`, `demo:<story key>` for the demo. Makes imports idempotent.
   */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export type RevisionKind = 'autosave' | 'save' | 'restore';

export interface RevisionTable {
  id: Generated<number>;
  article_id: number;
  /** The article's version after this save. */
  version: number;
  /** JSON of every editable field, body included (see content/revisions.ts). */
  snapshot: string;
  author_id: number | null;
  kind: RevisionKind;
  created_at: number;
}

export interface ArticleLockTable {
  article_id: number;
  user_id: number;
  acquired_at: number;
  heartbeat_at: number;
}

// --- Home lead (migration 012) ---------------------------------------------

/** The story an editor put in the home page's lead slot ("Berita utama"). */
export interface HomeLeadTable {
  /** 'home' (one row per slot). */
  slot: string;
  article_id: number;
  /** Staff user who set it; null when the WordPress import set it (sticky post). */
  set_by: number | null;
  set_at: number;
}

// --- Workflow review and content time (migration 014) ------------------------

export interface ArticleTable {
  /** When the content last changed (not its status); null on rows written by older code. */
  modified_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** The editor who opened a submitted article; the writer may not withdraw it then. */
  review_started_by: ColumnType<number | null, number | null | undefined, number | null>;
}
