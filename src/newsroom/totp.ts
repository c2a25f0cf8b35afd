import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Db } from '../db/connection.ts';

/**
 * Optional two-step verification with TOTP (RFC 6238, 30 s, 6 digits, SHA-1 —
 * what every authenticator app reads), plus single-use recovery codes stored
 * only as SHA-256 hashes. A code's time step is remembered so it is never
 * accepted twice.
 */

const PERIOD = 30;
const RECOVERY_COUNT = 8;

function totpFor(secretB32: string, label = '', issuer = 'Warta'): TOTP {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secretB32),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
  });
}

/** A fresh random secret (160 bits) in base32, the form authenticator apps accept. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app imports (also typeable by hand from the secret). */
export function totpUri(secretB32: string, email: string, issuer: string): string {
  return totpFor(secretB32, email, issuer).toString();
}

/** The current code for a secret; for tests and the CLI. */
export function totpCode(secretB32: string, now = Date.now()): string {
  return totpFor(secretB32).generate({ timestamp: now });
}

/** The time step a valid code belongs to (±1 step of clock drift), or null. */
export function totpStep(secretB32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretB32).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD) + delta;
}

function hashCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');
}

/** New recovery codes (shown once) and their hashes (stored). */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_COUNT }, () => {
    const s = randomBytes(5).toString('hex');
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashCode) };
}

/** Starts (or restarts) enrolment: a new secret, not yet active. Returns the secret. */
export async function beginEnrolment(db: Db, userId: number, now = Date.now()): Promise<string> {
  const secret = newTotpSecret();
  await db.kysely
    .updateTable('users')
    .set({ totp_secret: secret, totp_enabled: 0, updated_at: now })
    .where('id', '=', userId)
    .execute();
  return secret;
}

/**
 * Turns 2FA on when `code` matches the pending secret; returns the recovery
 * codes to show once, or null for a wrong code.
 */
export async function confirmEnrolment(
  db: Db,
  userId: number,
  code: string,
  now = Date.now(),
): Promise<string[] | null> {
  const row = await db.kysely
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row?.totp_secret || row.totp_enabled) return null;
  const step = totpStep(row.totp_secret, code, now);
  if (step === null) return null;
  const { codes, hashes } = newRecoveryCodes();
  await db.kysely
    .updateTable('users')
    .set({
      totp_enabled: 1,
      totp_last_step: step,
      recovery_codes: JSON.stringify(hashes),
      updated_at: now,
    })
    .where('id', '=', userId)
    .execute();
  return codes;
}

/** Turns 2FA off and forgets the secret and recovery codes. */
export async function disableTotp(db: Db, userId: number, now = Date.now()): Promise<void> {
  await db.kysely
    .updateTable('users')
    .set({
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: 0,
      recovery_codes: '[]',
      updated_at: now,
    })
    .where('id', '=', userId)
    .execute();
}

/**
 * Checks a second factor at login: a current TOTP code (not reused) or an
 * unused recovery code (then spent). Returns which one matched, or null.
 */
export async function checkSecondFactor(
  db: Db,
  userId: number,
  code: string,
  now = Date.now(),
): Promise<'totp' | 'recovery' | null> {
  const row = await db.kysely
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled', 'totp_last_step', 'recovery_codes'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row?.totp_enabled || !row.totp_secret || code.length > 40) return null;
  const step = totpStep(row.totp_secret, code, now);
  if (step !== null) {
    if (step <= row.totp_last_step) return null;
    const res = await db.kysely
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where('totp_last_step', '<', step)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1 ? 'totp' : null;
  }
  const hashes = JSON.parse(row.recovery_codes) as string[];
  const h = hashCode(code);
  if (!hashes.includes(h)) return null;
  const res = await db.kysely
    .updateTable('users')
    .set({ recovery_codes: JSON.stringify(hashes.filter((x) => x !== h)) })
    .where('id', '=', userId)
    .where('recovery_codes', '=', row.recovery_codes)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? 'recovery' : null;
}

/** How many recovery codes remain unused. */
export function recoveryLeft(recoveryCodesJson: string): number {
  return (JSON.parse(recoveryCodesJson) as string[]).length;
}
