// Per-person undo: a Y.UndoManager over the review's records that tracks only this client's own operations.
import * as Y from 'yjs';
import { isOpOrigin, roots } from '@hindsight/doc';

/**
 * An undo manager for `doc` that captures only transactions made by this client's packages/doc
 * operations (their origin is a plain `{ op, actor }` object). Remote updates arrive with the
 * provider as origin, the IndexedDB cache with its persistence object, and Tiptap's text edits
 * with y-prosemirror's plugin key, so none of those is ever undone here; Tiptap keeps its own
 * text undo inside the editor. The facilitation root (meeting phase, timer, freeze) is left out.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  const r = roots(doc);
  const manager: Y.UndoManager = new Y.UndoManager(
    [r.meta, r.timeline, r.whys, r.actions, r.annotations, r.humanFactors],
    {
      // Tracked by constructor (plain objects), then narrowed to operation origins; the manager's
      // own undo/redo transactions must pass too, or redo would have nothing to redo.
      trackedOrigins: new Set<unknown>([Object]),
      captureTransaction: (tr) => tr.origin === manager || isOpOrigin(tr.origin),
    },
  );
  return manager;
}

/** The keyboard's undo intent: Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo; null otherwise. */
export function undoIntent(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): 'undo' | 'redo' | null {
  if (event.altKey || !(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}
