// Extending the collection window (facilitator only; the relay refuses it from anyone else).
import type * as Y from 'yjs';
import { readMeta, setCollectionEndsAt, setStatus, type OpContext } from '@hindsight/doc';

/** Moves the window's end `hours` past the later of now and the current end; reopens collection if it had closed. */
export function extendWindow(doc: Y.Doc, hours: number, ctx: OpContext, now = Date.now()): void {
  const meta = readMeta(doc);
  const base = Math.max(now, meta.collectionEndsAt ?? now);
  setCollectionEndsAt(doc, base + hours * 3_600_000, ctx);
  if (meta.status === 'reviewing' && (meta.collectionEndsAt ?? 0) <= now) setStatus(doc, 'collecting', ctx);
}
