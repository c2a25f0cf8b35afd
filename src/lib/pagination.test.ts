import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageWindow, parsePage } from './pagination.ts';

describe('parsePage', () => {
  it('treats a missing or empty value as page 1', () => {
    expect(parsePage(undefined)).toEqual({ ok: true, page: 1 });
    expect(parsePage('')).toEqual({ ok: true, page: 1 });
  });

  it('accepts canonical page numbers up to 100000', () => {
    expect(parsePage('1')).toEqual({ ok: true, page: 1 });
    expect(parsePage('2')).toEqual({ ok: true, page: 2 });
    expect(parsePage('42')).toEqual({ ok: true, page: 42 });
    expect(parsePage('100000')).toEqual({ ok: true, page: 100000 });
  });

  it('rejects everything else', () => {
    for (const raw of [
      '-1',
      '+1',
      'abc',
      '0',
      '00',
      '01',
      '1.5',
      '1e3',
      '0x10',
      '100001',
      '999999',
      '99999999999',
      ' 2',
      '2 ',
      '2abc',
      '١٢',
      '２',
      'Infinity',
      'NaN',
      ['2'],
      [],
      2,
      null,
      {},
      true,
    ]) {
      expect(parsePage(raw), JSON.stringify(raw)).toEqual({ ok: false });
    }
  });
});

describe('pageWindow', () => {
  it('shows gaps on both sides in the middle', () => {
    expect(pageWindow(6, 20)).toEqual([1, 'gap', 4, 5, 6, 7, 8, 'gap', 20]);
  });

  it('shows every page of a short listing', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 2)).toEqual([1, 2]);
    expect(pageWindow(3, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('has no gap at the edge it touches', () => {
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, 'gap', 20]);
    expect(pageWindow(4, 20)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 20]);
    expect(pageWindow(20, 20)).toEqual([1, 'gap', 18, 19, 20]);
  });

  it('shows a lone hidden page instead of a gap', () => {
    expect(pageWindow(5, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 20]);
    expect(pageWindow(16, 20)).toEqual([1, 'gap', 14, 15, 16, 17, 18, 19, 20]);
  });

  it('handles empty and out-of-range input', () => {
    expect(pageWindow(1, 0)).toEqual([]);
    expect(pageWindow(3, Number.NaN)).toEqual([]);
    expect(pageWindow(99, 20)).toEqual(pageWindow(20, 20));
    expect(pageWindow(-5, 20)).toEqual(pageWindow(1, 20));
  });

  it('is ascending, bounded, includes first/last/current and gaps hide 2+ pages (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 600 }),
        (total, c) => {
          const current = Math.min(c, total);
          const w = pageWindow(current, total);
          const nums = w.filter((x): x is number => x !== 'gap');
          expect(nums[0]).toBe(1);
          expect(nums.at(-1)).toBe(total);
          expect(nums).toContain(current);
          for (let i = current - 2; i <= current + 2; i++) {
            if (i >= 1 && i <= total) expect(nums).toContain(i);
          }
          expect(w.length).toBeLessThanOrEqual(9);
          for (let i = 1; i < w.length; i++) {
            const prev = w[i - 1];
            const item = w[i];
            if (item === 'gap') {
              expect(prev).not.toBe('gap');
              const next = w[i + 1];
              if (typeof prev !== 'number' || typeof next !== 'number') throw new Error('bad gap');
              expect(next - prev).toBeGreaterThanOrEqual(3);
            } else if (typeof prev === 'number') {
              expect(item).toBe(prev + 1);
            }
          }
        },
      ),
    );
  });
});
