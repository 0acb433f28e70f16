// The end of the 24-hour data-collection window: the rule the server applies
// when a review's window has passed (moves it from collecting to reviewing).
import type * as Y from 'yjs';
import { MetaKey, origin, roots, type OpContext, type ReviewStatus } from './schema.ts';
import { readMeta } from './meta.ts';

/**
 * True when the review is collecting, its window has ended at `now`, and it
 * was not already closed once for this very window end (a facilitator who
 * reopens collection without extending the window is not overruled).
 */
export function collectionExpired(doc: Y.Doc, now: number): boolean {
  const meta = readMeta(doc);
  if (meta.schemaVersion === null || meta.status !== 'collecting' || meta.collectionEndsAt === null) return false;
  if (meta.collectionEndsAt > now) return false;
  return roots(doc).meta.get(MetaKey.collectionClosedFor) !== meta.collectionEndsAt;
}

/**
 * Moves an expired collecting review to `reviewing` (one transaction) and
 * records which window end it closed (`collectionClosedFor`). Returns whether
 * it changed anything; writes nothing otherwise.
 */
export function closeExpiredCollection(doc: Y.Doc, now: number, ctx: OpContext): boolean {
  if (!collectionExpired(doc, now)) return false;
  const endsAt = readMeta(doc).collectionEndsAt;
  doc.transact(
    () => {
      const { meta } = roots(doc);
      meta.set(MetaKey.status, 'reviewing' satisfies ReviewStatus);
      meta.set(MetaKey.collectionClosedFor, endsAt);
    },
    origin('closeExpiredCollection', ctx),
  );
  return true;
}
