import { hash, type Options, verify } from '@node-rs/argon2';

/**
 * Password hashing and strength rules in one place: argon2id with the
 * OWASP-recommended m=19456 KiB, t=2, p=1, a minimum length and a small list of
 * passwords that attackers try first.
 */
// algorithm 2 is Algorithm.Argon2id (a const enum, which type stripping cannot read).
const ARGON2: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Shortest and longest password we accept (the upper bound keeps hashing cheap). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

const COMMON = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '1122334455',
  '1111111111',
  '0000000000',
  'qwertyuiop',
  'asdfghjkl;',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou12',
  'indonesia1',
  'indonesia123',
  'jakarta123',
  'bismillah1',
  'bismillah123',
  'sayangku123',
  'rahasia123',
  'katasandi123',
  'admin12345',
  'administrator',
  'welcome123',
  'qwerty12345',
  'abcdefghij',
  'abc1234567',
  'letmein123',
  'warta12345',
  'redaksi123',
]);

/** Hashes a password with argon2id (m=19456 KiB, t=2, p=1). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** True when `password` matches the stored hash; false (never throws) for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as a real check when the account does not exist, so
 * the response time does not reveal which emails have accounts.
 */
export async function verifyDummy(password: string): Promise<void> {
  dummy ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummy, password);
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): 'short' | 'long' | 'common' | null {
  if ([...password].length < PASSWORD_MIN) return 'short';
  if (password.length > PASSWORD_MAX) return 'long';
  if (COMMON.has(password.toLowerCase())) return 'common';
  if (/^(.)\1+$/.test(password)) return 'common';
  return null;
}
