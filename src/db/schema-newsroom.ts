import type { Generated } from 'kysely';
import type { Lang } from '../lib/i18n.ts';

/**
 * Table types of the newsroom's staff and security: staff users, sessions,
 * login failures, password resets and the audit log, plus the site settings
 * that admins edit.
 */

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

// --- Site settings (migration 013-site-settings) ----------------------------

export interface SiteSettingTable {
  /** One of SITE_SETTING_KEYS (newsroom/site-admin/settings.ts). */
  key: string;
  /** JSON text of the value. */
  value: string;
  updated_by: number | null;
  updated_at: number;
}
