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

  it('puts 23:59 and 00:01 local on different days', () => {
    const late = new TZDate(2026, 10, 28, 23, 59, 'Europe/Berlin').getTime();
    expect(dayKey(late, 'Europe/Berlin')).toBe('2026-11-28');
    expect(dayKey(late + 2 * 60_000, 'Europe/Berlin')).toBe('2026-11-29');
    expect(dayKey(late, 'UTC')).toBe('2026-11-28');
  });
});
