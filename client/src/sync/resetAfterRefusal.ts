// After the server refused one of this client's changes: drop this browser's copy of the review, keeping a
// snapshot of it so the person can be told what was not saved.
import * as Y from 'yjs';
import type { CloseCode } from '@hindsight/protocol';
import { CloseReason, REFUSAL_CLOSE_CODES } from '@hindsight/protocol';
import type { ReviewSync } from './session.ts';

/** Close codes by which the server refuses a change (nothing of it stored): the doc must be reloaded. */
export const REFUSAL_CODES: readonly number[] = REFUSAL_CLOSE_CODES;

export interface Refusal {
  /** Epoch ms when the refusal arrived. */
  at: number;
  /** Why, as the server said it (its close reason), else the protocol's sentence for the code. */
  reason: string;
  /** The discarded local copy as one update, to compare with the server's. */
  local: Uint8Array;
}

/**
 * Calls `listener` once when the server closes the connection with `ChangeRefused`
 * (a frozen timeline or a facilitator-only field). Yjs numbers each client's changes,
 * so every later change of this doc builds on the refused one: the doc cannot be
 * repaired, only discarded (`discardLocalCopy`) and loaded afresh.
 */
export function onChangeRefused(sync: ReviewSync, listener: (refusal: Refusal) => void): () => void {
  let fired = false;
  const onClose = (event: CloseEvent | null): void => {
    if (fired || !event || !REFUSAL_CODES.includes(event.code)) return;
    fired = true;
    const reason = plainReason(event.reason) || CloseReason[event.code as CloseCode] || 'the server refused a change';
    listener({ at: Date.now(), reason, local: Y.encodeStateAsUpdate(sync.doc) });
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

/**
 * The part of a refusal's close reason a person needs: the server sends
 * "<why> (<path>)" for a rule (see the write gate); the path is for logs.
 */
export function plainReason(reason: string): string {
  return reason.replace(/ \(\w[^()]*\/.*$/, '');
}
