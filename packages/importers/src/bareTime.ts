// The one place a time of day written without a date ("21:50") becomes an
// instant: the occurrence nearest the incident, never in the future, and a
// say-so when it could as well mean another day. Used by the timeline's entry
// box and time cells and by the importers for a source's first dateless time.
import { localDateOf, nextDay, type LocalDate, type LocalTime, zonedToUtc } from './zone.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Two readings are both offered when the second is less than this much further
 * from the anchor than the first: "21:00" typed after a 09:00 entry is 12 h
 * either way, while "21:50" typed 8 min before the start is not a question.
 */
export const AMBIGUOUS_WITHIN_MS = 8 * HOUR;

/** How far before the incident's start a bare time may still land (precursors: the deploy the evening before). */
export const BEFORE_START_MS = DAY;

/** What a bare time is read against. All instants are epoch ms UTC. */
export interface IncidentClock {
  /** IANA zone the time was written in. */
  zone: string;
  /** The incident's start (or, while unknown, when the review was created). */
  startedAt: number;
  /** End of the collection window; times after it are not expected. Null: no end. */
  windowEndsAt: number | null;
  /** The entry written just before (the person's previous entry, or the source's previous line). */
  previousAt?: number | null;
  /** The present: nothing resolves after it. */
  now: number;
}

export interface BareTimeReading {
  /** The chosen instant: the plausible occurrence nearest the anchor (previous entry, else the start). */
  at: number;
  /** Every plausible occurrence, earliest first (includes `at`). */
  options: number[];
  /** True when another day is almost as likely: the UI must say so and let the person pick. */
  ambiguous: boolean;
}

function dayBefore(date: LocalDate): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day - 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The instants at which `time` occurs in `zone` on the days from `from`'s to `to`'s, plus one either side. */
function occurrences(time: LocalTime, zone: string, from: number, to: number, hint: number): number[] {
  const found: number[] = [];
  let day = dayBefore(localDateOf(Math.min(from, to), zone));
  const last = nextDay(localDateOf(Math.max(from, to), zone));
  for (let i = 0; i < 400; i++) {
    found.push(zonedToUtc(day, time, zone, hint));
    if (day.year === last.year && day.month === last.month && day.day === last.day) break;
    day = nextDay(day);
  }
  return found;
}

/**
 * Reads a wall-clock time without a date. Plausible occurrences lie between a
 * day before the start and the end of the collection window, and never after
 * `now`; of those, the one nearest the anchor (the previous entry, else the
 * start) wins. When none is plausible (an odd clock), the nearest occurrence
 * not in the future is taken, and failing that the nearest at all.
 */
export function resolveBareTime(time: LocalTime, clock: IncidentClock): BareTimeReading {
  const anchor = clock.previousAt ?? clock.startedAt;
  const lower = clock.startedAt - BEFORE_START_MS;
  const upper = Math.min(clock.windowEndsAt ?? Number.POSITIVE_INFINITY, clock.now);
  const all = occurrences(
    time,
    clock.zone,
    Math.min(lower, anchor),
    Math.max(anchor, Math.min(upper, anchor + DAY)),
    anchor,
  );
  const byDistance = (list: number[]): number[] =>
    [...list].sort((a, b) => Math.abs(a - anchor) - Math.abs(b - anchor) || a - b);
  let plausible = byDistance(all.filter((t) => t >= lower && t <= upper));
  if (plausible.length === 0) plausible = byDistance(all.filter((t) => t <= clock.now)).slice(0, 1);
  if (plausible.length === 0) plausible = byDistance(all).slice(0, 1);
  const [first, second] = plausible;
  const ambiguous = second !== undefined && Math.abs(second - anchor) - Math.abs(first! - anchor) < AMBIGUOUS_WITHIN_MS;
  const options = ambiguous
    ? plausible.filter((t) => Math.abs(t - anchor) - Math.abs(first! - anchor) < AMBIGUOUS_WITHIN_MS)
    : [first!];
  return { at: first!, options: options.sort((a, b) => a - b), ambiguous };
}
