// Keeps one review open for a component, and re-opens it from the server after a refused change.
import { useEffect, useState } from 'react';
import { openReview, type ReviewSync } from './session.ts';
import { discardLocalCopy, onChangeRefused } from './resetAfterRefusal.ts';

export interface ReviewSyncState {
  /** Null while the review is being (re)opened. */
  sync: ReviewSync | null;
  /** When the server last refused a change of ours and the review was reloaded (epoch ms), else null. */
  refusedAt: number | null;
  dismissRefusal(): void;
}

/** Opens the review; on `ChangeRefused` discards the local copy and opens a fresh one. */
export function useReviewSync(reviewId: string, token: string, name: string): ReviewSyncState {
  const [sync, setSync] = useState<ReviewSync | null>(null);
  const [generation, setGeneration] = useState(0);
  const [refusedAt, setRefusedAt] = useState<number | null>(null);
  useEffect(() => {
    let stopped = false;
    let current: ReviewSync | null = openReview(reviewId, token, name);
    setSync(current);
    const stopWatching = onChangeRefused(current, () => {
      const refused = current!;
      current = null;
      setSync(null);
      setRefusedAt(Date.now());
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
  }, [reviewId, token, name, generation]);
  return { sync, refusedAt, dismissRefusal: () => setRefusedAt(null) };
}
