import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type Challenge,
  checkPayload,
  createChallenge,
  type Difficulty,
  spendChallenge,
} from '../comments/captcha.ts';
import { type Config, verifyingKeys } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { cookieOptions } from './auth-shared.ts';
import { keyedHash } from './csrf.ts';
import { type Attempt, type Reservation, reserveLoginAttempt } from './login-limits.ts';

/**
 * What stands before a password or code check (decision 004): the device
 * cookie of a browser that logged in before, and the proof of work that the
 * login forms carry (the comments' ALTCHA challenge, reused).
 */

/** The "this browser logged in before" cookie. */
export const DEVICE_COOKIE = 'warta_device';
/** A device cookie lives a year; it dies earlier with a password reset or "log out everywhere". */
export const DEVICE_MAX_AGE_S = 365 * 24 * 3600;
/** The name of the proof-of-work field the widget fills in. */
export const PROOF_FIELD = 'altcha';

/**
 * Login challenges are the comments' challenges bound to "article" 0: article
 * ids start at 1, so a login challenge never passes for a comment, nor a
 * comment's for a login. Spent nonces share the comments' table.
 */
const LOGIN_SCOPE = 0;
/** About a quarter of a second of work in a browser; the widget starts as the page loads. */
export const LOGIN_POW: Difficulty = { cost: 1000, counterMin: 500, counterMax: 2500 };

/** A fresh login challenge for the widget. */
export function loginChallenge(secret: string, now = Date.now()): Promise<Challenge> {
  return createChallenge(secret, LOGIN_SCOPE, LOGIN_POW, now);
}

/** True when `raw` is a solved login challenge, not expired and not used before (now spent). */
export async function spendLoginProof(
  db: Db,
  keys: string | readonly string[],
  raw: string,
  now = Date.now(),
): Promise<boolean> {
  if (!raw) return false;
  const outcome = await checkPayload(keys, raw.trim(), LOGIN_SCOPE, now);
  return outcome.ok && (await spendChallenge(db.kysely, outcome.nonce, outcome.expiresAt));
}

/** What a device cookie is checked against: it dies when any of these change. */
export interface DeviceOwner {
  id: number;
  device_epoch: number;
  password_hash: string;
}

function deviceMac(secret: string, owner: DeviceOwner, deviceId: string): Buffer {
  // The password hash and the epoch are inside the MAC, never in the cookie:
  // a new password or "log out everywhere" (epoch + 1) revokes every device.
  return createHmac('sha256', keyedHash(secret, 'device-cookie', 'key'))
    .update(`${owner.id}.${deviceId}.${owner.device_epoch}.${owner.password_hash}`)
    .digest();
}

/** A new device cookie value for the user: `userId.randomId.mac`. */
export function newDeviceCookie(secret: string, owner: DeviceOwner): string {
  const deviceId = randomBytes(16).toString('base64url');
  return `${owner.id}.${deviceId}.${deviceMac(secret, owner, deviceId).toString('base64url')}`;
}

/** The device id of a cookie that is valid for `owner`, else null. */
export function deviceIdFor(
  secret: string,
  raw: string | undefined,
  owner: DeviceOwner | undefined,
): string | null {
  if (!raw || !owner || raw.length > 200) return null;
  const m = /^(\d{1,10})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(raw);
  if (!m?.[2] || !m[3] || Number(m[1]) !== owner.id) return null;
  const given = Buffer.from(m[3], 'base64url');
  const expected = deviceMac(secret, owner, m[2]);
  return given.length === expected.length && timingSafeEqual(given, expected) ? m[2] : null;
}

/** Marks this browser as one the user logged in from (after the whole login, 2FA included). */
export function setDeviceCookie(reply: FastifyReply, config: Config, owner: DeviceOwner): void {
  reply.setCookie(
    DEVICE_COOKIE,
    newDeviceCookie(config.secretKey, owner),
    cookieOptions(config, DEVICE_MAX_AGE_S),
  );
}

/**
 * The address a limit counts: an IPv4 address, or the /64 network of an IPv6
 * one (one subscriber usually holds a whole /64, so counting single IPv6
 * addresses would give a guesser 2^64 fresh ones).
 */
export function limitAddress(ip: string): string {
  const bare = ip.split('%')[0] ?? '';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!bare.includes(':')) return bare;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

/** A reserved or refused login attempt, with what forgiving it later needs. */
export interface Guarded {
  attempt: Attempt;
  reservation: Reservation;
}

/**
 * Decides whether a password or code may be checked now: reads the device
 * cookie (valid only for `owner`), counts the attempt, and spends the posted
 * proof of work when one is needed.
 */
export async function guardAttempt(
  req: FastifyRequest,
  deps: { config: Config; db: Db; now: () => number },
  input: { account: string; owner?: DeviceOwner; proof: string },
): Promise<Guarded> {
  const { config, db } = deps;
  const now = deps.now();
  const attempt: Attempt = {
    account: input.account,
    address: keyedHash(config.secretKey, 'ip', limitAddress(req.ip)),
    device: deviceIdFor(config.secretKey, req.cookies[DEVICE_COOKIE], input.owner),
  };
  const reservation = await reserveLoginAttempt(db, config.secretKey, attempt, {
    now,
    // A challenge handed out before a key rotation still verifies (SECRET_KEY_PREVIOUS).
    proof: () => spendLoginProof(db, verifyingKeys(config), input.proof, now),
  });
  return { attempt, reservation };
}

/** Minutes to show for a wait (at least 1), and the Retry-After header. */
export function announceWait(reply: FastifyReply, waitMs: number): number {
  reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
  return Math.max(1, Math.ceil(waitMs / 60_000));
}
