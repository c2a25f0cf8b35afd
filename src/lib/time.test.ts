import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayRangeInZone,
  formatDateline,
  formatLongDate,
  formatRelative,
  formatShortDate,
  isoInZone,
  localDateParts,
  ZONES,
  type ZoneLabel,
} from './time.ts';

// 2022-10-19 06:05:00 UTC = 13.05 WIB = 14.05 WITA = 15.05 WIT, a Wednesday.
const INSTANT = Date.UTC(2022, 9, 19, 6, 5);
const LABELS: ZoneLabel[] = ['WIB', 'WITA', 'WIT'];

describe('ZONES', () => {
  it('maps labels to IANA names', () => {
    expect(ZONES).toEqual({ WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' });
  });
});

describe('formatDateline', () => {
  it('formats Indonesian and English datelines', () => {
    expect(formatDateline(INSTANT, 'WITA', 'id')).toBe('Rabu (19/10/2022) 14.05 WITA');
    expect(formatDateline(INSTANT, 'WITA', 'en')).toBe('Wednesday (19/10/2022) 14:05 WITA');
  });

  it('gives different hours for the same instant in WIB, WITA and WIT', () => {
    expect(formatDateline(INSTANT, 'WIB', 'id')).toBe('Rabu (19/10/2022) 13.05 WIB');
    expect(formatDateline(INSTANT, 'WITA', 'id')).toBe('Rabu (19/10/2022) 14.05 WITA');
    expect(formatDateline(INSTANT, 'WIT', 'id')).toBe('Rabu (19/10/2022) 15.05 WIT');
    expect(LABELS.map((z) => localDateParts(INSTANT, z).hour)).toEqual([13, 14, 15]);
  });

  it('zero-pads day, month, hour and minute and uses 24h time', () => {
    // 2023-03-05 00:07 WIB
    const ms = Date.UTC(2023, 2, 4, 17, 7);
    expect(formatDateline(ms, 'WIB', 'id')).toBe('Minggu (05/03/2023) 00.07 WIB');
    // 2023-03-05 23:59 WIB
    const late = Date.UTC(2023, 2, 5, 16, 59);
    expect(formatDateline(late, 'WIB', 'en')).toBe('Sunday (05/03/2023) 23:59 WIB');
  });

  it('puts an instant near midnight on different days in WIB and WIT', () => {
    const ms = Date.UTC(2022, 9, 19, 16, 30); // 23.30 WIB on the 19th, 01.30 WIT on the 20th
    expect(formatDateline(ms, 'WIB', 'id')).toBe('Rabu (19/10/2022) 23.30 WIB');
    expect(formatDateline(ms, 'WIT', 'id')).toBe('Kamis (20/10/2022) 01.30 WIT');
    expect(localDateParts(ms, 'WIB').day).toBe(19);
    expect(localDateParts(ms, 'WIT').day).toBe(20);
  });
});

describe('month and weekday names', () => {
  const idMonths = [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ];
  const idShort = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'Mei',
    'Jun',
    'Jul',
    'Agu',
    'Sep',
    'Okt',
    'Nov',
    'Des',
  ];
  const enMonths = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const enShort = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];

  it('writes every month in both languages, long and short', () => {
    for (let m = 0; m < 12; m++) {
      const ms = Date.UTC(2023, m, 15, 5); // midday WIB on the 15th
      const p = localDateParts(ms, 'WIB');
      expect(p.month).toBe(m + 1);
      expect(formatShortDate(ms, 'WIB', 'id')).toBe(`15 ${idShort[m]} 2023`);
      expect(formatShortDate(ms, 'WIB', 'en')).toBe(`15 ${enShort[m]} 2023`);
      expect(formatLongDate(ms, 'WIB', 'id')).toMatch(new RegExp(`, 15 ${idMonths[m]} 2023$`));
      expect(formatLongDate(ms, 'WIB', 'en')).toMatch(new RegExp(`, 15 ${enMonths[m]} 2023$`));
    }
  });

  it('writes every weekday in both languages, including Jumat without apostrophe', () => {
    const idDays = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
    const enDays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    // 1 January 2023 was a Sunday.
    for (let d = 0; d < 7; d++) {
      const ms = Date.UTC(2023, 0, 1 + d, 5);
      expect(localDateParts(ms, 'WIT').weekday).toBe(d);
      expect(formatLongDate(ms, 'WIT', 'id')).toBe(`${idDays[d]}, ${1 + d} Januari 2023`);
      expect(formatLongDate(ms, 'WIT', 'en')).toBe(`${enDays[d]}, ${1 + d} January 2023`);
    }
  });

  it('formats the documented examples', () => {
    expect(formatShortDate(INSTANT, 'WITA', 'id')).toBe('19 Okt 2022');
    expect(formatShortDate(INSTANT, 'WITA', 'en')).toBe('19 Oct 2022');
    expect(formatLongDate(INSTANT, 'WITA', 'id')).toBe('Rabu, 19 Oktober 2022');
    expect(formatLongDate(INSTANT, 'WITA', 'en')).toBe('Wednesday, 19 October 2022');
  });
});

