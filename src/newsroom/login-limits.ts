import type { Db } from '../db/connection.ts';
import { keyedHash } from './csrf.ts';

/**
 * Login limits that slow a guesser down without handing a stranger the power
 * to lock a staff member out (decision 004). Stored in the database so they
 * hold across processes and restarts; keys are keyed hashes, never raw values.
 *
 * An attempt either comes from a browser with a valid device cookie for the
 * account (it then has a bucket of its own, DEVICE_MAX failures), or it is
 * untrusted and counts in three buckets:
 * - the pair (account, address): PAIR_MAX failures, then that address waits;
 * - the address: ADDRESS_MAX failures across accounts, then it waits;
 * - the account: never blocks on its own. Once it holds ACCOUNT_MAX failures,
 *   addresses that failed on it wait, while an address with no failures on it
 *   still gets through: with the right password the real user logs in.
 * After PROOF_AFTER failures on the account (or from this address on it) an
 * untrusted attempt must carry a solved proof of work, which the login form's
 * widget provides by itself. An attempt that is refused writes nothing, so refused
 * guesses never lengthen a wait.
 */
export const WINDOW_MS = 15 * 60_000;
export const ACCOUNT_MAX = 5;
export const PAIR_MAX = 5;
export const ADDRESS_MAX = 20;
export const DEVICE_MAX = 5;
/** From this many failures on the account (or from this address on it), untrusted attempts need a proof of work. */
export const PROOF_AFTER = 3;

type Kind = 'account' | 'address' | 'pair' | 'device';

export interface Attempt {
  /** Keyed hash of what is guessed at: the email, or the user for a 2FA code. */
  account: string;
  /** Keyed hash of the client address. */
  address: string;
  /** The id inside a valid device cookie for this account, if the browser sent one. */
  device?: string | null;
}

export type Reservation =
  /** Go ahead and check the password or code; forgive `rowIds` if it is right. */
  | { kind: 'go'; rowIds: number[] }
  /** Refused without a check; wait `waitMs`. Nothing was counted. */
  | { kind: 'wait'; waitMs: number }
  /** A proof of work is needed first (none, invalid or spent). Nothing was counted. */
  | { kind: 'proof' };

/** The account key for an email (password step) or a user (second step). */
export function accountKey(secret: string, step: 'password' | '2fa', subject: string): string {
  return step === 'password'
    ? keyedHash(secret, 'account', subject)
    : keyedHash(secret, '2fa', subject);
}

function bucketKeys(secret: string, a: Attempt) {
  return {
    pair: keyedHash(secret, 'login-pair', `${a.account}.${a.address}`),
    device: a.device ? keyedHash(secret, 'login-device', `${a.account}.${a.device}`) : '',
  };
}

/** Creation times in the window for a bucket, newest first, at most `limit`. */
async function recent(db: Db, kind: Kind, key: string, since: number, limit: number) {
  const rows = await db.kysely
    .selectFrom('login_failures')
    .select(['id', 'created_at'])
    .where('kind', '=', kind)
    .where('key_hash', '=', key)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows;
}

/**
 * Counts this attempt BEFORE the slow password or code check, so guesses sent
 * at the same moment cannot all pass a limit: each inserts its rows first,
 * then counts the rows in the window including its own and everyone else's
 * pending ones. A refused attempt deletes its rows again. `proof` is asked
 * only when a proof of work is needed; it checks and spends one.
 */
export async function reserveLoginAttempt(
  db: Db,
  secret: string,
  attempt: Attempt,
  opts: { now?: number; proof: () => Promise<boolean> },
): Promise<Reservation> {
  const now = opts.now ?? Date.now();
  const since = now - WINDOW_MS;
  const keys = bucketKeys(secret, attempt);
  const row = (kind: Kind, key_hash: string) => ({
    kind,
    key_hash,
    account_hash: attempt.account,
    created_at: now,
  });
  const values = attempt.device
    ? [row('device', keys.device)]
    : [row('account', attempt.account), row('address', attempt.address), row('pair', keys.pair)];
  const inserted = await db.kysely
    .insertInto('login_failures')
    .values(values)
    .returning('id')
    .execute();
  const rowIds = inserted.map((r) => r.id);
  const refuse = async (r: Reservation): Promise<Reservation> => {
    await db.kysely.deleteFrom('login_failures').where('id', 'in', rowIds).execute();
    return r;
  };
  /** When the bucket's rows have aged so that at most `allowed` are left (or 1 s). */
  const waitUntil = (rows: { created_at: number }[], allowed: number) =>
    Math.max((rows[allowed]?.created_at ?? now) + WINDOW_MS - now, 1000);
  await db.kysely.deleteFrom('login_failures').where('created_at', '<=', since).execute();

  if (attempt.device) {
    const dev = await recent(db, 'device', keys.device, since, DEVICE_MAX + 1);
    if (dev.length > DEVICE_MAX)
      return refuse({ kind: 'wait', waitMs: waitUntil(dev, DEVICE_MAX) });
    return { kind: 'go', rowIds };
  }

  const pair = await recent(db, 'pair', keys.pair, since, PAIR_MAX + 1);
  const address = await recent(db, 'address', attempt.address, since, ADDRESS_MAX + 1);
  const account = await recent(db, 'account', attempt.account, since, ACCOUNT_MAX + 1);
  const waits: number[] = [];
  if (pair.length > PAIR_MAX) waits.push(waitUntil(pair, PAIR_MAX));
  if (address.length > ADDRESS_MAX) waits.push(waitUntil(address, ADDRESS_MAX));
  // Other rows than this attempt's own: earlier failures, or guesses in flight.
  const pairOthers = pair.filter((r) => !rowIds.includes(r.id));
  const accountOthers = account.length - 1;
  // An account under pressure keeps out the addresses that failed on it, until their failures age.
  if (accountOthers >= ACCOUNT_MAX && pairOthers.length > 0) waits.push(waitUntil(pairOthers, 0));
  if (waits.length) return refuse({ kind: 'wait', waitMs: Math.max(...waits) });
  const needsProof = Math.max(accountOthers, pairOthers.length) >= PROOF_AFTER;
  if (needsProof && !(await opts.proof())) return refuse({ kind: 'proof' });
  return { kind: 'go', rowIds };
}

