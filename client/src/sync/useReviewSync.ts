// Keeps one review open for a component, and re-opens it from the server after a refused change.
import { useEffect, useState } from 'react';
import { openReview, type ReviewSync } from './session.ts';
import { discardLocalCopy, onChangeRefused, type Refusal } from './resetAfterRefusal.ts';

export interface ReviewSyncState {
  /** Null while the review is being (re)opened. */
  sync: ReviewSync | null;
  /** The server's last refusal of a change of ours (the review was then reloaded), else null. */
  refusal: Refusal | null;
  dismissRefusal(): void;
}

/**
 * Opens the review; on `ChangeRefused` discards the local copy and opens a fresh one.
 * `adopt` may hand over the review already opened for this page (it then owns it); only the
 * first open asks. `peek` shows that review without taking it, so the first render has it
 * (the effect then adopts it) rather than a render later.
 */
export function useReviewSync(
  reviewId: string,
  token: string,
  name: string,
  adopt?: (reviewId: string, token: string) => ReviewSync | null,
  peek?: (reviewId: string, token: string) => ReviewSync | null,
): ReviewSyncState {
  const [sync, setSync] = useState<ReviewSync | null>(() => peek?.(reviewId, token) ?? null);
  const [generation, setGeneration] = useState(0);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  useEffect(() => {
    let stopped = false;
    let current: ReviewSync | null =
      (generation === 0 ? adopt?.(reviewId, token) : null) ?? openReview(reviewId, token, name);
    setSync(current);
    const stopWatching = onChangeRefused(current, (next) => {
      const refused = current!;
      current = null;
      setSync(null);
      setRefusal(next);
      // Re-open only once the old copy is gone, so nothing of it comes back from IndexedDB.
      void discardLocalCopy(refused)
        .catch(() => undefined)
        .then(() => {
          if (!stopped) setGeneration((g) => g + 1);
        });
    });
    return () => {
      stopped = true;
      stopWatching();
      current?.destroy();
    };
  }, [reviewId, token, name, generation, adopt]);
  return { sync, refusal, dismissRefusal: () => setRefusal(null) };
}
