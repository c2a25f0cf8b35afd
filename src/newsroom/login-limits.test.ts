import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import {
  ACCOUNT_MAX,
  ADDRESS_MAX,
  type Attempt,
  accountKey,
  clearAccountLimits,
  DEVICE_MAX,
  forgiveLoginAttempt,
  limitStates,
  PAIR_MAX,
  PROOF_AFTER,
  type Reservation,
  reserveLoginAttempt,
  WINDOW_MS,
} from './login-limits.ts';

const SECRET = 'test-secret-key-of-at-least-thirty-two-characters';
const T0 = 1_800_000_000_000;
const WITH_PROOF = async () => true;
const NO_PROOF = async () => false;

let n = 0;
/** A fresh account key and address per use, so cases do not share buckets. */
const account = () => accountKey(SECRET, 'password', `orang${++n}@warta.test`);
const address = () => `alamat-${++n}`;

describe.each(DIALECTS)('login limits in the database (%s)', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(dialect);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** One attempt that fails (its rows stay), as a wrong password does. */
  const fail = (a: Attempt, now: number, proof = WITH_PROOF) =>
    reserveLoginAttempt(t.db, SECRET, a, { now, proof });
  const rowCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('login_failures')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lets the right password in from a fresh address after strangers failed from many (the finding)', async () => {
    const acc = account();
    for (let i = 0; i < ACCOUNT_MAX + 3; i++) {
      expect((await fail({ account: acc, address: address() }, T0 + i)).kind).toBe('go');
    }
    const stranger = address();
    // A fresh address: no wait, only a proof of work first.
    expect(await fail({ account: acc, address: stranger }, T0 + 100, NO_PROOF)).toEqual({
      kind: 'proof',
    });
    const real = await fail({ account: acc, address: address() }, T0 + 101, WITH_PROOF);
    expect(real.kind).toBe('go');
    // A browser that logged in before needs neither.
    const device = await fail(
      { account: acc, address: address(), device: 'd1' },
      T0 + 102,
      NO_PROOF,
    );
    expect(device.kind).toBe('go');
  });

  it('keeps an address that failed on an account under pressure waiting, without lengthening the wait', async () => {
    const acc = account();
    const first = address();
    expect((await fail({ account: acc, address: first }, T0)).kind).toBe('go');
    for (let i = 1; i < ACCOUNT_MAX; i++) await fail({ account: acc, address: address() }, T0 + i);
    const before = await rowCount();
    const held = await fail({ account: acc, address: first }, T0 + 60_000);
    expect(held).toEqual({ kind: 'wait', waitMs: WINDOW_MS - 60_000 });
    // Refused guesses write nothing, so they never push the wait further.
    const later = await fail({ account: acc, address: first }, T0 + 120_000);
    expect(later).toEqual({ kind: 'wait', waitMs: WINDOW_MS - 120_000 });
    expect(await rowCount()).toBe(before);
    // Once its own failure has aged out, the address is fresh again.
    expect((await fail({ account: acc, address: first }, T0 + WINDOW_MS + 1)).kind).toBe('go');
  });

  it('stops a guesser at one address: a proof after PROOF_AFTER failures, a wait after PAIR_MAX', async () => {
    const acc = account();
    const ip = address();
    for (let i = 0; i < PROOF_AFTER; i++)
      expect((await fail({ account: acc, address: ip }, T0 + i, NO_PROOF)).kind).toBe('go');
    expect((await fail({ account: acc, address: ip }, T0 + 10, NO_PROOF)).kind).toBe('proof');
    for (let i = PROOF_AFTER; i < PAIR_MAX; i++)
      expect((await fail({ account: acc, address: ip }, T0 + 20 + i)).kind).toBe('go');
    const stopped = await fail({ account: acc, address: ip }, T0 + 1000);
    expect(stopped.kind).toBe('wait');
    // Even a browser with a device cookie for another session does not help this address's guesses:
    // only the device's own bucket counts for it.
    expect((await fail({ account: acc, address: ip, device: 'd2' }, T0 + 1001)).kind).toBe('go');
  });

  it('stops one address spraying many accounts, and other addresses stay free', async () => {
    const ip = address();
    for (let i = 0; i < ADDRESS_MAX; i++)
      expect((await fail({ account: account(), address: ip }, T0 + i, NO_PROOF)).kind).toBe('go');
    expect((await fail({ account: account(), address: ip }, T0 + 100)).kind).toBe('wait');
    expect((await fail({ account: account(), address: address() }, T0 + 100)).kind).toBe('go');
  });

  it('gives each remembered browser its own bucket of DEVICE_MAX', async () => {
    const acc = account();
    for (let i = 0; i < DEVICE_MAX; i++)
      expect((await fail({ account: acc, address: address(), device: 'dd' }, T0 + i)).kind).toBe(
        'go',
      );
    expect((await fail({ account: acc, address: address(), device: 'dd' }, T0 + 9)).kind).toBe(
      'wait',
    );
    expect((await fail({ account: acc, address: address(), device: 'de' }, T0 + 9)).kind).toBe(
      'go',
    );
  });

  it('never lets guesses sent at the same moment past a limit', async () => {
    const concurrently = (count: number, make: (i: number) => Promise<Reservation>) =>
      Promise.all(Array.from({ length: count }, (_, i) => make(i)));
    const acc = account();
    const ip = address();
    const pair = await concurrently(3 * PAIR_MAX, () => fail({ account: acc, address: ip }, T0));
    expect(pair.filter((r) => r.kind === 'go').length).toBeLessThanOrEqual(PAIR_MAX);
    // From many addresses without a proof: no more than PROOF_AFTER get to guess.
    const acc2 = account();
    const spread = await concurrently(3 * PAIR_MAX, () =>
      fail({ account: acc2, address: address() }, T0, NO_PROOF),
    );
    expect(spread.filter((r) => r.kind === 'go').length).toBeLessThanOrEqual(PROOF_AFTER);
    const acc3 = account();
    const device = await concurrently(3 * DEVICE_MAX, () =>
      fail({ account: acc3, address: address(), device: 'dz' }, T0),
    );
    expect(device.filter((r) => r.kind === 'go').length).toBeLessThanOrEqual(DEVICE_MAX);
  });

  it('forgives a success, shows limited accounts and lets an admin clear them', async () => {
    const acc = account();
    for (let i = 0; i < ACCOUNT_MAX; i++) await fail({ account: acc, address: address() }, T0 + i);
    const states = await limitStates(t.db, [acc, account()], T0 + 10);
    expect([...states.keys()]).toEqual([acc]);
    expect(states.get(acc)).toEqual({
      failures: ACCOUNT_MAX,
      addressesWaiting: ACCOUNT_MAX,
      devicesWaiting: 0,
      underPressure: true,
      until: T0 + ACCOUNT_MAX - 1 + WINDOW_MS,
    });
    // A success from an address forgives that address's failures, not the account's count:
    // the other addresses that failed keep waiting.
    const fresh = { account: acc, address: address() };
    const good = await fail(fresh, T0 + 20);
    if (good.kind !== 'go') throw new Error('expected go');
    await forgiveLoginAttempt(t.db, SECRET, fresh, good.rowIds);
    expect((await limitStates(t.db, [acc], T0 + 21)).get(acc)).toMatchObject({
      failures: ACCOUNT_MAX,
      addressesWaiting: ACCOUNT_MAX,
      underPressure: true,
    });
    expect(await clearAccountLimits(t.db, [acc])).toBe(2 * ACCOUNT_MAX);
    expect((await limitStates(t.db, [acc], T0 + 22)).size).toBe(0);
  });
});
