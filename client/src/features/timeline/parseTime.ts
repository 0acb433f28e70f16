// Parses what people type in the time column: `14:32`, `2:32pm`, `14:32:10`, `+5m`, `-1h30m`, full dates.
import { TZDate } from '@date-fns/tz';

export type TimePrecision = 'exact' | 'minute';

export interface ParsedTime {
  /** Epoch milliseconds, UTC. */
  at: number;
  /** `exact` when seconds were given, `minute` otherwise. */
  precision: TimePrecision;
}

export interface ParseTimeOptions {
  /** Epoch ms the input is relative to: its day for bare times, itself for `+5m`. */
  reference: number;
  /** IANA zone the person types in (their own, usually). */
  timeZone: string;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const RELATIVE = /^([+-])\s*((?:\d+\s*[smhd]\s*)+)$/;
const CLOCK = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?(?:\.(\d{1,3}))?\s*(am|pm|a|p)?\s*(z|utc)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[t\s]+(.+))?$/;
const NAMED_DATE =
  /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?(?:\s+(\d{4}))?(?:[,\s]+(.+))?$|^([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?(?:[,\s]+(.+))?$/;
const WITH_OFFSET = /(?:z|[+-]\d{2}:?\d{2})$/;

interface Clock {
  h: number;
  m: number;
  s: number;
  ms: number;
  utc: boolean;
  seconds: boolean;
}

function parseClock(text: string): Clock | null {
  const m = CLOCK.exec(text.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  const s = m[3] === undefined ? 0 : Number(m[3]);
  const meridiem = m[5];
  if (m[2] === undefined && !meridiem) return null; // a bare number is not a time
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem.startsWith('p') ? 12 : 0);
  }
  if (h > 23 || min > 59 || s > 59) return null;
  return { h, m: min, s, ms: m[4] ? Number(m[4].padEnd(3, '0')) : 0, utc: !!m[6], seconds: m[3] !== undefined };
}

function at(y: number, mo: number, d: number, c: Clock, timeZone: string): ParsedTime | null {
  const zone = c.utc ? 'UTC' : timeZone;
  const date = new TZDate(y, mo, d, c.h, c.m, c.s, c.ms, zone);
  // Reject overflow such as 31 February.
  if (date.getDate() !== d || date.getMonth() !== mo) return null;
  return { at: date.getTime(), precision: c.seconds ? 'exact' : 'minute' };
}

/**
 * A time of day typed on its own (`21:50`, `9:50pm`, `21:50:10`, `21:50 UTC`),
 * for `resolveBareTime` to place on a day; null for anything with a date.
 */
export function parseBareClock(input: string): {
  time: { hour: number; minute: number; second: number; millisecond: number };
  utc: boolean;
  precision: TimePrecision;
} | null {
  const c = parseClock(input.trim().toLowerCase().replace(/\s+/g, ' '));
  if (!c) return null;
  return {
    time: { hour: c.h, minute: c.m, second: c.s, millisecond: c.ms },
    utc: c.utc,
    precision: c.seconds ? 'exact' : 'minute',
  };
}

const MIDNIGHT: Clock = { h: 0, m: 0, s: 0, ms: 0, utc: false, seconds: false };

function parseRelative(text: string, reference: number): ParsedTime | null {
  const m = RELATIVE.exec(text);
  if (!m) return null;
  let total = 0;
  let seconds = false;
  for (const part of m[2]!.matchAll(/(\d+)\s*([smhd])/g)) {
    total += Number(part[1]) * UNIT_MS[part[2]!]!;
    if (part[2] === 's') seconds = true;
  }
  return { at: reference + (m[1] === '-' ? -total : total), precision: seconds ? 'exact' : 'minute' };
}

function parseDated(text: string, timeZone: string, referenceYear: number): ParsedTime | null {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    if (iso[4] && WITH_OFFSET.test(iso[4])) {
      const ms = Date.parse(text.toUpperCase().replace(' ', 'T'));
      if (Number.isNaN(ms)) return null;
      return { at: ms, precision: /:\d{2}:\d{2}/.test(iso[4]) ? 'exact' : 'minute' };
    }
    const clock = iso[4] ? parseClock(iso[4]) : MIDNIGHT;
    return clock ? at(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), clock, timeZone) : null;
  }
  const named = NAMED_DATE.exec(text);
  if (!named) return null;
  const [day, mon, year, rest] = named[1]
    ? [named[1], named[2], named[3], named[4]]
    : [named[6], named[5], named[7], named[8]];
  const month = MONTHS.indexOf(mon!);
  if (month < 0) return null;
  const clock = rest ? parseClock(rest) : MIDNIGHT;
  return clock ? at(year ? Number(year) : referenceYear, month, Number(day), clock, timeZone) : null;
}

/**
 * Parses a time as typed into the timeline. Bare times fall on the reference's
 * day in `timeZone` (or in UTC with a `Z`/`UTC` suffix); `+5m`/`-1h30m` move from
 * the reference; dates may be ISO (`2026-11-28 14:32`, with `Z` or an offset) or
 * named (`28 Nov 14:32`, `Nov 28 2026 2:32pm`). Returns null when it cannot tell.
 */
export function parseTime(input: string, { reference, timeZone }: ParseTimeOptions): ParsedTime | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!text) return null;
  if (text === 'now') return { at: Date.now(), precision: 'exact' };
  const relative = parseRelative(text, reference);
  if (relative) return relative;
  const ref = new TZDate(reference, timeZone);
  const clock = parseClock(text);
  if (clock) {
    const day = clock.utc ? new TZDate(reference, 'UTC') : ref;
    return at(day.getFullYear(), day.getMonth(), day.getDate(), clock, timeZone);
  }
  return parseDated(text, timeZone, ref.getFullYear());
}
