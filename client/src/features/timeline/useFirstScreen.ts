// The timeline's first screen (firstScreen.ts) as React state, and its life in the timeline.
import { useEffect, useSyncExternalStore } from 'react';
import type { FirstScreen } from '@hindsight/api';
import { currentFirstScreen, finishFirstScreen, firstRowsShown, subscribeFirstScreen } from './firstScreen.ts';

/** `reviewId`'s first screen once it is in, else null. */
export function useFirstScreen(reviewId: string): FirstScreen | null {
  return useSyncExternalStore(subscribeFirstScreen, () => currentFirstScreen(reviewId));
}

/**
 * The first screen the timeline shows while its own entries are `loading` (null otherwise). Tells the
 * store when rows are drawn (the held first sync may run then) and when the live rows are in (or the
 * server synced an empty review): from then on it is not shown again, so a refused change that reloads
 * the review does not bring back the one from the page load.
 */
export function useLoadingFirstScreen(
  reviewId: string,
  { loading, entries, live }: { loading: boolean; entries: number; live: boolean },
): FirstScreen | null {
  const screen = useFirstScreen(reviewId);
  const preview = loading && screen !== null && screen.entries.length > 0 ? screen : null;
  const drawn = preview !== null || entries > 0;
  useEffect(() => {
    if (!drawn) return;
    // After the frame that draws them.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => firstRowsShown(reviewId), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drawn, reviewId]);
  const done = entries > 0 || live;
  useEffect(() => {
    if (done) finishFirstScreen(reviewId);
  }, [done, reviewId]);
  return preview;
}
