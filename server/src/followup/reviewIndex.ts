// The follow-up index: one small JSON summary per review (status, incident
// times, action items; see @hindsight/report reviewIndexEntry), so the
// cross-review pages never load every document. Rows are refreshed when a
// room checkpoints (RoomDeps.onCheckpoint) and, for reviews changed since
// their last index (never opened, or edited since the last checkpoint), from
// a snapshot when someone reads the index.
import type * as Y from 'yjs';
import { type ReviewIndexEntry, reviewIndexEntry } from '@hindsight/report';
import type { Logger } from '../log.ts';
import type { Store } from '../storage/store.ts';

export interface ReviewIndex {
  /** Every review's summary, refreshing stale rows first. */
  entries(): Promise<ReviewIndexEntry[]>;
}

/** The RoomDeps.onCheckpoint hook that writes a review's index row from its live document. */
export function indexOnCheckpoint(store: Store, log: Pick<Logger, 'error'>) {
  return (reviewId: string, doc: Y.Doc, uptoSeq: number): void => {
    const data = JSON.stringify(reviewIndexEntry(doc, reviewId));
    store
      .putIndex(reviewId, uptoSeq, data)
      .catch((err: unknown) => log.error({ reviewId, err }, 'follow-up index write failed'));
  };
}

export function createReviewIndex(deps: {
  store: Store;
  snapshot: (reviewId: string) => Promise<Y.Doc>;
  log: Pick<Logger, 'error'>;
}): ReviewIndex {
  // One refresh at a time: concurrent readers share it instead of loading the same documents twice.
  let refreshing: Promise<void> | null = null;
  const refresh = async (): Promise<void> => {
    for (const row of await deps.store.listIndex()) {
      if (row.data !== null && row.indexedSeq >= row.lastSeq) continue;
      // The snapshot is taken after lastSeq was read, so it covers at least that seq.
      const doc = await deps.snapshot(row.reviewId);
      try {
        await deps.store.putIndex(row.reviewId, row.lastSeq, JSON.stringify(reviewIndexEntry(doc, row.reviewId)));
      } catch (err) {
        deps.log.error({ reviewId: row.reviewId, err }, 'follow-up index refresh failed');
      } finally {
        doc.destroy();
      }
    }
  };
  return {
    async entries() {
      refreshing ??= refresh().finally(() => {
        refreshing = null;
      });
      await refreshing;
      const out: ReviewIndexEntry[] = [];
      for (const row of await deps.store.listIndex()) {
        if (row.data === null) continue;
        try {
          out.push(JSON.parse(row.data) as ReviewIndexEntry);
        } catch (err) {
          deps.log.error({ reviewId: row.reviewId, err }, 'unreadable follow-up index row');
        }
      }
      return out;
    },
  };
}
