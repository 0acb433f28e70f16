import { describe, expect, it } from 'vitest';
import { timeDomain, valueRange } from './chartDomain.ts';

const DAY = 86_400;
const t = Date.UTC(2026, 11, 5, 14, 0) / 1000;

describe('timeDomain', () => {
  it('puts a single point in the middle of two weeks', () => {
    expect(timeDomain([t])).toEqual([t - 7 * DAY, t + 7 * DAY]);
  });
  it('widens points close together to two weeks around them', () => {
    const [min, max] = timeDomain([t, t + 60, t + 3600]);
    expect(max - min).toBe(14 * DAY);
    expect((min + max) / 2).toBe(t + 1800);
  });
  it('gives points far apart 6% of their span either side', () => {
    expect(timeDomain([t, t + 100 * DAY])).toEqual([t - 6 * DAY, t + 106 * DAY]);
  });
  it('ignores points that are not numbers and has a domain with none', () => {
    expect(timeDomain([Number.NaN, t])).toEqual([t - 7 * DAY, t + 7 * DAY]);
    expect(timeDomain([])).toEqual([0, 14 * DAY]);
  });
});

describe('valueRange', () => {
  it('reaches past the highest value to a round number, so no point sits on the frame', () => {
    // One report published after 9.4 hours: the axis stopped at 9.4, the point on the frame's top edge.
    expect(valueRange(9.4)).toEqual([0, 12]);
    expect(valueRange(2)).toEqual([0, 2.5]);
    expect(valueRange(73)).toEqual([0, 100]);
    expect(valueRange(0.3)).toEqual([0, 0.4]);
  });

  it('is 0–1 when there is nothing above 0', () => {
    expect(valueRange(0)).toEqual([0, 1]);
    expect(valueRange(null)).toEqual([0, 1]);
    expect(valueRange(Number.NaN)).toEqual([0, 1]);
  });
});
