// Unit tests: the replay clock, driven by an injected real clock.
import { describe, expect, it } from 'vitest';
import {
  createClock,
  finished,
  formatSinceStart,
  keyTarget,
  pause,
  play,
  positionAt,
  seek,
  setRange,
  setSpeed,
} from './replayClock.ts';

const START = 1_000_000;
const END = START + 3_600_000;

describe('replay clock', () => {
  it('is paused at the start until played; plays at its speed', () => {
    let c = createClock(START, END, undefined, 60);
    expect(positionAt(c, 5_000)).toBe(START);
    c = play(c, 10_000);
    expect(positionAt(c, 10_000)).toBe(START);
    expect(positionAt(c, 11_000)).toBe(START + 60_000);
  });

  it('pauses where it is and resumes from there', () => {
    let c = play(createClock(START, END, START, 10), 0);
    c = pause(c, 2_000);
    expect(positionAt(c, 50_000)).toBe(START + 20_000);
    c = play(c, 50_000);
    expect(positionAt(c, 51_000)).toBe(START + 30_000);
  });

  it('changes speed without jumping', () => {
    let c = play(createClock(START, END, START, 1), 0);
    c = setSpeed(c, 600, 1_000);
    expect(positionAt(c, 1_000)).toBe(START + 1_000);
    expect(positionAt(c, 2_000)).toBe(START + 601_000);
    expect(() => setSpeed(c, 0, 0)).toThrow(/positive/);
  });

  it('seeks within the range, clamping outside it, while playing or paused', () => {
    let c = createClock(START, END);
    c = seek(c, START + 100, 0);
    expect(positionAt(c, 999)).toBe(START + 100);
    expect(positionAt(seek(c, END + 5, 0), 0)).toBe(END);
    expect(positionAt(seek(c, 0, 0), 0)).toBe(START);
    c = play(seek(c, START + 1_000, 10), 10);
    expect(positionAt(seek(c, START, 20), 21)).toBe(START + 60);
  });

  it('stops at the end, and playing again starts over', () => {
    let c = play(createClock(START, END, END - 60_000, 600), 0);
    expect(finished(c, 50)).toBe(false);
    expect(positionAt(c, 1_000)).toBe(END);
    expect(finished(c, 1_000)).toBe(true);
    c = play(pause(c, 1_000), 2_000);
    expect(positionAt(c, 2_000)).toBe(START);
  });

  it('keeps the position when the range changes, clamped into it', () => {
    const c = seek(createClock(START, END), START + 10_000, 0);
    expect(positionAt(setRange(c, START, END + 1, 0), 0)).toBe(START + 10_000);
    expect(positionAt(setRange(c, START + 20_000, END, 0), 0)).toBe(START + 20_000);
  });
});

describe('scrubber keys and the offset from the start', () => {
  const clock = { start: START, end: END };
  const MIN = 60_000;
  it('steps a minute with the arrows, ten with Shift, and jumps with Home and End', () => {
    expect(keyTarget(clock, START + 5 * MIN, 'ArrowRight', false)).toBe(START + 6 * MIN);
    expect(keyTarget(clock, START + 5 * MIN, 'ArrowLeft', false)).toBe(START + 4 * MIN);
    expect(keyTarget(clock, START + 5 * MIN, 'ArrowRight', true)).toBe(START + 15 * MIN);
    expect(keyTarget(clock, START + 5 * MIN, 'ArrowLeft', true)).toBe(START);
    expect(keyTarget(clock, START + 5 * MIN, 'Home', false)).toBe(START);
    expect(keyTarget(clock, START + 5 * MIN, 'End', false)).toBe(END);
    expect(keyTarget(clock, END - 30_000, 'ArrowUp', false)).toBe(END);
    expect(keyTarget(clock, START, 'a', false)).toBeNull();
  });

  it('signs offsets before the start with a minus and after with a plus', () => {
    expect(formatSinceStart(-8 * MIN)).toBe('T−8:00');
    expect(formatSinceStart(8 * MIN)).toBe('T+8:00');
    expect(formatSinceStart(0)).toBe('T+0:00');
    expect(formatSinceStart(-400)).toBe('T+0:00');
    expect(formatSinceStart(-(62 * MIN + 5000))).toBe('T−1:02:05');
  });
});
