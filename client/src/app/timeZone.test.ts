import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dayKey } from './timeZone.ts';

describe('dayKey', () => {
  it('is the calendar day in the viewer’s zone, across midnights and DST changes', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham'];
    // Every 37 minutes through the 2026 spring-forward and autumn-back weeks, and a year end.
    const starts = [Date.UTC(2026, 2, 26), Date.UTC(2026, 9, 22), Date.UTC(2026, 11, 30)];
    for (const zone of zones)
      for (const start of starts)
        for (let ms = start; ms < start + 7 * 86_400_000; ms += 37 * 60_000)
          expect(dayKey(ms, zone)).toBe(format(new TZDate(ms, zone), 'yyyy-MM-dd'));
  });

  it('is exact minute by minute around midnight, also where the offset is not whole quarter hours', () => {
    // Monrovia was UTC-0:44:30 until 1972 (date-fns rounds that offset, so Intl itself is the reference);
    // Kathmandu is +5:45, St John's -3:30.
    const cases = [
      ['Africa/Monrovia', Date.UTC(1971, 5, 1)],
      ['Asia/Kathmandu', Date.UTC(2026, 10, 28)],
      ['America/St_Johns', Date.UTC(2026, 10, 28)],
    ] as const;
    for (const [timeZone, start] of cases) {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (let ms = start; ms < start + 2 * 86_400_000; ms += 60_000 + 7)
        expect(dayKey(ms, timeZone)).toBe(day.format(ms));
    }
  });

  it('puts 23:59 and 00:01 local on different days', () => {
    const late = new TZDate(2026, 10, 28, 23, 59, 'Europe/Berlin').getTime();
    expect(dayKey(late, 'Europe/Berlin')).toBe('2026-11-28');
    expect(dayKey(late + 2 * 60_000, 'Europe/Berlin')).toBe('2026-11-29');
    expect(dayKey(late, 'UTC')).toBe('2026-11-28');
  });
});
