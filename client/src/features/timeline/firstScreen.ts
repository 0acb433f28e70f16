// The top of a review's timeline from the server (GET /api/reviews/:id/first-screen), shown read-only while
// the document loads: a big review's first sync takes the page about a second to receive and apply, its
// first screen a few kilobytes. Asked for by the entry module on a review page load (main.tsx, first thing),
// or by the review route; the timeline reads it (useFirstScreen.ts) until its own entries are in. No React
// here: the entry module imports this before React has loaded.
import { callApi, type FirstScreen } from '@hindsight/api';

interface Pending {
  reviewId: string;
  screen: FirstScreen | null;
  /** The live timeline is in: nothing to show from here again while the review stays open. */
  done: boolean;
  /** Settles once the server's answer (or failure) has been handled. */
  answered: Promise<void>;
  /** Settled once the timeline shows rows (these or its own) or none will come from here. */
  shown: Promise<void>;
  markShown(): void;
}

/**
 * How long the review's first large sync message may wait for the first screen to be drawn: the apply
 * holds the main thread about half a second for 5,000 entries, and the page's rows would wait behind it.
 */
export const FIRST_SCREEN_HOLD_MS = 500;

/** The review of this page's first screen (one review is open at a time). */
let current: Pending | null = null;
const listeners = new Set<() => void>();

/**
 * Asks for `reviewId`'s first screen, unless it was asked for already; resolves once the answer has been
 * handled (shown, or found to be nothing to show).
 */
export function startFirstScreen(reviewId: string, token: string): Promise<void> {
  if (current?.reviewId === reviewId) return current.answered;
  let markShown = (): void => undefined;
  const shown = new Promise<void>((resolve) => (markShown = resolve));
  const pending: Pending = { reviewId, screen: null, done: false, answered: Promise.resolve(), shown, markShown };
  current = pending;
  pending.answered = callApi('GET /api/reviews/:id/first-screen', { params: { id: reviewId }, token })
    .then((screen) => {
      // A 204 (no copy ready), or the page has moved on: nothing to show.
      const wanted = current === pending && !pending.done;
      if (!wanted || !screen || screen.reviewId !== reviewId || screen.entries.length === 0) return markShown();
      pending.screen = screen;
      for (const l of listeners) l();
    })
    // Only ever a preview: without it the page shows the document once it is in, as it always did.
    .catch(markShown);
  return pending.answered;
}

/** Called by the timeline once it has drawn rows (the first screen's or its own). */
export function firstRowsShown(reviewId: string): void {
  if (current?.reviewId === reviewId) current.markShown();
}

/**
 * For the sync's first large message (session.ts `holdLargeSync`): settles once the timeline has drawn
 * rows, no first screen will come, or after FIRST_SCREEN_HOLD_MS; null when none was asked for.
 */
export function firstScreenDrawn(reviewId: string): Promise<void> | null {
  if (current?.reviewId !== reviewId) return null;
  return Promise.race([current.shown, new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_HOLD_MS))]);
}

/**
 * The timeline's own rows are in (or the server synced an empty review): `reviewId`'s first screen is
 * done with, and is not asked for or shown again until the review is closed (a refused change that
 * reloads the review must not bring back the one from the page load).
 */
export function finishFirstScreen(reviewId: string): void {
  if (current?.reviewId === reviewId) {
    current.done = true;
    current.screen = null;
    current.markShown();
  } else {
    const settled = Promise.resolve();
    current = { reviewId, screen: null, done: true, answered: settled, shown: settled, markShown: () => undefined };
  }
  for (const l of listeners) l();
}

/** Forgets `reviewId`'s first screen (the review was closed); the next open asks again. */
export function dropFirstScreen(reviewId: string): void {
  if (current?.reviewId !== reviewId) return;
  current.markShown();
  current = null;
  for (const l of listeners) l();
}

/** Calls `listener` whenever the first screen comes in or is dropped; returns the unsubscribe. */
export function subscribeFirstScreen(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `reviewId`'s first screen once it is in, else null. */
export function currentFirstScreen(reviewId: string): FirstScreen | null {
  return current?.reviewId === reviewId ? current.screen : null;
}
