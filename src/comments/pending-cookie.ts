import { createHmac } from 'node:crypto';
import { derivedKey, safeEqual } from './hashing.ts';

/**
 * The reader's own pending comments: a signed cookie listing their ids, so the
 * article page shows "menunggu moderasi" comments to their author only. The
 * `warta_` prefix makes the page cache bypass the request, so a cached page
 * never carries one reader's pending comment to another.
 */
export const PENDING_COOKIE = 'warta_komentar';
const MAX_IDS = 20;

function sign(secret: string, ids: string): string {
  return createHmac('sha256', derivedKey(secret, 'pending-cookie')).update(ids).digest('base64url');
}

/** The ids in a cookie value; an unsigned or tampered value yields none. */
export function readPendingIds(secret: string, value: string | undefined): number[] {
  if (!value) return [];
  const m = /^([\d-]{1,240})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m?.[1] || !m[2] || !safeEqual(sign(secret, m[1]), m[2])) return [];
  return m[1]
    .split('-')
    .filter((s) => /^[1-9]\d{0,9}$/.test(s))
    .map(Number);
}

/** A cookie value listing `ids` (the newest MAX_IDS). */
export function pendingCookieValue(secret: string, ids: number[]): string {
  const list = [...new Set(ids)].slice(-MAX_IDS).join('-');
  return `${list}.${sign(secret, list)}`;
}

/** Reads the cookie from a Cookie header without a cookie plugin. */
export function cookieFrom(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined; // A mangled cookie is no cookie, never a 500.
      }
    }
  }
  return undefined;
}
