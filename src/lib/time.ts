/**
 * Date formatting for Indonesian newsrooms in a configurable site time zone.
 *
 * Wall-clock values come from Intl (full ICU in Node 20) so offsets are never
 * hand-rolled. Weekday and month names are our own constants: ICU's Indonesian
 * data has changed across versions ("Jumat" vs "Jum'at") and pages must not.
 */

export type ZoneLabel = 'WIB' | 'WITA' | 'WIT';

import type { Lang } from './i18n.ts';

export type { Lang };

/** IANA zone for each Indonesian zone label, as mapped by the site config. */
export const ZONES: Record<ZoneLabel, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

/** Weekday names indexed by weekday number (0 = Sunday). */
export const WEEKDAYS: Record<Lang, readonly string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** Month names indexed by month - 1. */
export const MONTHS: Record<Lang, readonly string[]> = {
  id: [
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
  ],
  en: [
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
  ],
};

/** Abbreviated month names indexed by month - 1. */
export const SHORT_MONTHS: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export interface LocalDateParts {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
  /** 0-23 */
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: ZoneLabel): Intl.DateTimeFormat {
  const timeZone = ZONES[zone];
  if (timeZone === undefined) throw new RangeError(`Unknown zone label: ${String(zone)}`);
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Wall clocks already worked out, by zone and minute: a page formats the same
 * publication times on every request, and the current time within a minute,
 * and `formatToParts` is the dearest call in rendering. By the minute, since
 * every zone offset since 1924 is whole minutes: the seconds are the instant's
 * own. Bounded; cleared whole when full. Entries are frozen (shared).
 */
const wallClocks = new Map<string, Readonly<WallClock>>();
const WALL_CLOCK_CACHE_SIZE = 20_000;

function wallClock(ms: number, zone: ZoneLabel): Readonly<WallClock> {
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid timestamp: ${ms}`);
  const minuteStart = Math.floor(ms / MINUTE) * MINUTE;
  const second = Math.floor((ms - minuteStart) / 1000);
  const key = `${zone}${minuteStart}`;
  let known = wallClocks.get(key);
  if (!known) {
    const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const part of formatterFor(zone).formatToParts(minuteStart)) {
      if (part.type in out && part.type !== 'second') {
        out[part.type as keyof WallClock] = Number(part.value);
      }
    }
    if (wallClocks.size >= WALL_CLOCK_CACHE_SIZE) wallClocks.clear();
    known = Object.freeze(out);
    wallClocks.set(key, known);
  }
  return second === 0 ? known : { ...known, second };
}

/** Zone offset in ms (local minus UTC) at instant `ms`, derived from Intl. */
function offsetAt(ms: number, zone: ZoneLabel): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallClock(whole, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear undoes that.
  const fixed = new Date(asUtc);
  fixed.setUTCFullYear(w.year);
  return fixed.getTime() - whole;
}

/** Epoch ms of a local wall-clock midnight in the zone. */
function localMidnightToUtc(year: number, month: number, day: number, zone: ZoneLabel): number {
  const guess = Date.UTC(year, month - 1, day);
  let utc = guess - offsetAt(guess, zone);
  // A second pass settles the rare case where the offset differs at the result.
  utc = guess - offsetAt(utc, zone);
  return utc;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Calendar parts of the instant as seen on a wall clock in the zone (weekday 0 = Sunday). */
export function localDateParts(ms: number, zone: ZoneLabel): LocalDateParts {
  const w = wallClock(ms, zone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, weekday };
}

/** Article dateline, e.g. `Rabu (19/10/2022) 14.05 WITA`; English uses `:` in the time. */
export function formatDateline(ms: number, zone: ZoneLabel, lang: Lang): string {
  const p = localDateParts(ms, zone);
  const sep = lang === 'id' ? '.' : ':';
  const date = `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
  return `${WEEKDAYS[lang][p.weekday]} (${date}) ${pad2(p.hour)}${sep}${pad2(p.minute)} ${zone}`;
}

/** Compact date for lists and cards, e.g. `19 Okt 2022` / `19 Oct 2022`. */
export function formatShortDate(ms: number, zone: ZoneLabel, lang: Lang): string {
  const p = localDateParts(ms, zone);
  return `${p.day} ${SHORT_MONTHS[lang][p.month - 1]} ${p.year}`;
}

/** Full date with weekday, e.g. `Rabu, 19 Oktober 2022`. */
export function formatLongDate(ms: number, zone: ZoneLabel, lang: Lang): string {
  const p = localDateParts(ms, zone);
  return `${WEEKDAYS[lang][p.weekday]}, ${p.day} ${MONTHS[lang][p.month - 1]} ${p.year}`;
}

/**
 * Human "time ago" for recent items; anything 7 days or older (or more than a
 * minute in the future) falls back to `formatShortDate` in `zone` (default WIB).
 * Up to a minute of clock skew into the future still reads as "just now".
 */
export function formatRelative(
  ms: number,
  nowMs: number,
  lang: Lang,
  zone: ZoneLabel = 'WIB',
): string {
  const diff = nowMs - ms;
  if (diff < -MINUTE || diff >= 7 * DAY) return formatShortDate(ms, zone, lang);
  if (diff < MINUTE) return lang === 'id' ? 'baru saja' : 'just now';
  const [n, idUnit, enUnit] =
    diff < HOUR
      ? [Math.floor(diff / MINUTE), 'menit', 'minute']
      : diff < DAY
        ? [Math.floor(diff / HOUR), 'jam', 'hour']
        : [Math.floor(diff / DAY), 'hari', 'day'];
  return lang === 'id' ? `${n} ${idUnit} lalu` : `${n} ${enUnit}${n === 1 ? '' : 's'} ago`;
}

/** isoInZone's answers by zone and instant (pages repeat the same publication times). */
const isoStrings = new Map<string, string>();

/** ISO 8601 with the zone's own offset (seconds precision), for `<time datetime>` and feeds. */
export function isoInZone(ms: number, zone: ZoneLabel): string {
  // By the second, the answer's precision: the current time repeats within one too.
  const key = `${zone}${Math.floor(ms / 1000)}`;
  let iso = isoStrings.get(key);
  if (iso === undefined) {
    iso = computeIsoInZone(ms, zone);
    if (isoStrings.size >= WALL_CLOCK_CACHE_SIZE) isoStrings.clear();
    isoStrings.set(key, iso);
  }
  return iso;
}

function computeIsoInZone(ms: number, zone: ZoneLabel): string {
  const w = wallClock(ms, zone);
  const offsetMin = Math.round(offsetAt(ms, zone) / MINUTE);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const year = String(w.year).padStart(4, '0');
  const date = `${year}-${pad2(w.month)}-${pad2(w.day)}`;
  const time = `${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}`;
  return `${date}T${time}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Half-open epoch-ms range [start, end) covering one local day (or the whole
 * local month when `day` is undefined) in the zone, for archive queries.
 * Returns null for impossible dates (month 13, 31 Feb, year outside 1970-9999).
 */
export function dayRangeInZone(
  year: number,
  month: number,
  day: number | undefined,
  zone: ZoneLabel,
): { start: number; end: number } | null {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day === undefined) {
    const nextYear = month === 12 ? year + 1 : year;
    const nextMonth = month === 12 ? 1 : month + 1;
    return {
      start: localMidnightToUtc(year, month, 1, zone),
      end: localMidnightToUtc(nextYear, nextMonth, 1, zone),
    };
  }
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  // Date.UTC rolls day overflow into the next month/year for us.
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return {
    start: localMidnightToUtc(year, month, day, zone),
    end: localMidnightToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), zone),
  };
}
