// Turns written times into instants for a source read top to bottom: fills in
// the incident's date, rolls a run of times of day past midnight, gives
// year-less dates a year, and keeps a log in order through a DST change.
import type { TimePrecision } from '@hindsight/doc';
import type { WrittenTime } from './timeText.ts';
import { resolveBareTime } from './bareTime.ts';
import {
  checkZone,
  formatDate,
  localDateOf,
  localMinutesOf,
  nextDay,
  parseIsoDate,
  type LocalDate,
  zonedToUtc,
} from './zone.ts';
import type { TimeOptions } from './types.ts';

/** A run of times of day going back by more than this is read as having passed midnight. */
export const ROLLOVER_MINUTES = 6 * 60;

export type Resolved = { ok: true; at: number; precision: TimePrecision } | { ok: false; reason: string };

/**
 * Stateful reader of one source's times. Feed times in source order: each
 * instant and each dated time sets the current date; a time of day without a
 * date takes the current date (first the `date` option), moving to the next
 * day when it is more than ROLLOVER_MINUTES earlier than the time before it.
 */
export class SourceClock {
  readonly zone: string;
  private day: LocalDate | null;
  private lastMinutes: number | null = null;
  private lastAt: number | undefined;
  private readonly incident: TimeOptions['incident'];

  constructor(options: TimeOptions) {
    this.zone = checkZone(options.timeZone ?? 'UTC');
    if (options.date !== undefined && parseIsoDate(options.date) === null) {
      throw new Error(`the date "${options.date}" is not a YYYY-MM-DD calendar date`);
    }
    this.day = options.date === undefined ? null : parseIsoDate(options.date);
    this.incident = options.incident;
  }

  /** Moves the current date explicitly (an IRC "Day changed" line). */
  setDay(day: LocalDate): void {
    this.day = day;
    this.lastMinutes = null;
  }

  resolve(written: WrittenTime): Resolved {
    if (written.type === 'instant') {
      this.day = localDateOf(written.ms, this.zone);
      this.lastMinutes = localMinutesOf(written.ms, this.zone);
      this.lastAt = written.ms;
      return { ok: true, at: written.ms, precision: written.precision };
    }
    const minutes = written.time.hour * 60 + written.time.minute;
    let day: LocalDate;
    if (written.date && !written.noYear) {
      day = written.date;
    } else if (written.date) {
      const base = this.day;
      if (!base) return { ok: false, reason: 'the date has no year; choose the incident date so the year is known' };
      day = { ...written.date, year: base.year };
      // "Dec 31" read in a January incident belongs to the year before, and vice versa.
      if (written.date.month - base.month > 6) day.year--;
      if (base.month - written.date.month > 6) day.year++;
    } else if (!this.day && this.incident && written.offsetMinutes === undefined) {
      // The source's first dateless time: the occurrence nearest the incident sets the day.
      const at = resolveBareTime(written.time, { zone: this.zone, ...this.incident }).at;
      this.day = localDateOf(at, this.zone);
      this.lastMinutes = minutes;
      this.lastAt = at;
      return { ok: true, at, precision: written.precision };
    } else {
      if (!this.day) return { ok: false, reason: 'the time has no date; choose the incident date to fill it in' };
      day = this.day;
      if (this.lastMinutes !== null && minutes < this.lastMinutes - ROLLOVER_MINUTES) day = nextDay(day);
    }
    let at: number;
    if (written.offsetMinutes !== undefined) {
      const t = written.time;
      at = Date.UTC(day.year, day.month - 1, day.day, t.hour, t.minute, t.second, t.millisecond);
      at -= written.offsetMinutes * 60_000;
    } else {
      at = zonedToUtc(day, written.time, this.zone, this.lastAt);
    }
    this.day = day;
    this.lastMinutes = minutes;
    this.lastAt = at;
    return { ok: true, at, precision: written.precision };
  }

  /** The current date as `YYYY-MM-DD`, or null before any. */
  currentDate(): string | null {
    return this.day ? formatDate(this.day) : null;
  }
}
