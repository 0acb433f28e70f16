// The timeline's time column: what people type, read by the importers' parser.
import { describe, expect, it } from 'vitest';
import { parseTypedTime as parseTime } from './typedTime.ts';

// 2026-11-28 09:00:00 UTC = 10:00 in Berlin, 04:00 in New York.
const reference = Date.UTC(2026, 10, 28, 9, 0, 0);
const berlin = { reference, timeZone: 'Europe/Berlin' };
const ny = { reference, timeZone: 'America/New_York' };
const utc = (h: number, m: number, s = 0, d = 28, mo = 10, y = 2026): number => Date.UTC(y, mo, d, h, m, s);

describe('parseTime', () => {
  it('reads 24-hour times on the reference day in the viewer zone', () => {
    expect(parseTime('14:32', berlin)).toEqual({ at: utc(13, 32), precision: 'minute' });
    expect(parseTime('14:32', ny)).toEqual({ at: utc(19, 32), precision: 'minute' });
    expect(parseTime('9:05', berlin)?.at).toBe(utc(8, 5));
  });

  it('reads seconds as exact', () => {
    expect(parseTime('14:32:10', berlin)).toEqual({ at: utc(13, 32, 10), precision: 'exact' });
  });

  it('reads am/pm', () => {
    expect(parseTime('2:32pm', berlin)?.at).toBe(utc(13, 32));
    expect(parseTime('2:32 PM', berlin)?.at).toBe(utc(13, 32));
    expect(parseTime('12:05am', berlin)?.at).toBe(utc(23, 5, 0, 27));
    expect(parseTime('12pm', berlin)?.at).toBe(utc(11, 0));
    expect(parseTime('2p', berlin)?.at).toBe(utc(13, 0));
  });

  it('reads relative offsets from the reference', () => {
    expect(parseTime('+5m', berlin)).toEqual({ at: reference + 5 * 60_000, precision: 'minute' });
    expect(parseTime('-1h30m', berlin)?.at).toBe(reference - 90 * 60_000);
    expect(parseTime('+ 45s', berlin)).toEqual({ at: reference + 45_000, precision: 'exact' });
    expect(parseTime('+1d', berlin)?.at).toBe(reference + 86_400_000);
  });

  it('reads UTC-suffixed times', () => {
    expect(parseTime('14:32Z', berlin)?.at).toBe(utc(14, 32));
    expect(parseTime('14:32 UTC', ny)?.at).toBe(utc(14, 32));
  });

  it('reads full ISO dates, with and without an offset', () => {
    expect(parseTime('2026-11-27 23:15', berlin)?.at).toBe(utc(22, 15, 0, 27));
    expect(parseTime('2026-11-27T23:15:30Z', berlin)).toEqual({ at: utc(23, 15, 30, 27), precision: 'exact' });
    expect(parseTime('2026-11-27T23:15+02:00', berlin)?.at).toBe(utc(21, 15, 0, 27));
    expect(parseTime('2026-12-01', berlin)?.at).toBe(utc(23, 0, 0, 30));
  });

  it('reads named dates', () => {
    expect(parseTime('27 Nov 14:32', berlin)?.at).toBe(utc(13, 32, 0, 27));
    expect(parseTime('Nov 27 2025 2:32pm', berlin)?.at).toBe(utc(13, 32, 0, 27, 10, 2025));
    expect(parseTime('December 1, 2026 08:00', ny)?.at).toBe(utc(13, 0, 0, 1, 11));
  });

  it('handles daylight-saving days in the viewer zone', () => {
    const march = { reference: Date.UTC(2026, 2, 29, 12), timeZone: 'Europe/Berlin' };
    expect(parseTime('01:30', march)?.at).toBe(Date.UTC(2026, 2, 29, 0, 30));
    expect(parseTime('03:30', march)?.at).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });

  it('reads now from the injected clock', () => {
    expect(parseTime('now', { ...berlin, now: () => 42 })).toEqual({ at: 42, precision: 'exact' });
  });

  it('reads the same shapes as the importers: slash dates, a.m./p.m., epoch seconds', () => {
    expect(parseTime('2026/11/27 23:15', berlin)?.at).toBe(utc(22, 15, 0, 27));
    expect(parseTime('2:32 p.m.', berlin)?.at).toBe(utc(13, 32));
    expect(parseTime('1795440000', berlin)).toEqual({ at: 1_795_440_000_000, precision: 'exact' });
  });

  it('rejects what it cannot read', () => {
    for (const bad of ['', 'soon', '25:00', '14:61', '13pm', '1432', '2026-02-31 10:00', '+5x', 'Foo 12 10:00']) {
      expect(parseTime(bad, berlin), bad).toBeNull();
    }
  });
});
