import { describe, expect, it } from 'vitest';
import { resolveBareTime, type IncidentClock } from './bareTime.ts';
import { SourceClock } from './clock.ts';
import { parseWrittenTime } from './timeText.ts';

const time = (hour: number, minute = 0) => ({ hour, minute, second: 0, millisecond: 0 });
const iso = (ms: number): string => new Date(ms).toISOString();
const HOUR = 3_600_000;

// An incident that started 2026-12-04 21:58 UTC; its review is looked at two days later.
const START = Date.UTC(2026, 11, 4, 21, 58);
const base: IncidentClock = { zone: 'UTC', startedAt: START, windowEndsAt: START + 24 * HOUR, now: START + 48 * HOUR };

describe('resolveBareTime', () => {
  it('puts a time just before the start on the start day, not the next day', () => {
    const r = resolveBareTime(time(21, 50), base);
    expect(iso(r.at)).toBe('2026-12-04T21:50:00.000Z');
    expect(r.ambiguous).toBe(false);
  });

  it('puts "22:10" after a "00:04" entry back on the start evening, not the next one', () => {
    const afterMidnight = resolveBareTime(time(0, 4), base);
    expect(iso(afterMidnight.at)).toBe('2026-12-05T00:04:00.000Z');
    const r = resolveBareTime(time(22, 10), { ...base, previousAt: afterMidnight.at });
    expect(iso(r.at)).toBe('2026-12-04T22:10:00.000Z');
    expect(r.ambiguous).toBe(false);
  });

  it('never resolves into the future', () => {
    const now = Date.UTC(2026, 11, 4, 23, 0);
    const r = resolveBareTime(time(23, 30), { ...base, windowEndsAt: START + 24 * HOUR, now });
    expect(iso(r.at)).toBe('2026-12-03T23:30:00.000Z');
  });

  it('offers both days when the time is twelve hours from the previous entry either way', () => {
    const previousAt = Date.UTC(2026, 11, 5, 9, 0);
    const r = resolveBareTime(time(21, 0), { ...base, previousAt });
    expect(r.ambiguous).toBe(true);
    expect(r.options.map(iso)).toEqual(['2026-12-04T21:00:00.000Z', '2026-12-05T21:00:00.000Z']);
    expect(r.options).toContain(r.at);
  });

  it('reads the time in the given zone, across a date line of its own', () => {
    // 21:58 UTC is 10:58 the next morning in Auckland (UTC+13 in December).
    const r = resolveBareTime(time(10, 50), { ...base, zone: 'Pacific/Auckland' });
    expect(iso(r.at)).toBe('2026-12-04T21:50:00.000Z');
  });

  it('keeps the window: a time after the window closes lands before it', () => {
    const windowEndsAt = START + 2 * HOUR;
    const r = resolveBareTime(time(12, 0), { ...base, windowEndsAt, now: START + 72 * HOUR });
    expect(iso(r.at)).toBe('2026-12-04T12:00:00.000Z');
  });
});

describe('importers read a source’s first dateless time nearest the incident', () => {
  it('starts a chat log that opens after midnight on the day after the start, then follows it', () => {
    const clock = new SourceClock({
      timeZone: 'UTC',
      incident: { startedAt: START, windowEndsAt: null, now: base.now },
    });
    const read = (text: string): string => {
      const r = clock.resolve(parseWrittenTime(text)!);
      if (!r.ok) throw new Error(r.reason);
      return iso(r.at);
    };
    expect(read('00:04')).toBe('2026-12-05T00:04:00.000Z');
    expect(read('00:30')).toBe('2026-12-05T00:30:00.000Z');
  });

  it('lets a chosen date win', () => {
    const clock = new SourceClock({
      timeZone: 'UTC',
      date: '2026-12-04',
      incident: { startedAt: START, windowEndsAt: null, now: base.now },
    });
    const r = clock.resolve(parseWrittenTime('00:04')!);
    expect(r.ok && iso(r.at)).toBe('2026-12-04T00:04:00.000Z');
  });
});
