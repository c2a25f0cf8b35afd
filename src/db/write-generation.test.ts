import { describe, expect, it } from 'vitest';
import { forgetReads, memoRead, noteWrite, trackWrites } from './write-generation.ts';

/** memoRead: one load shared, dropped by a write, by forgetReads and after its time. */
describe('in-memory reads per database handle', () => {
  it('keeps a value until a write, a forget or its time; never for an untracked handle', async () => {
    const db = {};
    trackWrites(db);
    let loads = 0;
    const load = async () => ++loads;
    const t = 1_000_000;
    const [a, b] = await Promise.all([
      memoRead(db, 'k', 100, load, t),
      memoRead(db, 'k', 100, load, t),
    ]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await memoRead(db, 'k', 100, load, t + 99)).toBe(1);
    expect(await memoRead(db, 'k', 100, load, t + 100)).toBe(2);
    noteWrite(db);
    expect(await memoRead(db, 'k', 100, load, t + 101)).toBe(3);
    forgetReads(db);
    expect(await memoRead(db, 'k', 100, load, t + 102)).toBe(4);

    const untracked = {};
    expect(await memoRead(untracked, 'k', 100, load, t)).toBe(5);
    expect(await memoRead(untracked, 'k', 100, load, t)).toBe(6);
  });

  it('does not keep a failed load, nor one a write overtook', async () => {
    const db = {};
    trackWrites(db);
    await expect(memoRead(db, 'k', 1000, () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await memoRead(db, 'k', 1000, async () => 'up')).toBe('up');

    let release: (v: string) => void = () => {};
    const slow = memoRead(db, 'slow', 1000, () => new Promise<string>((r) => (release = r)));
    noteWrite(db); // the data changed while it was being read
    release('old');
    expect(await slow).toBe('old');
    expect(await memoRead(db, 'slow', 1000, async () => 'new')).toBe('new');
  });
});
