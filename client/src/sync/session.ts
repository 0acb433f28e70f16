// One open review: its Y.Doc, the IndexedDB cache and the WebSocket provider, wired together.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { FATAL_CLOSE_CODES, SYNC_PATH, syncProtocols, type CloseCode } from '@hindsight/protocol';
import { ConnectionTracker } from './connection.ts';
import { REFUSAL_CODES } from './resetAfterRefusal.ts';
import { applyLargeSyncWithoutReencoding, loadCacheWithoutReencoding } from './withoutReencoding.ts';
import { QuietAwareness } from './quietAwareness.ts';

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

/** How long the socket waits for the local cache before it connects anyway (a blocked or very slow IndexedDB). */
const CACHE_WAIT_MS = 3_000;

export interface OpenOptions {
  /** False when this browser has no copy to wait for (a first visit): the socket connects at once. */
  cached?: boolean;
  /** What the first large sync message waits for (see applyLargeSyncWithoutReencoding). */
  holdLargeSync?: () => Promise<void> | null;
}

/**
 * Opens a review: the local cache loads first so the document shows without the
 * server; the provider then merges both ways. `name` goes into awareness (null:
 * set later, once the page knows it); the server overwrites role and colour with
 * what the link grants.
 */
export function openReview(
  reviewId: string,
  token: string,
  name: string | null,
  { cached = true, holdLargeSync }: OpenOptions = {},
): ReviewSync {
  const doc = new Y.Doc();
  const cache = new IndexeddbPersistence(`hindsight:${reviewId}`, doc);
  const provider = new WebsocketProvider(syncServerUrl(), reviewId, doc, {
    // Connected once the cache has loaded (below; at once without one): the first sync step then carries
    // the cached state vector, and the server sends only what this browser lacks instead of the whole review.
    connect: false,
    // The token travels as a subprotocol, never in the URL: proxies and access logs record URLs.
    protocols: syncProtocols(token),
    // Only a revoked link is final; rate limits and slow consumers retry. A refused change is
    // not retried on this doc: resending would be refused again (see resetAfterRefusal.ts).
    shouldReconnect: (event) =>
      !FATAL_CLOSE_CODES.includes(event.code as CloseCode) && !REFUSAL_CODES.includes(event.code),
    // Other tabs of the same browser share through IndexedDB and the server.
    disableBc: true,
    awareness: new QuietAwareness(doc),
  });
  applyLargeSyncWithoutReencoding(provider, holdLargeSync);
  const stopCacheHook = loadCacheWithoutReencoding(doc, cache, () => provider.wsconnected);
  if (name !== null) provider.awareness.setLocalStateField('user', { name });
  const connection = new ConnectionTracker(provider, cache);
  // Once, on whichever comes first; later connects and disconnects are the tracker's (network, retry).
  let started = false;
  const connect = (): void => {
    if (started) return;
    started = true;
    provider.connect();
  };
  const fallback = setTimeout(connect, CACHE_WAIT_MS);
  if (!cached) connect();
  void cache.whenSynced.then(connect);
  // No IndexedDB at all (some private modes): nothing to wait for.
  cache._db.catch(connect);
  // However the review is closed (destroy, discardLocalCopy), it ends with the doc: never connect after.
  doc.on('destroy', () => {
    started = true;
    clearTimeout(fallback);
  });
  return {
    reviewId,
    doc,
    provider,
    cache,
    connection,
    destroy() {
      stopCacheHook();
      connection.destroy();
      provider.awareness.setLocalState(null);
      provider.destroy();
      void cache.destroy();
      doc.destroy();
    },
  };
}
