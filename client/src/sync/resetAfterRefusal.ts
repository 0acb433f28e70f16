// After the server refused one of this client's changes (close 4409): drop this browser's copy of the review.
import { CloseCode } from '@hindsight/protocol';
import type { ReviewSync } from './session.ts';

/**
 * Calls `listener` once when the server closes the connection with `ChangeRefused`
 * (a frozen timeline or a facilitator-only field). Yjs numbers each client's changes,
 * so every later change of this doc builds on the refused one: the doc cannot be
 * repaired, only discarded (`discardLocalCopy`) and loaded afresh.
 */
export function onChangeRefused(sync: ReviewSync, listener: () => void): () => void {
  let fired = false;
  const onClose = (event: CloseEvent | null): void => {
    if (fired || event?.code !== CloseCode.ChangeRefused) return;
    fired = true;
    listener();
  };
  sync.provider.on('connection-close', onClose);
  return () => sync.provider.off('connection-close', onClose);
}

/**
 * Closes the review and deletes its IndexedDB copy, refused change included. The
 * delete request is queued before any later open of the same database, so a fresh
 * `openReview` starts empty and takes everything from the server.
 */
export async function discardLocalCopy(sync: ReviewSync): Promise<void> {
  sync.connection.destroy();
  sync.provider.awareness.setLocalState(null);
  sync.provider.destroy();
  try {
    await sync.cache.clearData();
  } finally {
    sync.doc.destroy();
  }
}
