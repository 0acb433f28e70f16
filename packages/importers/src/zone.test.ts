import { describe, expect, it } from 'vitest';
import { SourceClock } from './clock.ts';
import { parseWrittenTime } from './timeText.ts';
import { zonedToUtc } from './zone.ts';

const day = (year: number, month: number, d: number) => ({ year, month, day: d });
const time = (hour: number, minute = 0, second = 0) => ({ hour, minute, second, millisecond: 0 });
const iso = (ms: number): string => new Date(ms).toISOString();

describe('zonedToUtc', () => {
  it('reads wall-clock times in the zone, summer and winter', () => {
    expect(iso(zonedToUtc(day(2026, 7, 1), time(12), 'Europe/Berlin'))).toBe('2026-07-01T10:00:00.000Z');
    expect(iso(zonedToUtc(day(2026, 12, 1), time(12), 'Europe/Berlin'))).toBe('2026-12-01T11:00:00.000Z');
    expect(iso(zonedToUtc(day(2026, 11, 1), time(12), 'America/New_York'))).toBe('2026-11-01T17:00:00.000Z');
    expect(iso(zonedToUtc(day(2026, 3, 1), time(12), 'UTC'))).toBe('2026-03-01T12:00:00.000Z');
  });

  it('resolves the repeated hour (clocks go back) to the first occurrence, or the one after a hint', () => {
    const repeated = zonedToUtc(day(2026, 10, 25), time(2, 30), 'Europe/Berlin');
    expect(iso(repeated)).toBe('2026-10-25T00:30:00.000Z');
    const afterSummerHalf = zonedToUtc(day(2026, 10, 25), time(2, 30), 'Europe/Berlin', Date.UTC(2026, 9, 25, 0, 59));
    expect(iso(afterSummerHalf)).toBe('2026-10-25T01:30:00.000Z');
    const ny = zonedToUtc(day(2026, 11, 1), time(1, 30), 'America/New_York', Date.UTC(2026, 10, 1, 5, 59));
    expect(iso(ny)).toBe('2026-11-01T06:30:00.000Z');
  });

  it('pushes a time in the skipped hour (clocks go forward) past the gap', () => {
    expect(iso(zonedToUtc(day(2026, 3, 29), time(2, 30), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('SourceClock', () => {
  const read = (clock: SourceClock, text: string): string => {
    const r = clock.resolve(parseWrittenTime(text)!);
    if (!r.ok) throw new Error(r.reason);
    return iso(r.at);
  };

  it('fills in the date, rolls past midnight, and keeps the date of explicit times', () => {
    const clock = new SourceClock({ timeZone: 'Europe/Berlin', date: '2026-10-24' });
    expect(read(clock, '23:50')).toBe('2026-10-24T21:50:00.000Z');
    expect(read(clock, '23:48')).toBe('2026-10-24T21:48:00.000Z'); // a little out of order: same day
    expect(read(clock, '00:10')).toBe('2026-10-24T22:10:00.000Z'); // past midnight: 25 Oct, still CEST
    expect(read(clock, '02:30')).toBe('2026-10-25T00:30:00.000Z');
    // Going back inside the repeated hour reads as its second pass (CET), as a log through the change would.
    expect(read(clock, '02:10')).toBe('2026-10-25T01:10:00.000Z');
    expect(read(clock, '2026-10-25T02:30:00+01:00')).toBe('2026-10-25T01:30:00.000Z');
    expect(read(clock, '03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(read(clock, '2026-10-26 09:00')).toBe('2026-10-26T08:00:00.000Z');
    expect(read(clock, '10:00')).toBe('2026-10-26T09:00:00.000Z');
  });

  it('says what is missing for a time without a date', () => {
    const clock = new SourceClock({ timeZone: 'UTC' });
    expect(clock.resolve(parseWrittenTime('14:32')!)).toEqual({ ok: false, reason: expect.stringMatching(/no date/) });
    expect(clock.resolve(parseWrittenTime('Oct 25 14:32:00')!)).toEqual({
      ok: false,
      reason: expect.stringMatching(/no year/),
    });
  });

  it('gives a year-less date the incident year, or the year before across New Year', () => {
    const clock = new SourceClock({ timeZone: 'UTC', date: '2027-01-01' });
    expect(read(clock, 'Dec 31 23:59:00')).toBe('2026-12-31T23:59:00.000Z');
    expect(read(clock, 'Jan 1 00:01:00')).toBe('2027-01-01T00:01:00.000Z');
  });

  it('refuses an unknown zone or a bad date with a clear message', () => {
    expect(() => new SourceClock({ timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone "Mars\/Olympus"/);
    expect(() => new SourceClock({ date: '2026-02-30' })).toThrow(/not a YYYY-MM-DD/);
  });
});
