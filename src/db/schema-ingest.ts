import type { Generated } from 'kysely';

/**
 * Table types of what comes in from outside: the WordPress import (id map,
 * runs and the legacy paths it redirects) and the wire desk (agency sources,
 * their items, near-duplicate signatures and the stories taken from them).
 */

// --- WordPress import (migration 009) --------------------------------------

export interface WpImportMapTable {
  /** The WordPress site's URL (`<wp:base_site_url>`), normalised. */
  site: string;
  /** 'post', 'comment', 'category', 'tag', 'author', 'attachment', 'file' (sha-256 of a file). */
  kind: string;
  wp_id: string;
  warta_id: number;
  created_at: number;
}

export type WpImportStatus = 'running' | 'done' | 'failed';

export interface WpImportRunTable {
  id: Generated<number>;
  site: string;
  file_name: string;
  status: WpImportStatus;
  dry_run: Generated<number>;
  /** JSON: imported / skipped / failed per kind. */
  counts: Generated<string>;
  /** JSON array of report entries (each skipped or changed thing with its reason). */
  report: Generated<string>;
  /** Why the run stopped (bad XML and its line), '' when it did not. */
  error: Generated<string>;
  started_at: number;
  finished_at: number | null;
}

export interface LegacyPathTable {
  /** Decoded path without trailing slash ("/2019/05/banjir") or a query key ("?p=12"). */
  path: string;
  /** 'article', 'section', 'tag', 'feed', 'section-feed', 'media'. */
  target_kind: string;
  target_id: number;
  created_at: number;
}

// --- Wire desk (migration 010-wire-desk) -----------------------------------

export type WireFormat = 'auto' | 'rss' | 'atom' | 'jsonfeed' | 'ninjs' | 'newsml';

export interface WireSourceTable {
  id: Generated<number>;
  name: string;
  format: WireFormat;
  /** http(s) URL polled; '' when the source is a watched folder. */
  url: string;
  /** Folder an agency drops files into (FTP/SFTP to disk); '' for HTTP sources. */
  folder: string;
  /** Credit put on stories taken from it ("Antara"); the photo credit is `photo_credit`. */
  credit: string;
  photo_credit: string;
  section_id: number | null;
  interval_s: number;
  auth_kind: 'none' | 'basic' | 'token';
  auth_user: string;
  /** Basic-auth password or token value; never shown back in a form. */
  auth_secret: string;
  token_header: string;
  /** JSON WireRules: find/replace pairs and boilerplate lines to strip. */
  rules: string;
  enabled: number;
  etag: string;
  last_modified: string;
  last_polled_at: number | null;
  last_success_at: number | null;
  last_error: string;
  last_error_at: number | null;
  /** JSON array of problems found in the last fetch (items skipped or repaired). */
  last_report: string;
  failures: number;
  next_poll_at: number;
  created_at: number;
  updated_at: number;
}

export interface WireItemTable {
  id: Generated<number>;
  source_id: number;
  guid: string;
  version: number;
  headline: string;
  /** JSON array of Block (already sanitised: blocks only). */
  body: string;
  body_text: string;
  /** Analysed terms (discovery's Indonesian analyzer), space-separated, for desk search. */
  terms: string;
  url: string;
  dateline: string;
  image_url: string;
  image_caption: string;
  image_credit: string;
  published_at: number;
  received_at: number;
  updated_at: number;
  embargo_until: number | null;
  /** 1 once a newer version replaced the first one received. */
  updated: number;
  /** The first item of its near-duplicate group (its own id when alone). */
  group_id: number | null;
  /** A published Warta article with the same story ("we already ran this"). */
  dup_article_id: number | null;
  /** MinHash signature, comma-separated. */
  signature: string;
  section_id: number | null;
}

export interface WireLshTable {
  band_key: string;
  /** 'i' for a wire item, 'a' for a published article. */
  ref_kind: string;
  ref_id: number;
}

export interface WireArticleSigTable {
  article_id: number;
  signature: string;
}

export interface WireTakeTable {
  id: Generated<number>;
  item_id: number;
  article_id: number;
  taken_version: number;
  taken_headline: string;
  taken_text: string;
  taken_by: number;
  taken_at: number;
}
