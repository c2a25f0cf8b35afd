import type {
  CommentBanTable,
  CommentChallengeSpentTable,
  CommentReportTable,
  CommentSettingTable,
  CommentTable,
  CommentWordTable,
} from './schema-comments.ts';
import type {
  ArticleBylineTable,
  ArticleLockTable,
  ArticlePinTable,
  ArticleTable,
  ArticleTagTable,
  HomeLeadTable,
  PersonTable,
  RevisionTable,
  SectionTable,
  TagTable,
} from './schema-content.ts';
import type {
  ApiKeyTable,
  ApiSettingTable,
  NewsExclusionTable,
  WebhookDeliveryTable,
  WebhookEndpointTable,
} from './schema-distribution.ts';
import type {
  LegacyPathTable,
  WireArticleSigTable,
  WireItemTable,
  WireLshTable,
  WireSourceTable,
  WireTakeTable,
  WpImportMapTable,
  WpImportRunTable,
} from './schema-ingest.ts';
import type { JobTable, OutboxTable } from './schema-jobs.ts';
import type { MediaTable } from './schema-media.ts';
import type {
  AuditLogTable,
  LoginFailureTable,
  PasswordResetTable,
  SessionTable,
  SiteSettingTable,
  UserTable,
} from './schema-newsroom.ts';

/**
 * Table types shared by both dialects. Timestamps are epoch milliseconds
 * (INTEGER in SQLite, BIGINT in PostgreSQL, parsed to number), booleans are 0/1,
 * JSON is stored as text: one representation, so queries read the same on both.
 *
 * The table types live by area in the `schema-<area>.ts` modules beside this
 * one; this module gathers them into `Database` and re-exports them all, so
 * code imports every table type from here.
 */

export type * from './schema-comments.ts';
export type * from './schema-content.ts';
export type * from './schema-distribution.ts';
export type * from './schema-ingest.ts';
export type * from './schema-jobs.ts';
export type * from './schema-media.ts';
export type * from './schema-newsroom.ts';

/**
 * Every table, in the order the migrations added them; a new migration's
 * tables are appended at the end.
 */
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

  // Newsroom staff and security (migration 002-newsroom)
  users: UserTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  password_resets: PasswordResetTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;

  // Writing workflow (migration 005)
  revisions: RevisionTable;
  article_locks: ArticleLockTable;
  jobs: JobTable;

  // Comments (migration 007)
  comment_challenges_spent: CommentChallengeSpentTable;
  comment_bans: CommentBanTable;
  comment_words: CommentWordTable;
  comment_settings: CommentSettingTable;
  comment_reports: CommentReportTable;

  // WordPress import (migration 009)
  wp_import_map: WpImportMapTable;
  wp_import_runs: WpImportRunTable;
  legacy_paths: LegacyPathTable;

  // Wire desk (migration 010-wire-desk)
  wire_sources: WireSourceTable;
  wire_items: WireItemTable;
  wire_lsh: WireLshTable;
  wire_article_sigs: WireArticleSigTable;
  wire_takes: WireTakeTable;

  // Content API and webhooks (migration 011)
  api_keys: ApiKeyTable;
  api_settings: ApiSettingTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;

  // Home lead (migration 012)
  home_lead: HomeLeadTable;

  // Site settings (migration 013-site-settings)
  site_settings: SiteSettingTable;

  // Google News sitemap exclusions (migration 017)
  news_exclusions: NewsExclusionTable;
}