describe('formatRelative', () => {
  const now = INSTANT;
  const min = 60_000;
  const hour = 60 * min;
  const day = 24 * hour;

  it('speaks Indonesian', () => {
    expect(formatRelative(now, now, 'id')).toBe('baru saja');
    expect(formatRelative(now - 59_999, now, 'id')).toBe('baru saja');
    expect(formatRelative(now - 5 * min, now, 'id')).toBe('5 menit lalu');
    expect(formatRelative(now - 3 * hour, now, 'id')).toBe('3 jam lalu');
    expect(formatRelative(now - 2 * day, now, 'id')).toBe('2 hari lalu');
    expect(formatRelative(now - 7 * day + 1, now, 'id')).toBe('6 hari lalu');
  });

  it('speaks English with singular and plural units', () => {
    expect(formatRelative(now - 10_000, now, 'en')).toBe('just now');
    expect(formatRelative(now - min, now, 'en')).toBe('1 minute ago');
    expect(formatRelative(now - 5 * min, now, 'en')).toBe('5 minutes ago');
    expect(formatRelative(now - hour, now, 'en')).toBe('1 hour ago');
    expect(formatRelative(now - 3 * hour - 59 * min, now, 'en')).toBe('3 hours ago');
    expect(formatRelative(now - day, now, 'en')).toBe('1 day ago');
    expect(formatRelative(now - 2 * day, now, 'en')).toBe('2 days ago');
  });

  it('falls back to the short date after six days and for the future', () => {
    expect(formatRelative(now - 7 * day, now, 'id')).toBe('12 Okt 2022');
    expect(formatRelative(now - 30 * day, now, 'en', 'WITA')).toBe('19 Sep 2022');
    expect(formatRelative(now + 2 * hour, now, 'id', 'WITA')).toBe('19 Okt 2022');
    expect(formatRelative(now + 30_000, now, 'id')).toBe('baru saja');
  });
});

describe('isoInZone', () => {
  it('writes local time with the zone offset', () => {
    expect(isoInZone(INSTANT, 'WITA')).toBe('2022-10-19T14:05:00+08:00');
    expect(isoInZone(INSTANT, 'WIB')).toBe('2022-10-19T13:05:00+07:00');
    expect(isoInZone(INSTANT + 42_999, 'WIT')).toBe('2022-10-19T15:05:42+09:00');
  });

  it('parses back to the same instant (to the second)', () => {
    for (const zone of LABELS) {
      expect(Date.parse(isoInZone(INSTANT + 1234, zone))).toBe(INSTANT + 1000);
    }
  });
});

describe('dayRangeInZone', () => {
  it('covers one local day', () => {
    expect(dayRangeInZone(2022, 10, 19, 'WIB')).toEqual({
      start: Date.UTC(2022, 9, 18, 17),
      end: Date.UTC(2022, 9, 19, 17),
    });
    expect(dayRangeInZone(2022, 10, 19, 'WIT')).toEqual({
      start: Date.UTC(2022, 9, 18, 15),
      end: Date.UTC(2022, 9, 19, 15),
    });
  });

  it('covers a whole local month, across a year end and a leap February', () => {
    expect(dayRangeInZone(2022, 12, undefined, 'WITA')).toEqual({
      start: Date.UTC(2022, 10, 30, 16),
      end: Date.UTC(2022, 11, 31, 16),
    });
    const feb = dayRangeInZone(2024, 2, undefined, 'WIB');
    expect(feb && (feb.end - feb.start) / 86_400_000).toBe(29);
  });

  it('round-trips with localDateParts', () => {
    for (const zone of LABELS) {
      for (const [y, m, d] of [
        [1970, 1, 1],
        [2000, 2, 29],
        [2022, 10, 19],
        [2022, 12, 31],
        [9999, 12, 31],
      ] as const) {
        const range = dayRangeInZone(y, m, d, zone);
        if (!range) throw new Error('expected a range');
        expect(localDateParts(range.start, zone)).toMatchObject({
          year: y,
          month: m,
          day: d,
          hour: 0,
          minute: 0,
        });
        expect(localDateParts(range.end - 1, zone)).toMatchObject({
          year: y,
          month: m,
          day: d,
          hour: 23,
          minute: 59,
        });
        expect(localDateParts(range.end, zone)).toMatchObject({ hour: 0, minute: 0 });
        expect(localDateParts(range.end, zone).day).not.toBe(d);
      }
    }
  });

  it('returns null for impossible dates', () => {
    expect(dayRangeInZone(2022, 13, 1, 'WIB')).toBeNull();
    expect(dayRangeInZone(2022, 0, 1, 'WIB')).toBeNull();
    expect(dayRangeInZone(2022, 13, undefined, 'WIB')).toBeNull();
    expect(dayRangeInZone(2022, 2, 31, 'WIB')).toBeNull();
    expect(dayRangeInZone(2023, 2, 29, 'WIB')).toBeNull();
    expect(dayRangeInZone(2022, 4, 31, 'WIB')).toBeNull();
    expect(dayRangeInZone(2022, 1, 0, 'WIB')).toBeNull();
    expect(dayRangeInZone(2022, 1, 1.5, 'WIB')).toBeNull();
    expect(dayRangeInZone(1969, 12, 31, 'WIB')).toBeNull();
    expect(dayRangeInZone(10000, 1, 1, 'WIB')).toBeNull();
    expect(dayRangeInZone(Number.NaN, 1, 1, 'WIB')).toBeNull();
    expect(dayRangeInZone(2024, 2, 29, 'WIB')).not.toBeNull();
  });

  it('contains any instant in its own local day and month (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 41 }),
        fc.constantFrom<ZoneLabel>('WIB', 'WITA', 'WIT'),
        (ms, zone) => {
          const p = localDateParts(ms, zone);
          const day = dayRangeInZone(p.year, p.month, p.day, zone);
          const month = dayRangeInZone(p.year, p.month, undefined, zone);
          if (!day || !month) return false;
          return (
            day.start <= ms &&
            ms < day.end &&
            month.start <= day.start &&
            day.end <= month.end &&
            day.end - day.start === 86_400_000
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
