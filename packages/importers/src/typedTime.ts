// Reading a time a person types into the timeline's time column: the same
// reader as the importers' (`parseWrittenTime`), plus what only a person types
// (`now`, `+5m`, `-1h30m`), resolved against the entry's own time and the
// person's zone.
import type { TimePrecision } from '@hindsight/doc';
import { parseDateCell, parseWrittenTime } from './timeText.ts';
import { isRealDate, localDateOf, zonedToUtc, type LocalDate } from './zone.ts';

export interface TypedTime {
  /** Epoch milliseconds, UTC. */
  at: number;
  /** `exact` when seconds were given, `minute` otherwise. */
  precision: TimePrecision;
}

export interface TypedTimeOptions {
  /** Epoch ms the input is relative to: its day for bare times, itself for `+5m`. */
  reference: number;
  /** IANA zone the person types in (their own, usually). */
  timeZone: string;
  /** The clock for `now` (injected for tests); Date.now by default. */
  now?: () => number;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const RELATIVE = /^([+-])\s*((?:\d+\s*[smhd]\s*)+)$/;

function relative(text: string, reference: number): TypedTime | null {
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

/** The calendar date at a fixed UTC offset. */
const dateAtOffset = (ms: number, offsetMinutes: number): LocalDate => localDateOf(ms + offsetMinutes * 60_000, 'UTC');

/**
 * Parses a time as typed into the timeline. Everything `parseWrittenTime`
 * reads (ISO with or without an offset, `28 Nov 14:32`, `Nov 28 2026 2:32pm`,
 * `14:32`, `2pm`, `14:32 UTC`, epoch numbers), a bare date (its midnight), and
 * `now`, `+5m`, `-1h30m` (from the reference). A time without a date falls on
 * the reference's day in `timeZone` (in UTC, or at the offset, when one is
 * written); a date without a year takes the reference's year. Null when it
 * cannot tell.
 */
export function parseTypedTime(input: string, options: TypedTimeOptions): TypedTime | null {
  const { reference, timeZone } = options;
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  if (text.toLowerCase() === 'now') return { at: (options.now ?? Date.now)(), precision: 'exact' };
  const moved = relative(text.toLowerCase(), reference);
  if (moved) return moved;
  const dateOnly = parseDateCell(text);
  if (dateOnly) {
    return {
      at: zonedToUtc(dateOnly, { hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone),
      precision: 'minute',
    };
  }
  const written = parseWrittenTime(text);
  if (!written) return null;
  if (written.type === 'instant') return { at: written.ms, precision: written.precision };
  const offset = written.offsetMinutes;
  let day: LocalDate = offset === undefined ? localDateOf(reference, timeZone) : dateAtOffset(reference, offset);
  if (written.date) day = written.noYear ? { ...written.date, year: day.year } : written.date;
  if (!isRealDate(day)) return null;
  const t = written.time;
  const at =
    offset === undefined
      ? zonedToUtc(day, t, timeZone)
      : Date.UTC(day.year, day.month - 1, day.day, t.hour, t.minute, t.second, t.millisecond) - offset * 60_000;
  return { at, precision: written.precision };
}
