// One open review: its Y.Doc, the IndexedDB cache and the WebSocket provider, wired together.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { FATAL_CLOSE_CODES, SYNC_PATH, syncProtocols, type CloseCode } from '@hindsight/protocol';
import { ConnectionTracker } from './connection.ts';
import { REFUSAL_CODES } from './resetAfterRefusal.ts';

export interface ReviewSync {
  reviewId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  cache: IndexeddbPersistence;
  connection: ConnectionTracker;
  destroy(): void;
}

/** The sync endpoint for the page's own origin (http -> ws, https -> wss). */
export function syncServerUrl(origin: string = location.origin): string {
  return origin.replace(/^http/, 'ws') + SYNC_PATH;
}

/**
 * Opens a review: the local cache loads first so the document shows without the
 * server; the provider then merges both ways. `name` goes into awareness; the
 * server overwrites role and colour with what the link grants.
 */
export function openReview(reviewId: string, token: string, name: string): ReviewSync {
  const doc = new Y.Doc();
  const cache = new IndexeddbPersistence(`hindsight:${reviewId}`, doc);
  const provider = new WebsocketProvider(syncServerUrl(), reviewId, doc, {
    // The token travels as a subprotocol, never in the URL: proxies and access logs record URLs.
    protocols: syncProtocols(token),
    // Only a revoked link is final; rate limits and slow consumers retry. A refused change is
    // not retried on this doc: resending would be refused again (see resetAfterRefusal.ts).
    shouldReconnect: (event) =>
      !FATAL_CLOSE_CODES.includes(event.code as CloseCode) && !REFUSAL_CODES.includes(event.code),
    // Other tabs of the same browser share through IndexedDB and the server.
    disableBc: true,
  });
  provider.awareness.setLocalStateField('user', { name });
  const connection = new ConnectionTracker(provider, cache);
  return {
    reviewId,
    doc,
    provider,
    cache,
    connection,
    destroy() {
      connection.destroy();
      provider.awareness.setLocalState(null);
      provider.destroy();
      void cache.destroy();
      doc.destroy();
    },
  };
}
