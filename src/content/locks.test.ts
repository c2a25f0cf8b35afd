import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, makeSection } from '../../test/factories.ts';
import { DIALECTS, freshDb, type TestDb } from '../../test/helpers.ts';
import { createArticle } from './commands.ts';
import {
  acquireLock,
  currentLock,
  heartbeat,
  LOCK_TTL_MS,
  lockedByOther,
  releaseLock,
} from './locks.ts';

describe.each(DIALECTS)('article locks on %s', (dialect) => {
  let t: TestDb;
  let sectionId: number;
  beforeAll(async () => {
    t = await freshDb(dialect);
    sectionId = (await makeSection(t.db)).id;
  });
  afterAll(() => t.dispose());
  const article = () => createArticle(t.db.kysely, buildArticle(sectionId));

  it('tells the second person who holds the lock, until they take over', async () => {
    const k = t.db.kysely;
    const id = await article();
    const t0 = 1_000_000;
    expect(await acquireLock(k, id, 1, { now: t0 })).toEqual({ held: true });
    expect(await acquireLock(k, id, 2, { now: t0 + 1000 })).toEqual({
      held: false,
      holder: { userId: 1, acquiredAt: t0, heartbeatAt: t0 },
    });
    expect(await lockedByOther(k, id, 2, t0 + 1000)).toMatchObject({ userId: 1 });
    expect(await lockedByOther(k, id, 1, t0 + 1000)).toBeNull();
    // Refreshing keeps the start time.
    expect(await acquireLock(k, id, 1, { now: t0 + 5000 })).toEqual({ held: true });
    expect(await currentLock(k, id, t0 + 5000)).toEqual({
      userId: 1,
      acquiredAt: t0,
      heartbeatAt: t0 + 5000,
    });
    expect(await acquireLock(k, id, 2, { now: t0 + 6000, takeOver: true })).toEqual({ held: true });
    expect(await currentLock(k, id, t0 + 6000)).toMatchObject({ userId: 2, acquiredAt: t0 + 6000 });
    // The first person's heartbeat now reports the new holder.
    expect(await heartbeat(k, id, 1, t0 + 7000)).toMatchObject({
      held: false,
      holder: { userId: 2 },
    });
  });

  it('frees a lock without heartbeat after the time-out', async () => {
    const k = t.db.kysely;
    const id = await article();
    await acquireLock(k, id, 1, { now: 0 });
    expect(await acquireLock(k, id, 2, { now: LOCK_TTL_MS - 1 })).toMatchObject({ held: false });
    expect(await acquireLock(k, id, 2, { now: LOCK_TTL_MS + 1 })).toEqual({ held: true });
    expect(await currentLock(k, id, LOCK_TTL_MS + 1)).toMatchObject({ userId: 2 });
  });

  it('releases only the holder’s own lock', async () => {
    const k = t.db.kysely;
    const id = await article();
    const now = Date.now();
    await acquireLock(k, id, 1, { now });
    await releaseLock(k, id, 2);
    expect(await currentLock(k, id, now)).toMatchObject({ userId: 1 });
    await releaseLock(k, id, 1);
    expect(await currentLock(k, id, now)).toBeNull();
    expect(await heartbeat(k, id, 3, now)).toEqual({ held: true });
  });
});
