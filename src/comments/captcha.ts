import { createHmac, pbkdf2, randomBytes, randomInt } from 'node:crypto';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { derivedKey, safeEqual } from './hashing.ts';

/**
 * The server side of the ALTCHA v2 proof-of-work protocol that the altcha 3
 * widget speaks (the same wire format as altcha-lib 2's createChallenge and
 * verifySolution in "deterministic" mode, which we implement here because
 * altcha-lib 2 does not install without --legacy-peer-deps).
 *
 * Challenge: the server picks a secret counter N, derives
 * key = PBKDF2-SHA256(password = nonce ‖ uint32be(N), salt, cost, 32 bytes),
 * publishes the first 16 bytes as `keyPrefix` plus `keySignature` =
 * HMAC(key), and signs all parameters (sorted-key JSON) with HMAC-SHA256.
 * The widget tries counters 0,1,2,… until the derived key starts with the
 * prefix, and posts base64(JSON {challenge, solution: {counter, derivedKey}}).
 * Verification is two HMACs (no key derivation on the server): the parameter
 * signature (so expiry and the article id in `data` cannot be altered) and the
 * key signature (so the derived key is the one for N). Each nonce is spent
 * once with an INSERT on a primary key: concurrent replays store one row.
 */

export const CAPTCHA_ALGORITHM = 'PBKDF2/SHA-256';
/** How long a challenge may be solved and posted. */
export const CHALLENGE_TTL_MS = 10 * 60_000;
const KEY_LENGTH = 32;
const PREFIX_BYTES = 16;

const pbkdf2Async = promisify(pbkdf2);

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

/** Sorted keys at every level, undefined dropped: the canonical JSON both sides sign. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .flatMap((k) => {
          const x = (v as Record<string, unknown>)[k];
          return x === undefined ? [] : [[k, sort(x)]];
        }),
    );
  };
  return JSON.stringify(sort(value));
}

function hmacHex(key: string, data: string | Buffer): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

/** The password the solver hashes: nonce bytes followed by the counter as a big-endian uint32. */
export function passwordFor(nonceHex: string, counter: number): Buffer {
  const nonce = Buffer.from(nonceHex, 'hex');
  const out = Buffer.alloc(nonce.length + 4);
  nonce.copy(out, 0);
  out.writeUInt32BE(counter, nonce.length);
  return out;
}

/** One attempt of the proof of work: the derived key for a counter. */
export function deriveKeyFor(
  p: Pick<ChallengeParameters, 'nonce' | 'salt' | 'cost' | 'keyLength'>,
  counter: number,
): Promise<Buffer> {
  return pbkdf2Async(
    passwordFor(p.nonce, counter),
    Buffer.from(p.salt, 'hex'),
    p.cost,
    p.keyLength,
    'sha256',
  );
}

/** A signed challenge bound to one article, expiring after CHALLENGE_TTL_MS. */
export async function createChallenge(
  secret: string,
  articleId: number,
  difficulty: Difficulty,
  now = Date.now(),
): Promise<Challenge> {
  const counter = randomInt(difficulty.counterMin, difficulty.counterMax + 1);
  const base = {
    algorithm: CAPTCHA_ALGORITHM,
    cost: difficulty.cost,
    data: { article: articleId },
    expiresAt: Math.floor((now + CHALLENGE_TTL_MS) / 1000),
    keyLength: KEY_LENGTH,
    nonce: randomBytes(16).toString('hex'),
    salt: randomBytes(16).toString('hex'),
  };
  const key = await deriveKeyFor(base, counter);
  const parameters: ChallengeParameters = {
    ...base,
    keyPrefix: key.subarray(0, PREFIX_BYTES).toString('hex'),
    keySignature: hmacHex(derivedKey(secret, 'altcha-key'), key),
  };
  return {
    parameters,
    signature: hmacHex(derivedKey(secret, 'altcha-signature'), canonicalJson(parameters)),
  };
}

/** Brute-forces a challenge the way the widget's worker does (for tests and the bench). */
export async function solveChallenge(
  challenge: Challenge,
): Promise<{ counter: number; derivedKey: string }> {
  const prefix = Buffer.from(challenge.parameters.keyPrefix, 'hex');
  for (let counter = 0; counter <= 0xffffffff; counter++) {
    const key = await deriveKeyFor(challenge.parameters, counter);
    if (key.subarray(0, prefix.length).equals(prefix)) {
      return { counter, derivedKey: key.toString('hex') };
    }
  }
  throw new Error('no solution');
}

/** The hidden field the widget fills in: base64 of the challenge and the solution. */
export function encodePayload(
  challenge: Challenge,
  solution: { counter: number; derivedKey: string },
): string {
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.literal(CAPTCHA_ALGORITHM),
      cost: z.number().int().positive(),
      data: z.object({ article: z.number().int() }),
      expiresAt: z.number().int().positive(),
      keyLength: z.literal(KEY_LENGTH),
      keyPrefix: z.string().regex(/^[0-9a-f]{32}$/),
      keySignature: z.string().regex(/^[0-9a-f]{64}$/),
      nonce: z.string().regex(/^[0-9a-f]{32}$/),
      salt: z.string().regex(/^[0-9a-f]{32}$/),
    }),
    signature: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  solution: z.object({
    counter: z.number().int().min(0).max(0xffffffff),
    derivedKey: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

export type CaptchaOutcome =
  | { ok: true; nonce: string; expiresAt: number }
  | { ok: false; problem: 'malformed' | 'invalid' | 'expired' | 'foreign' };

/**
 * Checks a posted payload without spending it: well-formed, signed by us,
 * not expired, for this article, and carrying the derived key of the secret counter.
 */
export function checkPayload(
  secret: string,
  raw: string,
  articleId: number,
  now = Date.now(),
): CaptchaOutcome {
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
  const expected = hmacHex(
    derivedKey(secret, 'altcha-signature'),
    canonicalJson(challenge.parameters),
  );
  if (!safeEqual(expected, challenge.signature)) return { ok: false, problem: 'invalid' };
  if (challenge.parameters.expiresAt * 1000 < now) return { ok: false, problem: 'expired' };
  if (challenge.parameters.data.article !== articleId) return { ok: false, problem: 'foreign' };
  const keySig = hmacHex(derivedKey(secret, 'altcha-key'), Buffer.from(solution.derivedKey, 'hex'));
  if (!safeEqual(keySig, challenge.parameters.keySignature))
    return { ok: false, problem: 'invalid' };
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
