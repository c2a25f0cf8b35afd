import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import { makeStaff } from '../../test/staff.ts';
import {
  ABSOLUTE_MS,
  createSession,
  deleteUserSessions,
  IDLE_MS,
  resolveSession,
  tokenHash,
} from './sessions.ts';
import { setDisabled } from './users.ts';

describe.each(DIALECTS)('sessions (%s)', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb(dialect);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('stores only the SHA-256 of the token', async () => {
    const user = await makeStaff(t.db, 'wartawan');
    const { token } = await createSession(t.db, user.id);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await t.db.kysely
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toEqual([{ token_hash: tokenHash(token) }]);
  });

  it('ends a session after the idle time, but activity keeps it alive', async () => {
    const user = await makeStaff(t.db, 'wartawan');
    const t0 = 1_700_000_000_000;
    const { token } = await createSession(t.db, user.id, { now: t0 });
    // Used every 11 hours: still alive after 33 hours.
    for (let i = 1; i <= 3; i++) {
      expect(await resolveSession(t.db, token, t0 + i * 11 * 3_600_000)).toBeDefined();
    }
    expect(await resolveSession(t.db, token, t0 + 33 * 3_600_000 + IDLE_MS)).toBeUndefined();
    // Deleted, not merely refused.
    expect(await resolveSession(t.db, token, t0 + 33 * 3_600_000)).toBeUndefined();
  });

  it('ends a session at the absolute expiry however active it is', async () => {
    const user = await makeStaff(t.db, 'redaktur');
    const t0 = 1_700_000_000_000;
    const { token } = await createSession(t.db, user.id, { now: t0 });
    let now = t0;
    while (now + 6 * 3_600_000 < t0 + ABSOLUTE_MS) {
      now += 6 * 3_600_000;
      expect(await resolveSession(t.db, token, now)).toBeDefined();
    }
    expect(await resolveSession(t.db, token, t0 + ABSOLUTE_MS)).toBeUndefined();
  });

  it('logs out everywhere and refuses sessions of disabled accounts', async () => {
    const user = await makeStaff(t.db, 'kontributor');
    const a = await createSession(t.db, user.id);
    const b = await createSession(t.db, user.id);
    const other = await makeStaff(t.db, 'kontributor');
    const c = await createSession(t.db, other.id);
    expect(await deleteUserSessions(t.db, user.id)).toBe(2);
    expect(await resolveSession(t.db, a.token)).toBeUndefined();
    expect(await resolveSession(t.db, b.token)).toBeUndefined();
    expect(await resolveSession(t.db, c.token)).toBeDefined();
    await setDisabled(t.db, other.id, true);
    expect(await resolveSession(t.db, c.token)).toBeUndefined();
  });

  it('ignores junk tokens', async () => {
    expect(await resolveSession(t.db, '')).toBeUndefined();
    expect(await resolveSession(t.db, 'x'.repeat(500))).toBeUndefined();
    expect(await resolveSession(t.db, "' OR 1=1 --")).toBeUndefined();
  });
});
