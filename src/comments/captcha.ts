import { randomInt } from 'node:crypto';
import {
  createChallenge as altchaCreateChallenge,
  solveChallenge as altchaSolveChallenge,
  verifySolution,
} from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { Keys } from './form-token.ts';
import { derivedKey } from './hashing.ts';

/**
 * The server side of the ALTCHA v2 proof of work that the altcha 3 widget
 * speaks, through altcha-lib in "deterministic" mode: the server picks a secret
 * counter N, publishes the first 16 bytes of PBKDF2(nonce ‖ uint32be(N)) as
 * `keyPrefix` and an HMAC of the whole key, and signs all parameters. The
 * widget tries counters until the key matches; verification is two HMACs (no
 * key derivation on the server).
 *
 * Warta's own parts on top: the challenge is bound to one article (`data`,
 * covered by the signature), expires after CHALLENGE_TTL_MS, the posted
 * payload must match a strict schema, and each nonce is spent once with an
 * INSERT on a primary key, so concurrent replays store one row.
 */

export const CAPTCHA_ALGORITHM = 'PBKDF2/SHA-256';
/** How long a challenge may be solved and posted. */
export const CHALLENGE_TTL_MS = 10 * 60_000;
const KEY_LENGTH = 32;
const PREFIX_BYTES = 16;

export interface ChallengeParameters {
  algorithm: string;
  cost: number;
  data: { article: number };
  expiresAt: number;
  keyLength: number;
  keyPrefix: string;
  keySignature: string;
  nonce: string;
  salt: string;
}

export interface Challenge {
  parameters: ChallengeParameters;
  signature: string;
}

export interface Difficulty {
  /** PBKDF2 iterations per attempt. */
  cost: number;
  /** The secret counter is drawn from [counterMin, counterMax]: the expected number of attempts. */
  counterMin: number;
  counterMax: number;
}

const first = (keys: Keys): string => (typeof keys === 'string' ? keys : (keys[0] ?? ''));

/** The two HMAC keys, derived from the server secret per purpose. */
function secrets(secret: string) {
  return {
    hmacSignatureSecret: derivedKey(secret, 'altcha-signature'),
    hmacKeySignatureSecret: derivedKey(secret, 'altcha-key'),
  };
}

/** A signed challenge bound to one article, expiring after CHALLENGE_TTL_MS. */
export async function createChallenge(
  keys: Keys,
  articleId: number,
  difficulty: Difficulty,
  now = Date.now(),
): Promise<Challenge> {
  const challenge = await altchaCreateChallenge({
    algorithm: CAPTCHA_ALGORITHM,
    cost: difficulty.cost,
    counter: randomInt(difficulty.counterMin, difficulty.counterMax + 1),
    data: { article: articleId },
    deriveKey,
    expiresAt: Math.floor((now + CHALLENGE_TTL_MS) / 1000),
    keyLength: KEY_LENGTH,
    keyPrefixLength: PREFIX_BYTES,
    // Signed with the newest key; checkPayload also accepts the previous one.
    ...secrets(first(keys)),
  });
  return challengeSchema.parse(challenge);
}

/** Brute-forces a challenge with altcha-lib's solver, as the widget's worker does (tests and the bench). */
export async function solveChallenge(
  challenge: Challenge,
): Promise<{ counter: number; derivedKey: string }> {
  const solution = await altchaSolveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('no solution');
  return { counter: solution.counter, derivedKey: solution.derivedKey };
}

/** The hidden field the widget fills in: base64 of the challenge and the solution. */
export function encodePayload(
  challenge: Challenge,
  solution: { counter: number; derivedKey: string },
): string {
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

const challengeSchema = z.object({
  parameters: z.object({
    algorithm: z.literal(CAPTCHA_ALGORITHM),
    cost: z.number().int().positive(),
    data: z.object({ article: z.number().int() }),
    expiresAt: z.number().int().positive(),
    keyLength: z.literal(KEY_LENGTH),
    keyPrefix: hex(PREFIX_BYTES),
    keySignature: hex(32),
    nonce: hex(16),
    salt: hex(16),
  }),
  signature: hex(32),
});

const payloadSchema = z.object({
  challenge: challengeSchema,
  solution: z.object({
    counter: z.number().int().min(0).max(0xffffffff),
    derivedKey: hex(KEY_LENGTH),
  }),
});

export type CaptchaOutcome =
  | { ok: true; nonce: string; expiresAt: number }
  | { ok: false; problem: 'malformed' | 'invalid' | 'expired' | 'foreign' };

/**
 * Checks a posted payload without spending it: well-formed, signed by us,
 * not expired, for this article, and carrying the derived key of the secret counter.
 */
export async function checkPayload(
  keys: Keys,
  raw: string,
  articleId: number,
  now = Date.now(),
): Promise<CaptchaOutcome> {
  if (raw.length > 4000) return { ok: false, problem: 'malformed' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64').toString('utf8'));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, problem: 'malformed' };
  const { challenge, solution } = parsed.data;
  // Under the newest key first; a challenge made before a key rotation verifies under the previous one.
  let result = await verifySolution({ challenge, solution, deriveKey, ...secrets(first(keys)) });
  for (const key of typeof keys === 'string' ? [] : keys.slice(1)) {
    if (!result.invalidSignature) break;
    result = await verifySolution({ challenge, solution, deriveKey, ...secrets(key) });
  }
  if (result.invalidSignature) return { ok: false, problem: 'invalid' };
  // The library compares expiry with the clock; `now` lets callers (and tests) ask about another moment.
  if (result.expired || challenge.parameters.expiresAt * 1000 < now)
    return { ok: false, problem: 'expired' };
  if (challenge.parameters.data.article !== articleId) return { ok: false, problem: 'foreign' };
  if (!result.verified) return { ok: false, problem: 'invalid' };
  return {
    ok: true,
    nonce: challenge.parameters.nonce,
    expiresAt: challenge.parameters.expiresAt * 1000,
  };
}

/**
 * Marks a challenge as used. One INSERT with the nonce as primary key: of any
 * number of concurrent posts of the same solution exactly one gets `true`.
 */
export async function spendChallenge(
  db: Kysely<Database>,
  nonce: string,
  expiresAt: number,
): Promise<boolean> {
  const row = await db
    .insertInto('comment_challenges_spent')
    .values({ nonce, expires_at: expiresAt })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .returning('nonce')
    .executeTakeFirst();
  return row !== undefined;
}
