// The replay clock in React: a frame loop while playing, and the controls as callbacks.
import { useCallback, useEffect, useState } from 'react';
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
  useEffect(() => {
    setClock((c) => setRange(c, start, end, performance.now()));
  }, [start, end]);
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
    setClock((c) => (c.playing ? pause(c, t) : play(c, t)));
    setNow(t);
  }, []);
  const seekTo = useCallback((at: number) => {
    const t = performance.now();
    setClock((c) => seek(c, at, t));
    setNow(t);
  }, []);
  const changeSpeed = useCallback((speed: number) => setClock((c) => setSpeed(c, speed, performance.now())), []);
  return { clock, position: positionAt(clock, clock.playing ? now : clock.anchorReal), toggle, seekTo, changeSpeed };
}
