import type { Generated } from 'kysely';

/**
 * Table types of reader comments and their moderation: the comments (declared
 * in parts, one per migration that added columns), spent challenge nonces,
 * bans, word lists, comment settings and reader reports.
 */

export interface CommentTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  author_name: string;
  body: string;
  status: 'pending' | 'approved' | 'spam' | 'trash';
  created_at: number;
  /** Keyed hash of the normalised email (never the address itself). */
  email_hash: Generated<string>;
  /** Keyed hash of the normalised text; with article and email it is unique (no duplicates). */
  body_hash: string | null;
  website: Generated<string>;
  /** Keyed hash of the client address; NULL after the retention period. */
  ip_hash: string | null;
  /** JSON array of the reasons the pipeline held the comment. */
  held_reasons: Generated<string>;
  report_count: Generated<number>;
  depth: Generated<number>;
  /** Reply-notification address, encrypted; only when the reader opted in. */
  notify_email: string | null;
  updated_at: Generated<number>;
  moderated_by: number | null;
}

// --- Comments (migration 007) ----------------------------------------------

export interface CommentChallengeSpentTable {
  /** The challenge nonce; the primary key makes "check and mark as used" one insert. */
  nonce: string;
  expires_at: number;
}

export interface CommentBanTable {
  id: Generated<number>;
  kind: 'email' | 'ip';
  /** Keyed hash, never the address. */
  hash: string;
  note: string;
  created_by: number | null;
  created_at: number;
}

export interface CommentWordTable {
  id: Generated<number>;
  kind: 'banned' | 'suspect';
  word: string;
}

export interface CommentSettingTable {
  key: string;
  /** JSON value. */
  value: string;
  updated_at: number;
}

export interface CommentReportTable {
  comment_id: number;
  /** Keyed hash of the reporter's address. */
  reporter_hash: string;
  created_at: number;
}

// --- Imported comments (migration 009-wordpress-import) ----------------------

/** Added to comments by migration 009: the imported comment's old anchor, '' for Warta's own. */
export interface CommentTable {
  legacy_anchor: Generated<string>;
}

// --- Staff comments (migration 012) -----------------------------------------

export interface CommentTable {
  /** The staff account that wrote the comment (imported WordPress comments), else null. */
  user_id: Generated<number | null>;
}
