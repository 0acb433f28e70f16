// Reads a history state (one Yjs update) through packages/doc's read models, and what changed since another.
import * as Y from 'yjs';
import { readAnnotations, readTimeline, readWhysTree, type AnnotationView, type EntryView } from '@hindsight/doc';

export interface HistoryView {
  entries: EntryView[];
  annotations: AnnotationView[];
  whys: number;
}

export function readHistoryState(state: Uint8Array): HistoryView {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const count = (nodes: ReturnType<typeof readWhysTree>): number =>
      nodes.reduce((n, node) => n + 1 + count(node.children), 0);
    return { entries: readTimeline(doc), annotations: readAnnotations(doc), whys: count(readWhysTree(doc)) };
  } finally {
    doc.destroy();
  }
}

/** Ids of entries in `now` that `before` did not have. */
export function addedEntries(before: HistoryView | null, now: HistoryView): Set<string> {
  if (!before) return new Set(now.entries.map((e) => e.id));
  const had = new Set(before.entries.map((e) => e.id));
  return new Set(now.entries.filter((e) => !had.has(e.id)).map((e) => e.id));
}
