// Wall-clock times in an IANA zone to UTC instants and back, with the zone
// rules (daylight saving included) from @date-fns/tz.
import { TZDate, tzOffset } from '@date-fns/tz';
import { isTimeZone } from '@hindsight/doc';

/** A calendar date. `month` is 1-12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time of day. */
export interface LocalTime {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Throws a clear error unless `zone` is an IANA zone name the runtime knows. */
export function checkZone(zone: string): string {
  if (!isTimeZone(zone)) throw new Error(`unknown time zone "${zone}"; use an IANA name such as Europe/Berlin or UTC`);
  return zone;
}

/**
 * The UTC instant of a wall-clock time in `zone`. A time that occurs twice
 * (the hour repeated when clocks go back) resolves to the first occurrence not
 * earlier than `notBefore` minus five minutes (so a log running through the
 * change stays in order), else the later one; without a hint, the first. A
 * time that never occurs (the hour skipped when clocks go forward) is read
 * with the offset in force before the change, i.e. pushed forward.
 */
export function zonedToUtc(date: LocalDate, time: LocalTime, zone: string, notBefore?: number): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second, time.millisecond);
  const offsets = new Set<number>();
  for (const shift of [-24, -12, 0, 12, 24]) offsets.add(tzOffset(zone, new Date(naive + shift * HOUR)));
  const valid = [...offsets]
    .map((offset) => naive - offset * MINUTE)
    .filter((t) => tzOffset(zone, new Date(t)) * MINUTE === naive - t)
    .sort((a, b) => a - b);
  if (valid.length === 0) return naive - tzOffset(zone, new Date(naive - 24 * HOUR)) * MINUTE;
  if (valid.length === 1 || notBefore === undefined) return valid[0]!;
  return valid.find((t) => t >= notBefore - 5 * MINUTE) ?? valid[valid.length - 1]!;
}

/** The calendar date of an instant in `zone`. */
export function localDateOf(ms: number, zone: string): LocalDate {
  const d = new TZDate(ms, zone);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** Minutes since local midnight of an instant in `zone`. */
export function localMinutesOf(ms: number, zone: string): number {
  const d = new TZDate(ms, zone);
  return d.getHours() * 60 + d.getMinutes();
}

/** The day after `date`. */
export function nextDay(date: LocalDate): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** True when year/month/day name a real calendar day. */
export function isRealDate(date: LocalDate): boolean {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return d.getUTCFullYear() === date.year && d.getUTCMonth() === date.month - 1 && d.getUTCDate() === date.day;
}

/** Parses `YYYY-MM-DD`; null when it is not a real date. */
export function parseIsoDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(date) ? date : null;
}

/** `YYYY-MM-DD` of a date. */
export function formatDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
