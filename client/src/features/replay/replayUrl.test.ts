// Unit tests: deep links to a moment of the replay.
import { describe, expect, it } from 'vitest';
import { parseAt, replayPath, withAt } from './replayUrl.ts';

describe('replay URLs', () => {
  it('reads ?at= as ms or ISO and ignores junk', () => {
    expect(parseAt('?at=1700000000000')).toBe(1_700_000_000_000);
    expect(parseAt('?at=2026-11-28T13:05:00Z')).toBe(Date.UTC(2026, 10, 28, 13, 5));
    expect(parseAt('?at=soon')).toBeNull();
    expect(parseAt('')).toBeNull();
  });

  it('writes the moment into the link, keeping the token fragment', () => {
    const link = withAt('http://h/replay/r1?x=1#t=tok', Date.UTC(2026, 10, 28, 13, 5, 7, 400));
    expect(link).toBe('http://h/replay/r1?x=1&at=2026-11-28T13%3A05%3A07Z#t=tok');
    expect(parseAt(new URL(link).search)).toBe(Date.UTC(2026, 10, 28, 13, 5, 7));
    expect(replayPath('r 1', 'abc')).toBe('/replay/r%201#t=abc');
  });
});