/**
 * A right password or code: its own rows and this address's (or this
 * browser's) failures on the account are forgiven. The account's count stays
 * until it ages: the owner logging in must not reopen the door for the
 * addresses that were guessing.
 */
export async function forgiveLoginAttempt(
  db: Db,
  secret: string,
  attempt: Attempt,
  rowIds: number[],
): Promise<void> {
  const keys = bucketKeys(secret, attempt);
  const [kind, key] = attempt.device
    ? (['device', keys.device] as const)
    : (['pair', keys.pair] as const);
  if (rowIds.length)
    await db.kysely.deleteFrom('login_failures').where('id', 'in', rowIds).execute();
  await db.kysely
    .deleteFrom('login_failures')
    .where('kind', '=', kind)
    .where('key_hash', '=', key)
    .execute();
}

/** What the admin page shows for one account and one step (password or 2FA). */
export interface LimitState {
  /** Untrusted failures in the window. */
  failures: number;
  /** Addresses that must wait now. */
  addressesWaiting: number;
  /** Browsers with a device cookie that must wait now. */
  devicesWaiting: number;
  /** True while addresses that failed wait and new ones need a proof of work. */
  underPressure: boolean;
  /** When the newest failure leaves the window. */
  until: number;
}

/**
 * The limit state of every account key given, for those with any failure in
 * the window. Keys are computed by the caller from the staff list.
 */
export async function limitStates(
  db: Db,
  accountKeys: string[],
  now = Date.now(),
): Promise<Map<string, LimitState>> {
  const out = new Map<string, LimitState>();
  if (accountKeys.length === 0) return out;
  const rows = await db.kysely
    .selectFrom('login_failures')
    .select(['account_hash', 'kind', 'key_hash'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('newest')])
    .where('account_hash', 'in', accountKeys)
    .where('kind', 'in', ['account', 'pair', 'device'])
    .where('created_at', '>', now - WINDOW_MS)
    .groupBy(['account_hash', 'kind', 'key_hash'])
    .execute();
  const byAccount = new Map<string, typeof rows>();
  for (const r of rows)
    byAccount.set(r.account_hash, [...(byAccount.get(r.account_hash) ?? []), r]);
  for (const [key, group] of byAccount) {
    const failures = group
      .filter((r) => r.kind === 'account')
      .reduce((sum, r) => sum + Number(r.n), 0);
    const underPressure = failures >= ACCOUNT_MAX;
    const pairs = group.filter((r) => r.kind === 'pair');
    out.set(key, {
      failures,
      addressesWaiting: pairs.filter((r) => Number(r.n) >= (underPressure ? 1 : PAIR_MAX)).length,
      devicesWaiting: group.filter((r) => r.kind === 'device' && Number(r.n) >= DEVICE_MAX).length,
      underPressure,
      until: Math.max(...group.map((r) => Number(r.newest))) + WINDOW_MS,
    });
  }
  return out;
}

/** An admin clears every limit on the given account keys; returns the rows removed. */
export async function clearAccountLimits(db: Db, accountKeys: string[]): Promise<number> {
  if (accountKeys.length === 0) return 0;
  const res = await db.kysely
    .deleteFrom('login_failures')
    .where('account_hash', 'in', accountKeys)
    .where('kind', 'in', ['account', 'pair', 'device'])
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** One limited account and step, for the admin page. */
export interface LimitedAccount extends LimitState {
  userId: number;
  name: string;
  step: 'password' | '2fa';
}

/** The staff accounts that are limited now, password and 2FA steps apart. */
export async function limitedStaff(
  db: Db,
  secret: string,
  staff: { id: number; name: string; email: string }[],
  now = Date.now(),
): Promise<LimitedAccount[]> {
  const keys = staff.flatMap((s) =>
    (['password', '2fa'] as const).map((step) => ({
      s,
      step,
      key: accountKey(secret, step, step === 'password' ? s.email : String(s.id)),
    })),
  );
  const states = await limitStates(
    db,
    keys.map((k) => k.key),
    now,
  );
  return keys.flatMap(({ s, step, key }) => {
    const state = states.get(key);
    // A typo or two limits nothing; shown are accounts where a proof or a wait is asked.
    const limited =
      state &&
      (state.failures >= PROOF_AFTER || state.addressesWaiting > 0 || state.devicesWaiting > 0);
    return limited ? [{ ...state, userId: s.id, name: s.name, step }] : [];
  });
}

/** An admin clears both steps' limits of one account; returns the rows removed. */
export function clearStaffLimits(
  db: Db,
  secret: string,
  user: { id: number; email: string },
): Promise<number> {
  return clearAccountLimits(db, [
    accountKey(secret, 'password', user.email),
    accountKey(secret, '2fa', String(user.id)),
  ]);
}
