// The timeline's first screen (firstScreen.ts) as React state.
import { useSyncExternalStore } from 'react';
import type { FirstScreen } from '@hindsight/api';
import { currentFirstScreen, subscribeFirstScreen } from './firstScreen.ts';

/** `reviewId`'s first screen once it is in, else null. */
export function useFirstScreen(reviewId: string): FirstScreen | null {
  return useSyncExternalStore(subscribeFirstScreen, () => currentFirstScreen(reviewId));
}
