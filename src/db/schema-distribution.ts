import type { Generated } from 'kysely';

/**
 * Table types of what goes out to others: content API keys and settings,
 * webhook endpoints and their deliveries, and the sections and articles kept
 * out of the Google News sitemap.
 */

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

// --- Google News sitemap exclusions (migration 017) -------------------------

/** A section or an article an editor kept out of the Google News sitemap. */
export interface NewsExclusionTable {
  kind: 'section' | 'article';
  target_id: number;
  set_by: number | null;
  set_at: number;
}
