import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { IMAGE_JOBS, imageJob, imageJobLoad } from './jobs.ts';

describe('imageJob', () => {
  it('runs one job at a time, in the order they came, and frees the slot when one throws', async () => {
    expect(IMAGE_JOBS).toBe(1);
    let active = 0;
    let most = 0;
    const order: number[] = [];
    const job = (n: number, fail = false) =>
      imageJob(async () => {
        active += 1;
        most = Math.max(most, active);
        order.push(n);
        await sleep(5);
        active -= 1;
        if (fail) throw new Error(`job ${n} failed`);
        return n;
      });
    const results = await Promise.allSettled([job(1), job(2, true), job(3), job(4), job(5)]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
      1,
      'Error: job 2 failed',
      3,
      4,
      5,
    ]);
    expect([most, order]).toEqual([1, [1, 2, 3, 4, 5]]);
    expect(imageJobLoad()).toEqual({ running: 0, waiting: 0 });
  });
});
