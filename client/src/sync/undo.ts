// Per-person undo: a Y.UndoManager over the review's records that tracks only this client's own operations.
import * as Y from 'yjs';
import { ROOT_SCHEMAS, isOpOrigin, roots, validateTouched } from '@hindsight/doc';

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

/**
 * Undoes or redoes one step, in one transaction (one update) with the repair it may need: a record
 * brought back after someone else edited it while it was deleted lacks the fields their edit replaced
 * (Yjs restores only what this client deleted, and their edit landed in the deleted record), and the
 * server refuses a record without its required fields, closing the connection. Such a field gets the
 * value it had, kept by the undo manager; a record that still lacks one is not brought back.
 */
export function undoOrRedo(manager: Y.UndoManager, intent: 'undo' | 'redo'): void {
  const doc = manager.doc;
  const flag = intent === 'undo' ? 'undoing' : 'redoing';
  try {
    doc.transact((tr) => {
      if (intent === 'undo') manager.undo();
      else manager.redo();
      repairRestored(tr);
      // The transaction ends after this function, and the manager files it by this flag: as an undo
      // (onto the redo stack) or a redo, not as a new change of this person's.
      manager[flag] = true;
    }, manager);
  } finally {
    manager[flag] = false;
  }
}

function repairRestored(tr: Y.Transaction): void {
  for (const [root, schema] of ROOT_SCHEMAS) {
    if (schema.kind !== 'records') continue;
    const records = tr.doc.share.get(root);
    const keys = records && tr.changed.get(records);
    if (!(records instanceof Y.Map) || !keys) continue;
    for (const key of keys) {
      if (key === null || validateTouched(tr.doc, { root, key }) === null) continue;
      const restored = records._map.get(key);
      const record = restored?.content.getContent()[0];
      if (!restored || restored.deleted || !(record instanceof Y.Map)) continue;
      const original = originalOf(restored);
      for (const [field, rule] of Object.entries(schema.fields)) {
        if (!rule.required || record.has(field)) continue;
        const value = original && lastKnownValue(original, field);
        if (value !== undefined && !(value instanceof Y.AbstractType)) record.set(field, value);
      }
      if (validateTouched(tr.doc, { root, key }) !== null) records.delete(key);
    }
  }
}

/** The deleted record `restored` was redone from (Yjs links the original to its copy), or null. */
function originalOf(restored: Y.Item): Y.Map<unknown> | null {
  for (let item = restored.left; item !== null; item = item.left) {
    const redone = item.redone;
    if (redone && redone.client === restored.id.client && redone.clock === restored.id.clock) {
      const type = item.content.getContent()[0];
      return type instanceof Y.Map ? type : null;
    }
  }
  return null;
}

/** The newest value of `field` in the deleted record whose content is still kept (the undo manager keeps its own). */
function lastKnownValue(record: Y.Map<unknown>, field: string): unknown {
  for (let item = record._map.get(field) ?? null; item !== null; item = item.left) {
    const content = item.content.getContent();
    if (content.length > 0) return content[content.length - 1];
  }
  return undefined;
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
