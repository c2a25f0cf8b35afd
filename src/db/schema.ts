import type { ColumnType, Generated } from 'kysely';
import type { Lang } from '../lib/i18n.ts';

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
  /** JSON Crops (media/crops.ts): crop widths per ratio and a version; '{}' for none (006-media). */
  crops: Generated<string>;
  /** The staff member who uploaded it; null for demo/imported images. */
  uploaded_by: number | null;
  /** The file name it was uploaded with, for the library only (never used as a path). */
  original_name: Generated<string>;
  /** Last edit of caption, credit, alt or focal point. */
  updated_at: number | null;
  /** When an article using it was first published; null while no reader has seen it (015). */
  published_at: number | null;
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

// --- Newsroom staff and security (migration 002-newsroom) ---

export interface UserTable {
  id: Generated<number>;
  /** Lowercased. */
  email: string;
  name: string;
  role: 'kontributor' | 'wartawan' | 'redaktur' | 'admin';
  lang: Lang;
  /** argon2id PHC string. */
  password_hash: string;
  /** Base32 TOTP secret; set while enrolling and once enabled. */
  totp_secret: string | null;
  totp_enabled: Generated<number>;
  /** Last accepted TOTP time step, so a code is never accepted twice. */
  totp_last_step: Generated<number>;
  /** JSON array of SHA-256 hex hashes of unused recovery codes. */
  recovery_codes: Generated<string>;
  disabled: Generated<number>;
  created_at: number;
  updated_at: number;
  /** Bumped to revoke every device cookie of the user (migration 008). */
  device_epoch: Generated<number>;
}

export interface SessionTable {
  id: Generated<number>;
  /** SHA-256 hex of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  /** 1 while the password is checked but the second factor is not yet. */
  mfa_pending: number;
  created_at: number;
  last_seen_at: number;
  /** Absolute expiry. */
  expires_at: number;
  ip_hash: string;
}

export interface LoginFailureTable {
  id: Generated<number>;
  /**
   * 'account' (untrusted attempts on an account), 'address' (attempts from an
   * address), 'pair' (one account from one address), 'device' (one account
   * from one browser with a device cookie); see decision 004.
   */
  kind: 'account' | 'address' | 'pair' | 'device';
  /** HMAC of the normalised email, the client address, or of both / the device. */
  key_hash: string;
  created_at: number;
  /** HMAC of the account the attempt was aimed at (migration 008); '' on older rows. */
  account_hash: Generated<string>;
}

export interface PasswordResetTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  created_at: number;
  actor_id: number | null;
  action: string;
  target: string;
  detail: string;
  ip_hash: string;
}

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  created_at: number;
  attempts: Generated<number>;
  last_error: Generated<string>;
  next_attempt_at: number;
  sent_at: number | null;
  /** A sender holds the row until this time, so two processes never send it twice. */
  claimed_until: Generated<number>;
}

/** Merged into Database (interface declaration merging keeps this append-only). */
export interface Database {
  users: UserTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  password_resets: PasswordResetTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
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

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobTable {
  id: Generated<number>;
  kind: string;
  /** JSON object handed to the job's handler. */
  payload: string;
  run_at: number;
  status: JobStatus;
  attempts: Generated<number>;
  /** A claimed job is leased until then; a crashed worker's job is claimable again after it. */
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  /** A periodic job's name: at most one row per key (migration 016). */
  unique_key: string | null;
}

export interface Database {
  revisions: RevisionTable;
  article_locks: ArticleLockTable;
  jobs: JobTable;
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

export interface Database {
  comment_challenges_spent: CommentChallengeSpentTable;
  comment_bans: CommentBanTable;
  comment_words: CommentWordTable;
  comment_settings: CommentSettingTable;
  comment_reports: CommentReportTable;
}

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

/** Added to comments by migration 009: the imported comment's old anchor, '' for Warta's own. */
export interface CommentTable {
  legacy_anchor: Generated<string>;
}

export interface LegacyPathTable {
  /** Decoded path without trailing slash ("/2019/05/banjir") or a query key ("?p=12"). */
  path: string;
  /** 'article', 'section', 'tag', 'feed', 'section-feed', 'media'. */
  target_kind: string;
  target_id: number;
  created_at: number;
}

export interface Database {
  wp_import_map: WpImportMapTable;
  wp_import_runs: WpImportRunTable;
  legacy_paths: LegacyPathTable;
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

export interface Database {
  wire_sources: WireSourceTable;
  wire_items: WireItemTable;
  wire_lsh: WireLshTable;
  wire_article_sigs: WireArticleSigTable;
  wire_takes: WireTakeTable;
}

// --- Content API and webhooks (migration 011) ---

export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  /** HMAC-SHA256 of the key (never the key itself). */
  key_hash: string;
  rate_per_minute: Generated<number>;
  created_by: number | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface ApiSettingTable {
  key: string;
  /** JSON value. */
  value: string;
}

export interface WebhookEndpointTable {
  id: Generated<number>;
  url: string;
  /** JSON array of event names. */
  events: string;
  /** The signing secret, encrypted with a key derived from the server secret. */
  secret: string;
  allow_private: Generated<number>;
  active: Generated<number>;
  paused_at: number | null;
  failing_since: number | null;
  created_by: number | null;
  created_at: number;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  endpoint_id: number;
  event: string;
  /** The exact JSON body that is signed and sent. */
  payload: string;
  status: 'queued' | 'delivered' | 'retrying' | 'failed';
  attempts: Generated<number>;
  response_status: number | null;
  duration_ms: number | null;
  response_excerpt: string | null;
  error: string | null;
  created_at: number;
  last_attempt_at: number | null;
}

export interface Database {
  api_keys: ApiKeyTable;
  api_settings: ApiSettingTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
}

// --- Home lead and staff comments (migration 012) ---------------------------

/** The story an editor put in the home page's lead slot ("Berita utama"). */
export interface HomeLeadTable {
  /** 'home' (one row per slot). */
  slot: string;
  article_id: number;
  /** Staff user who set it; null when the WordPress import set it (sticky post). */
  set_by: number | null;
  set_at: number;
}

export interface CommentTable {
  /** The staff account that wrote the comment (imported WordPress comments), else null. */
  user_id: Generated<number | null>;
}

export interface Database {
  home_lead: HomeLeadTable;
}

// --- Site settings (migration 013-site-settings) ----------------------------

export interface SiteSettingTable {
  /** One of SITE_SETTING_KEYS (newsroom/site-admin/settings.ts). */
  key: string;
  /** JSON text of the value. */
  value: string;
  updated_by: number | null;
  updated_at: number;
}

export interface Database {
  site_settings: SiteSettingTable;
}

// --- Workflow review and content time (migration 014) ------------------------

export interface ArticleTable {
  /** When the content last changed (not its status); null on rows written by older code. */
  modified_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** The editor who opened a submitted article; the writer may not withdraw it then. */
  review_started_by: ColumnType<number | null, number | null | undefined, number | null>;
}

// --- Google News sitemap exclusions (migration 017) -------------------------

/** A section or an article an editor kept out of the Google News sitemap. */
export interface NewsExclusionTable {
  kind: 'section' | 'article';
  target_id: number;
  set_by: number | null;
  set_at: number;
}

export interface Database {
  news_exclusions: NewsExclusionTable;
}
