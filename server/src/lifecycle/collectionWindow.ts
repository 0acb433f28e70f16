// The end of the 24-hour collection window on the server: closing an expired
// review when its room loads (the registry's prepare hook) and a periodic sweep
// over the loaded rooms, both through closeExpiredCollection in packages/doc.
import { closeExpiredCollection, collectionExpired, defaultContext, type OpContext } from '@hindsight/doc';
import type * as Y from 'yjs';
import type { RoomRegistry } from '../relay/registry.ts';

export interface SweepLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const serverContext = (): OpContext => defaultContext('Hindsight');

/** For the prepare hook: closes the window of a review loaded after it ended (stored as the server's change). */
export function closeOnLoad(doc: Y.Doc, now = Date.now()): void {
  closeExpiredCollection(doc, now, serverContext());
}

/**
 * Every `intervalMs`, moves each loaded review whose window has ended to
 * reviewing, through the durable server path (stored, then relayed to every
 * client). Returns a stop function.
 */
export function startCollectionSweep(deps: {
  registry: RoomRegistry;
  intervalMs: number;
  log: SweepLogger;
  now?: () => number;
}): () => void {
  const now = deps.now ?? Date.now;
  let running = false;
  const sweep = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const at = now();
      for (const { reviewId, doc } of deps.registry.loaded()) {
        if (!collectionExpired(doc, at)) continue;
        let closed = false;
        try {
          await deps.registry.applyServerChange(reviewId, (scratch) => {
            closed = closeExpiredCollection(scratch, at, serverContext());
          });
          if (closed) deps.log.info({ reviewId }, 'collection window ended: review moved to reviewing');
        } catch (err) {
          deps.log.warn({ reviewId, err }, 'could not close the collection window');
        }
      }
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), deps.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
