// One delays computation per document (packages/doc's findDelays), shared by every timeline row:
// recomputed a frame after the timeline or meta changes, read per entry through useSyncExternalStore.
import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { findDelays, roots, type Delay } from '@hindsight/doc';

export interface EntryDelays {
  /** Delays that start at this entry (the alert nobody answered yet). */
  from: Delay[];
  /** Delays that end at this entry (the first response, the mitigation). */
  to: Delay[];
}

interface Index {
  byEntry: Map<string, EntryDelays>;
  all: Delay[];
  listeners: Set<() => void>;
}

const indexes = new WeakMap<Y.Doc, Index>();
const NONE: EntryDelays = { from: [], to: [] };

function build(doc: Y.Doc): Pick<Index, 'byEntry' | 'all'> {
  const all = findDelays(doc);
  const byEntry = new Map<string, EntryDelays>();
  const slot = (id: string): EntryDelays => {
    let s = byEntry.get(id);
    if (!s) byEntry.set(id, (s = { from: [], to: [] }));
    return s;
  };
  for (const d of all) {
    if (d.fromEntryId) slot(d.fromEntryId).from.push(d);
    if (d.toEntryId) slot(d.toEntryId).to.push(d);
  }
  return { all, byEntry };
}

function indexFor(doc: Y.Doc): Index {
  let index = indexes.get(doc);
  if (index) return index;
  const made: Index = { ...build(doc), listeners: new Set() };
  let frame = 0;
  const refresh = (): void => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      Object.assign(made, build(doc));
      made.listeners.forEach((l) => l());
    });
  };
  const { timeline, meta } = roots(doc);
  // Keystrokes inside a summary do not move anything; only record-level changes can.
  timeline.observeDeep((events) => {
    if (events.some((e) => e.path.length <= 1)) refresh();
  });
  meta.observe(refresh);
  indexes.set(doc, made);
  index = made;
  return index;
}

function subscribe(doc: Y.Doc, listener: () => void): () => void {
  const index = indexFor(doc);
  index.listeners.add(listener);
  return () => index.listeners.delete(listener);
}

/** The delays that start or end at `entryId`. */
export function useEntryDelays(doc: Y.Doc, entryId: string): EntryDelays {
  return useSyncExternalStore(
    (l) => subscribe(doc, l),
    () => indexFor(doc).byEntry.get(entryId) ?? NONE,
  );
}
