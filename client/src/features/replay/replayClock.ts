// The replay clock: play, pause, speed and seek over incident time, as pure functions of an injected real clock.
import { formatTimer } from '../facilitation/meetingFormat.ts';

/** Speeds offered: incident seconds per real second. */
export const REPLAY_SPEEDS = [1, 10, 60, 600] as const;

export interface ReplayClock {
  /** Incident time range, epoch ms. */
  start: number;
  end: number;
  playing: boolean;
  speed: number;
  /** Incident time at `anchorReal`. */
  anchorAt: number;
  /** Real time (e.g. performance.now()) when the clock was last changed. */
  anchorReal: number;
}

const clamp = (t: number, c: Pick<ReplayClock, 'start' | 'end'>): number => Math.min(c.end, Math.max(c.start, t));

/** A paused clock over [start, end] at `at` (default: the start). */
export function createClock(start: number, end: number, at = start, speed = 60): ReplayClock {
  const s = Math.min(start, end);
  const e = Math.max(start, end);
  return { start: s, end: e, playing: false, speed, anchorAt: clamp(at, { start: s, end: e }), anchorReal: 0 };
}

/** Incident time shown at real time `now`; stops at the end. */
export function positionAt(clock: ReplayClock, now: number): number {
  if (!clock.playing) return clock.anchorAt;
  return clamp(clock.anchorAt + Math.max(0, now - clock.anchorReal) * clock.speed, clock);
}

/** True once a playing clock has reached the end. */
export function finished(clock: ReplayClock, now: number): boolean {
  return positionAt(clock, now) >= clock.end;
}

/** Starts playing (from the start again when at the end). */
export function play(clock: ReplayClock, now: number): ReplayClock {
  const at = positionAt(clock, now);
  return { ...clock, playing: true, anchorAt: at >= clock.end ? clock.start : at, anchorReal: now };
}

export function pause(clock: ReplayClock, now: number): ReplayClock {
  return { ...clock, playing: false, anchorAt: positionAt(clock, now), anchorReal: now };
}

/** Changes speed without a jump in position. */
export function setSpeed(clock: ReplayClock, speed: number, now: number): ReplayClock {
  if (!(speed > 0)) throw new Error(`speed must be positive, got ${speed}`);
  return { ...clock, speed, anchorAt: positionAt(clock, now), anchorReal: now };
}

/** Jumps to incident time `at` (clamped), keeping play or pause. */
export function seek(clock: ReplayClock, at: number, now: number): ReplayClock {
  return { ...clock, anchorAt: clamp(at, clock), anchorReal: now };
}

/** Widens or narrows the range (the document changed), keeping the position where it still fits. */
export function setRange(clock: ReplayClock, start: number, end: number, now: number): ReplayClock {
  const at = positionAt(clock, now);
  const next = { ...clock, start: Math.min(start, end), end: Math.max(start, end) };
  return { ...next, anchorAt: clamp(at, next), anchorReal: now };
}

const MINUTE = 60_000;

/**
 * Where a key on the incident-time scrubber moves the clock, or null for keys it leaves alone:
 * arrows by a minute (Shift: ten), PageUp/PageDown by ten minutes, Home/End to the start/end.
 */
export function keyTarget(
  clock: Pick<ReplayClock, 'start' | 'end'>,
  at: number,
  key: string,
  shift: boolean,
): number | null {
  const step = shift ? 10 * MINUTE : MINUTE;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(at + step, clock);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(at - step, clock);
    case 'PageUp':
      return clamp(at + 10 * MINUTE, clock);
    case 'PageDown':
      return clamp(at - 10 * MINUTE, clock);
    case 'Home':
      return clock.start;
    case 'End':
      return clock.end;
    default:
      return null;
  }
}

/** `T+8:00` after the incident's start, `T−8:00` before it (a real minus sign). */
export function formatSinceStart(ms: number): string {
  const sign = ms <= -1000 ? '−' : '+';
  return `T${sign}${formatTimer(ms)}`;
}
