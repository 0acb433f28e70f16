// Reading the time written at the start of a line or in a table cell: ISO 8601
// / RFC 3339, common spreadsheet and log shapes, month names, times of day
// (24 h or am/pm) and epoch numbers. Says what it found; `clock.ts` turns it
// into an instant.
import type { TimePrecision } from '@hindsight/doc';
import { isRealDate, type LocalDate, type LocalTime } from './zone.ts';

/** A time as written: an instant (it had a zone, offset or was epoch), or a wall-clock time with or without a date. */
export type WrittenTime =
  | { type: 'instant'; ms: number; precision: TimePrecision }
  | {
      type: 'local';
      /** Absent when only a time of day was written. */
      date?: LocalDate;
      /** True when the date had no year (syslog's `Oct 25`); `date.year` is then 0. */
      noYear?: boolean;
      time: LocalTime;
      /** A fixed UTC offset written with it (`14:32 UTC`), overriding the chosen zone. */
      offsetMinutes?: number;
      precision: TimePrecision;
    };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1-12 for an English month name or abbreviation, else 0. */
export function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?`;
const ZONE = String.raw`(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)`;
/** `am`, `p.m.`, or a bare `a`/`p` right after the time (`2p`). */
const AMPM = String.raw`([aApP](?:\.?[mM]\.?)?)`;

const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})(?:[T ]|\s+)${TIME}\s*${ZONE}?$`);
const ISO_DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASH_YMD = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})[ T,]+${TIME}\s*${AMPM}?\s*${ZONE}?$`);
const NUMERIC_DMY = new RegExp(String.raw`^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4}),?\s+${TIME}\s*${AMPM}?\s*${ZONE}?$`);
const MONTH_DAY = new RegExp(
  String.raw`^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?,?\s+${TIME}\s*${AMPM}?\s*${ZONE}?$`,
);
const DAY_MONTH = new RegExp(
  String.raw`^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?(?:\s+(\d{4}))?,?\s+${TIME}\s*${AMPM}?\s*${ZONE}?$`,
);
const TIME_ONLY = new RegExp(String.raw`^${TIME}\s*${AMPM}?\s*${ZONE}?$`);
/** An hour with am/pm and no minutes: `2pm`, `12 a.m.`. */
const HOUR_AMPM = new RegExp(String.raw`^(\d{1,2})\s*${AMPM}\s*${ZONE}?$`);
const EPOCH = /^(\d{10}|\d{13})(?:\.(\d{1,6}))?$/;

function zoneOffsetMinutes(zone: string): number {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function timeOf(h: string, mi: string, s?: string, frac?: string, ampm?: string): LocalTime | null {
  let hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm[0]!.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 60) return null;
  const millisecond = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  return { hour, minute, second: Math.min(second, 59), millisecond };
}

function build(
  date: LocalDate | undefined,
  time: LocalTime | null,
  seconds: string | undefined,
  zone: string | undefined,
  noYear = false,
): WrittenTime | null {
  if (!time) return null;
  if (date && !noYear && !isRealDate(date)) return null;
  const precision: TimePrecision = seconds === undefined ? 'minute' : 'exact';
  if (zone !== undefined && date && !noYear) {
    const naive = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second, time.millisecond);
    return { type: 'instant', ms: naive - zoneOffsetMinutes(zone) * 60_000, precision };
  }
  // A zone on a time without a full date: keep the wall-clock reading but in that fixed offset.
  const offsetMinutes = zone === undefined ? undefined : zoneOffsetMinutes(zone);
  return { type: 'local', date, noYear: noYear || undefined, time, offsetMinutes, precision };
}

function fullYear(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

/**
 * Reads a time written on its own (a table cell, a bracketed chat stamp).
 * Numeric dates: `a/b/yyyy` is month/day unless the first number is over 12;
 * `a.b.yyyy` is day.month. Null when it is not a time this understands.
 */
export function parseWrittenTime(raw: string): WrittenTime | null {
  const text = raw.trim();
  let m = ISO.exec(text);
  if (m) {
    const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    return build(date, timeOf(m[4]!, m[5]!, m[6], m[7]), m[6], m[8]);
  }
  if ((m = SLASH_YMD.exec(text))) {
    const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    return build(date, timeOf(m[4]!, m[5]!, m[6], m[7], m[8]), m[6], m[9]);
  }
  if ((m = NUMERIC_DMY.exec(text))) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const dayFirst = m[2] === '.' || a > 12;
    const date = { year: fullYear(m[4]!), month: dayFirst ? b : a, day: dayFirst ? a : b };
    return build(date, timeOf(m[5]!, m[6]!, m[7], m[8], m[9]), m[7], m[10]);
  }
  if ((m = MONTH_DAY.exec(text)) && monthNumber(m[1]!) > 0) {
    const noYear = m[3] === undefined;
    const date = { year: noYear ? 0 : Number(m[3]), month: monthNumber(m[1]!), day: Number(m[2]) };
    return build(date, timeOf(m[4]!, m[5]!, m[6], m[7], m[8]), m[6], m[9], noYear);
  }
  if ((m = DAY_MONTH.exec(text)) && monthNumber(m[2]!) > 0) {
    const noYear = m[3] === undefined;
    const date = { year: noYear ? 0 : Number(m[3]), month: monthNumber(m[2]!), day: Number(m[1]) };
    return build(date, timeOf(m[4]!, m[5]!, m[6], m[7], m[8]), m[6], m[9], noYear);
  }
  if ((m = TIME_ONLY.exec(text))) {
    return build(undefined, timeOf(m[1]!, m[2]!, m[3], m[4], m[5]), m[3], m[6]);
  }
  if ((m = HOUR_AMPM.exec(text))) {
    return build(undefined, timeOf(m[1]!, '00', undefined, undefined, m[2]), undefined, m[3]);
  }
  if ((m = EPOCH.exec(text))) {
    const whole = Number(m[1]);
    const ms = m[1]!.length === 10 ? whole * 1000 + Math.floor(Number(`0.${m[2] ?? '0'}`) * 1000) : whole;
    return { type: 'instant', ms, precision: 'exact' };
  }
  return null;
}

/** True for a cell that holds only a date (`YYYY-MM-DD`), as in a separate date column. */
export function parseDateCell(raw: string): LocalDate | null {
  const text = raw.trim();
  const m = ISO_DATE_ONLY.exec(text) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) {
    const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    return isRealDate(date) ? date : null;
  }
  const n = /^(\d{1,2})([/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (!n) return null;
  const a = Number(n[1]);
  const b = Number(n[3]);
  const dayFirst = n[2] === '.' || a > 12;
  const date = { year: fullYear(n[4]!), month: dayFirst ? b : a, day: dayFirst ? a : b };
  return isRealDate(date) ? date : null;
}
