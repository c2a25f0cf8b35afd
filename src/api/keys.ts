import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type DB = Kysely<Database>;

/** Keys look like `wk_<43 base64url chars>`; the prefix helps secret scanners and people. */
const KEY_PREFIX = 'wk_';
const KEY_SHAPE = /^wk_[A-Za-z0-9_-]{43}$/;

/** The keyed hash a key is stored as: HMAC-SHA256 under a key derived from the server secret. */
export function hashApiKey(secret: string, key: string): string {
  const k = createHmac('sha256', secret).update('warta-api:key-hash').digest();
  return createHmac('sha256', k).update(key).digest('hex');
}

/** A key as the newsroom lists it (never the key itself). */
export interface ApiKeyInfo {
  id: number;
  name: string;
  prefix: string;
  ratePerMinute: number;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/**
 * Creates a key and returns it in clear exactly once; only its keyed hash is
 * stored, so a lost key is revoked and replaced, never shown again.
 */
export async function createApiKey(
  db: DB,
  secret: string,
  input: { name: string; ratePerMinute: number; createdBy: number | null },
  now = Date.now(),
): Promise<{ id: number; key: string }> {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const row = await db
    .insertInto('api_keys')
    .values({
      name: input.name,
      prefix: key.slice(0, 10),
      key_hash: hashApiKey(secret, key),
      rate_per_minute: input.ratePerMinute,
      created_by: input.createdBy,
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key };
}

/** Revokes a key (it answers 401 from then on); returns false for an unknown or already revoked key. */
export async function revokeApiKey(db: DB, id: number, now = Date.now()): Promise<boolean> {
  const r = await db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every key, newest first, for the newsroom's key page. */
export async function listApiKeys(db: DB): Promise<ApiKeyInfo[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    ratePerMinute: r.rate_per_minute,
    createdAt: Number(r.created_at),
    lastUsedAt: r.last_used_at == null ? null : Number(r.last_used_at),
    revokedAt: r.revoked_at == null ? null : Number(r.revoked_at),
  }));
}

/** The key a request presents, from `Authorization: Bearer` or `X-Api-Key`; undefined for none. */
export function presentedKey(headers: Record<string, unknown>): string | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string' && /^bearer\s+/i.test(auth))
    return auth.replace(/^bearer\s+/i, '').trim();
  const x = headers['x-api-key'];
  return typeof x === 'string' ? x.trim() : undefined;
}

/** How often last_used_at is written for a busy key (ms): a read path must not write every request. */
const TOUCH_MS = 60_000;
const touchedByDb = new WeakMap<object, Map<number, number>>();

/**
 * The live key behind a presented secret, or null (unknown, malformed or
 * revoked). Marks the key used, at most once a minute per process.
 *
 * `secrets` are the server's keys, newest first (`verifyingKeys(config)`):
 * while SECRET_KEY is rotated, a key stored under the previous secret still
 * works, and its first use stores it again under the new one, so every key
 * used during the rotation keeps working once SECRET_KEY_PREVIOUS is gone.
 */
export async function verifyApiKey(
  db: DB,
  secrets: string | readonly string[],
  key: string,
  now = Date.now(),
): Promise<{ id: number; ratePerMinute: number } | null> {
  if (!KEY_SHAPE.test(key)) return null;
  const hashes = (typeof secrets === 'string' ? [secrets] : secrets).map((s) => hashApiKey(s, key));
  const current = hashes[0];
  if (current === undefined) return null;
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'rate_per_minute', 'revoked_at', 'key_hash'])
    .where('key_hash', 'in', hashes)
    .executeTakeFirst();
  if (!row || row.revoked_at != null) return null;
  if (row.key_hash !== current) {
    await db.updateTable('api_keys').set({ key_hash: current }).where('id', '=', row.id).execute();
  }
  const touched = touchedByDb.get(db) ?? new Map<number, number>();
  touchedByDb.set(db, touched);
  if (now - (touched.get(row.id) ?? 0) > TOUCH_MS) {
    touched.set(row.id, now);
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { id: row.id, ratePerMinute: row.rate_per_minute };
}

/** API and feed site settings (edited by admins in the newsroom). */
export interface ApiSettings {
  /** Anyone may read the Content API without a key. Off by default. */
  publicRead: boolean;
  /** Feeds carry each article's full text (on) or only its deck (off, the default). */
  feedFullText: boolean;
}

const SETTING_KEYS = ['publicRead', 'feedFullText'] as const;

/** The settings; missing rows fall back to the defaults (everything off). */
export async function getApiSettings(db: DB): Promise<ApiSettings> {
  const rows = await db.selectFrom('api_settings').select(['key', 'value']).execute();
  const on = (k: string) => rows.some((r) => r.key === k && JSON.parse(r.value) === true);
  return { publicRead: on('publicRead'), feedFullText: on('feedFullText') };
}

const settingsCache = new WeakMap<object, { at: number; value: ApiSettings }>();

/**
 * The settings as the API's auth hook reads them on every request: cached for
 * five seconds per process (another process sees a change within that time;
 * this one at once, since saving clears the cache).
 */
export async function cachedApiSettings(db: DB, now = Date.now()): Promise<ApiSettings> {
  const hit = settingsCache.get(db);
  if (hit && now - hit.at < 5_000) return hit.value;
  const value = await getApiSettings(db);
  settingsCache.set(db, { at: now, value });
  return value;
}

/** Saves the settings given (others keep their value). */
export async function saveApiSettings(db: DB, s: Partial<ApiSettings>): Promise<void> {
  settingsCache.delete(db);
  for (const key of SETTING_KEYS) {
    const v = s[key];
    if (v === undefined) continue;
    await db
      .insertInto('api_settings')
      .values({ key, value: JSON.stringify(v) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(v) }))
      .execute();
  }
}
