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
    return readHistoryDoc(doc);
  } finally {
    doc.destroy();
  }
}

function readHistoryDoc(doc: Y.Doc): HistoryView {
  const count = (nodes: ReturnType<typeof readWhysTree>): number =>
    nodes.reduce((n, node) => n + 1 + count(node.children), 0);
  return { entries: readTimeline(doc), annotations: readAnnotations(doc), whys: count(readWhysTree(doc)) };
}

/** Fetches the state as of `seq`, or with `since` only what changed after `since`. */
export type FetchHistoryState = (seq: number, since: number | null) => Promise<Uint8Array>;

/**
 * One document carried through the edit history: moving forward applies only
 * what changed since the seq it holds; moving back (or when the change cannot
 * be fetched) starts again from the full state. Moves run one at a time.
 */
export class HistoryCursor {
  private doc: Y.Doc | null = null;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly fetchState: FetchHistoryState) {}

  /** The review as of `seq`. */
  moveTo(seq: number): Promise<HistoryView> {
    const move = this.queue.then(() => this.move(seq));
    this.queue = move.catch(() => undefined);
    return move;
  }

  private async move(seq: number): Promise<HistoryView> {
    if (this.doc && seq >= this.seq) {
      if (seq > this.seq) {
        const since = this.seq;
        const change = await this.fetchState(seq, since).catch(() => null);
        if (change) Y.applyUpdate(this.doc, change);
        else return this.restart(seq);
      }
      this.seq = seq;
      return readHistoryDoc(this.doc);
    }
    return this.restart(seq);
  }

  private async restart(seq: number): Promise<HistoryView> {
    const state = await this.fetchState(seq, null);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    this.doc?.destroy();
    this.doc = doc;
    this.seq = seq;
    return readHistoryDoc(doc);
  }

  destroy(): void {
    this.doc?.destroy();
    this.doc = null;
  }
}

/** Ids of entries in `now` that `before` did not have. */
export function addedEntries(before: HistoryView | null, now: HistoryView): Set<string> {
  if (!before) return new Set(now.entries.map((e) => e.id));
  const had = new Set(before.entries.map((e) => e.id));
  return new Set(now.entries.filter((e) => !had.has(e.id)).map((e) => e.id));
}
