// Unit tests for the meeting's pure helpers.
import { describe, expect, it } from 'vitest';
import { formatTimer, stepPhase, timerText } from './meetingFormat.ts';

describe('meeting helpers', () => {
  it('steps through the agenda and stops at its ends', () => {
    expect(stepPhase(null, 1)).toBe('overview');
    expect(stepPhase(null, -1)).toBeNull();
    expect(stepPhase('overview', 1)).toBe('timeline');
    expect(stepPhase('factors', 1)).toBe('actions');
    expect(stepPhase('actions', 1)).toBeNull();
    expect(stepPhase('timeline', -1)).toBe('overview');
    expect(stepPhase('overview', -1)).toBeNull();
  });

  it('formats the timer, running over included', () => {
    expect(formatTimer(90 * 60_000)).toBe('1:30:00');
    expect(formatTimer(42 * 60_000 + 5_900)).toBe('42:05');
    expect(formatTimer(59_000)).toBe('0:59');
    expect(timerText(5 * 60_000)).toBe('5:00 left');
    expect(timerText(-(3 * 60_000 + 12_000))).toBe('3:12 over');
  });
});
