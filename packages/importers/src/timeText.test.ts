import { describe, expect, it } from 'vitest';
import { parseWrittenTime } from './timeText.ts';

describe('parseWrittenTime', () => {
  it('reads instants with a zone or offset, and epoch numbers', () => {
    expect(parseWrittenTime('2026-03-01T14:32:05.250Z')).toEqual({
      type: 'instant',
      ms: Date.UTC(2026, 2, 1, 14, 32, 5, 250),
      precision: 'exact',
    });
    expect(parseWrittenTime('2026-03-01 14:32 +0100')).toMatchObject({ ms: Date.UTC(2026, 2, 1, 13, 32) });
    expect(parseWrittenTime('2026-03-01T14:32:05,5-05:00')).toMatchObject({ ms: Date.UTC(2026, 2, 1, 19, 32, 5, 500) });
    expect(parseWrittenTime('1772375520')).toMatchObject({ ms: 1772375520000 });
    expect(parseWrittenTime('1772375520123')).toMatchObject({ ms: 1772375520123 });
  });

  it('reads wall-clock times with and without dates', () => {
    expect(parseWrittenTime('14:32')).toMatchObject({
      type: 'local',
      time: { hour: 14, minute: 32 },
      precision: 'minute',
    });
    expect(parseWrittenTime('2:32 pm')).toMatchObject({ time: { hour: 14, minute: 32 } });
    expect(parseWrittenTime('12:05 AM')).toMatchObject({ time: { hour: 0, minute: 5 } });
    expect(parseWrittenTime('14:32:09')).toMatchObject({ time: { second: 9 }, precision: 'exact' });
    expect(parseWrittenTime('2026-03-01 14:32')).toMatchObject({ date: { year: 2026, month: 3, day: 1 } });
    expect(parseWrittenTime('25.10.2026 02:30')).toMatchObject({ date: { year: 2026, month: 10, day: 25 } });
    expect(parseWrittenTime('10/25/2026 2:30 AM')).toMatchObject({ date: { month: 10, day: 25 } });
    expect(parseWrittenTime('25/10/2026 02:30')).toMatchObject({ date: { month: 10, day: 25 } });
    expect(parseWrittenTime('Oct 25, 2026 2:30 PM')).toMatchObject({ date: { year: 2026, month: 10, day: 25 } });
    expect(parseWrittenTime('25 Oct 2026 14:30')).toMatchObject({ date: { year: 2026, month: 10, day: 25 } });
    expect(parseWrittenTime('Oct 25 02:30:00')).toMatchObject({ noYear: true, date: { month: 10, day: 25 } });
    expect(parseWrittenTime('14:32 UTC')).toMatchObject({ type: 'local', offsetMinutes: 0 });
  });

  it('refuses what is not a time', () => {
    for (const bad of ['later', '25:00', '14:61', '13:00 pm', '2026-02-30 10:00', 'Foo 12 10:00', '']) {
      expect(parseWrittenTime(bad), bad).toBeNull();
    }
  });
});
