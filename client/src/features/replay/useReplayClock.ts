// The replay clock in React: a frame loop while playing, and the controls as callbacks.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createClock,
  finished,
  pause,
  play,
  positionAt,
  seek,
  setRange,
  setSpeed,
  type ReplayClock,
} from './replayClock.ts';

export interface ReplayControlsApi {
  clock: ReplayClock;
  position: number;
  toggle(): void;
  seekTo(at: number): void;
  changeSpeed(speed: number): void;
}

export function useReplayClock(start: number, end: number, initial: number | null): ReplayControlsApi {
  const [clock, setClock] = useState(() => createClock(start, end, initial ?? start));
  const [now, setNow] = useState(() => performance.now());
  // Until the reader moves the clock, a linked moment (`initial`) wins over each new range: the
  // review may still be loading (its range only the first entries) when the page first renders.
  const moved = useRef(false);
  useEffect(() => {
    const t = performance.now();
    setClock((c) => {
      const ranged = setRange(c, start, end, t);
      return initial !== null && !moved.current ? seek(ranged, initial, t) : ranged;
    });
  }, [start, end, initial]);
  useEffect(() => {
    if (!clock.playing) return;
    let frame = requestAnimationFrame(function tick(t) {
      setNow(t);
      if (finished(clock, t)) setClock((c) => pause(c, t));
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [clock]);
  const toggle = useCallback(() => {
    const t = performance.now();
    moved.current = true;
    setClock((c) => (c.playing ? pause(c, t) : play(c, t)));
    setNow(t);
  }, []);
  const seekTo = useCallback((at: number) => {
    const t = performance.now();
    moved.current = true;
    setClock((c) => seek(c, at, t));
    setNow(t);
  }, []);
  const changeSpeed = useCallback((speed: number) => setClock((c) => setSpeed(c, speed, performance.now())), []);
  return { clock, position: positionAt(clock, clock.playing ? now : clock.anchorReal), toggle, seekTo, changeSpeed };
}
