// The viewer's own IANA time zone, and formatting of instants in it (UTC on hover).
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The viewer's IANA zone, e.g. `Europe/Berlin` (UTC when the browser will not say). */
export function viewerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** `14:32` or `14:32:10` in `zone`. */
export function formatClock(ms: number, zone: string, seconds = false): string {
  return format(new TZDate(ms, zone), seconds ? 'HH:mm:ss' : 'HH:mm');
}

/** `Sat 28 Nov 2026` in `zone`. */
export function formatDay(ms: number, zone: string): string {
  return format(new TZDate(ms, zone), 'EEE d MMM yyyy');
}

/** `Sat 28 Nov` in `zone`: the date beside a clock when a span crosses midnight. */
export function formatShortDay(ms: number, zone: string): string {
  return format(new TZDate(ms, zone), 'EEE d MMM');
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function formatDayKey(ms: number, zone: string): string {
  let f = dayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, f);
  }
  let y = '';
  let m = '';
  let d = '';
  for (const part of f.formatToParts(ms)) {
    if (part.type === 'year') y = part.value;
    else if (part.type === 'month') m = part.value;
    else if (part.type === 'day') d = part.value;
  }
  return `${y}-${m}-${d}`;
}

/** Day keys by zone and quarter hour: '' for a quarter hour in which the day changes. */
const QUARTER_HOUR_MS = 15 * 60_000;
const dayKeysByQuarter = new Map<string, Map<number, string>>();
const MAX_CACHED_QUARTERS = 20_000;

/**
 * `yyyy-MM-dd` in `zone`: a key for grouping by day. Called for every entry of a big
 * timeline on each render, so a quarter hour that lies within one day is formatted once
 * (its first and last millisecond have the same key); only a quarter hour in which the day
 * changes formats each instant.
 */
export function dayKey(ms: number, zone: string): string {
  let byQuarter = dayKeysByQuarter.get(zone);
  if (!byQuarter || byQuarter.size > MAX_CACHED_QUARTERS) {
    byQuarter = new Map();
    dayKeysByQuarter.set(zone, byQuarter);
  }
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let key = byQuarter.get(quarter);
  if (key === undefined) {
    const first = formatDayKey(quarter * QUARTER_HOUR_MS, zone);
    key = first === formatDayKey((quarter + 1) * QUARTER_HOUR_MS - 1, zone) ? first : '';
    byQuarter.set(quarter, key);
  }
  return key || formatDayKey(ms, zone);
}

/** `2026-11-28 13:32:10 UTC`, for hover titles. */
export function formatUtc(ms: number): string {
  return format(new TZDate(ms, 'UTC'), "yyyy-MM-dd HH:mm:ss 'UTC'");
}

/** `28 Nov 2026, 14:32 (Europe/Berlin)`. */
export function formatFull(ms: number, zone: string): string {
  return `${format(new TZDate(ms, zone), 'd MMM yyyy, HH:mm')} (${zone})`;
}

/** A value for `<input type="datetime-local">` in `zone`. */
export function toLocalInput(ms: number, zone: string): string {
  return format(new TZDate(ms, zone), "yyyy-MM-dd'T'HH:mm");
}

/** Reads `<input type="datetime-local">` as a time in `zone`; null when empty or invalid. */
export function fromLocalInput(value: string, zone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), zone).getTime();
}

/** Every IANA zone the browser knows, for pickers (empty when it will not say). */
export function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** `2026-11-28 21:58` in `zone`: a typed time value that reads back unambiguously. */
export function formatTyped(ms: number, zone: string): string {
  return format(new TZDate(ms, zone), 'yyyy-MM-dd HH:mm');
}
