// Reads a history state (one Yjs update) through packages/doc's read models, and carries one document through the history.
import * as Y from 'yjs';
import {
  readAnnotations,
  readAtSnapshot,
  readFirstEntries,
  readWhysTree,
  roots,
  snapshotAfter,
  type AnnotationView,
  type EntryView,
} from '@hindsight/doc';

/** How many entries a history stop lists (in timeline order); the rest are counted. */
export const HISTORY_ROWS = 300;

export interface HistoryView {
  /** The first HISTORY_ROWS entries in timeline order. */
  entries: EntryView[];
  /** How many entries the review had. */
  total: number;
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
  // The entries past the listed ones are only counted: their order keys are read, not their records.
  const { entries, total } = readFirstEntries(doc, HISTORY_ROWS);
  return { entries, total, annotations: readAnnotations(doc), whys: count(readWhysTree(doc)) };
}

/** What the server answered: a Yjs update and the seq the page holds once it is applied. */
export interface HistoryAnswer {
  update: Uint8Array;
  seq: number;
}

/**
 * Fetches, for `seq`: with a number, only what changed after that seq (to apply onto the state as of it);
 * with 'nearest', the stored state a seek to `seq` starts from, as stored (its seq is at or before `seq`).
 */
export type FetchHistoryState = (seq: number, from: number | 'nearest') => Promise<HistoryAnswer>;

/** The review at one stop, and the entries the stop's own update added. */
export interface HistoryStop extends HistoryView {
  added: Set<string>;
}

/** The page's own live copy of the review (synced with the server) and the seq of the history it holds. */
export interface LiveCopy {
  doc: Y.Doc;
  seq: number;
}

/** The history the cursor holds: one document that keeps deleted content, from the moment it started at on. */
interface Held {
  doc: Y.Doc;
  /** The seq it started at: it can show any moment from there to `head`. */
  base: number;
  head: number;
  /**
   * Moments it knows the snapshot of, by seq: the base always, and the latest stops (each holds the
   * review's deletions: a page played through a long review keeps a bounded number).
   */
  snapshots: Map<number, Y.Snapshot>;
}

/** How many stops' snapshots a cursor keeps besides its base's. */
const KEPT_SNAPSHOTS = 48;

/**
 * Keeps `snapshot` as the moment `seq`'s. Past KEPT_SNAPSHOTS, forgets the moment whose neighbours are
 * closest (the steps of a run of ▶ before spread-out stops), never the base: a moment's snapshot is
 * worked out from the nearest kept before it, so the kept ones stay spread over what the cursor holds.
 */
function remember(held: Held, seq: number, snapshot: Y.Snapshot): void {
  held.snapshots.set(seq, snapshot);
  if (held.snapshots.size <= KEPT_SNAPSHOTS + 1) return;
  const seqs = [...held.snapshots.keys()].sort((a, b) => a - b);
  let forget = -1;
  let narrowest = Infinity;
  for (let i = 1; i < seqs.length; i++) {
    if (seqs[i] === seq) continue;
    const gap = (seqs[i + 1] ?? held.head + 1) - seqs[i - 1]!;
    if (gap < narrowest) [forget, narrowest] = [seqs[i]!, gap];
  }
  held.snapshots.delete(forget);
}

/**
 * One document carried through the edit history, keeping deleted content
 * (gc off), so it can show any moment it has passed. Moving forward fetches
 * and applies only what changed since the furthest seq it holds; moving back
 * within what it holds applies nothing: the view is read as of that moment's
 * Yjs snapshot (readAtSnapshot), the snapshot worked out from the change
 * between the nearest known moment and the target (fetched, not applied).
 * Only a move before the moment it started at (or when a change
 * cannot be fetched) starts again from the stored state nearest before the
 * target plus what changed after it (the server never re-encodes a whole
 * state for the page). A stop at the seq the page's live copy holds (the
 * latest) is read from that copy: nothing to fetch or apply. Moves run one at a time.
 */
export class HistoryCursor {
  private held: Held | null = null;
  /** The last change fetched, kept: a stop's own update is usually the step just applied. */
  private last: { since: number; seq: number; update: Uint8Array } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  /** `live`: the page's live copy when it has one (asked at each move; it is only read, never changed). */
  constructor(
    private readonly fetchState: FetchHistoryState,
    private readonly live: () => LiveCopy | null = () => null,
  ) {}

  /** The review as of `seq`; `added` holds the entries the updates after `prevSeq` up to `seq` added. */
  moveTo(seq: number, prevSeq: number | null = null): Promise<HistoryStop> {
    const move = this.queue.then(() => this.move(seq, prevSeq));
    this.queue = move.catch(() => undefined);
    return move;
  }

  private async move(seq: number, prevSeq: number | null): Promise<HistoryStop> {
    const live = this.live();
    if (live?.seq === seq) return this.stopIn(live.doc, null, seq, prevSeq);
    const held = this.held;
    if (held && seq >= held.base) {
      if (seq < held.head) {
        const snapshot = await this.snapshotAt(held, seq);
        if (snapshot) return this.stopIn(held.doc, snapshot, seq, prevSeq);
      } else if (await this.forward(held, seq)) return this.stopIn(held.doc, null, seq, prevSeq);
    }
    return this.stopIn((await this.restart(seq)).doc, null, seq, prevSeq);
  }

  /**
   * The view of `doc` as of `seq` (at `snapshot`, or as it is when null) and the entries the updates
   * after `prevSeq` added.
   */
  private async stopIn(
    doc: Y.Doc,
    snapshot: Y.Snapshot | null,
    seq: number,
    prevSeq: number | null,
  ): Promise<HistoryStop> {
    let added = new Set<string>();
    if (prevSeq !== null && prevSeq < seq) {
      const change = await this.changeBetween(prevSeq, seq).catch(() => null);
      if (change) added = entriesCreatedBy(doc, change, snapshot);
    }
    return { ...(snapshot ? readAtSnapshot(doc, snapshot, readHistoryDoc) : readHistoryDoc(doc)), added };
  }

  private async forward(held: Held, seq: number): Promise<boolean> {
    if (seq === held.head) return true;
    const change = await this.changeBetween(held.head, seq).catch(() => null);
    if (!change) return false;
    Y.applyUpdate(held.doc, change);
    held.head = seq;
    remember(held, seq, Y.snapshot(held.doc));
    return true;
  }

  /** The snapshot of `seq` (between the held base and head): from the nearest known moment before it. */
  private async snapshotAt(held: Held, seq: number): Promise<Y.Snapshot | null> {
    const known = held.snapshots.get(seq);
    if (known) return known;
    let from = held.base;
    for (const s of held.snapshots.keys()) if (s < seq && s > from) from = s;
    const change = await this.changeBetween(from, seq).catch(() => null);
    if (!change) return null;
    const snapshot = snapshotAfter(held.snapshots.get(from)!, change);
    remember(held, seq, snapshot);
    return snapshot;
  }

  private async changeBetween(since: number, seq: number): Promise<Uint8Array> {
    if (this.last?.since === since && this.last.seq === seq) return this.last.update;
    const { update } = await this.fetchState(seq, since);
    this.last = { since, seq, update };
    return update;
  }

  private async restart(seq: number): Promise<Held> {
    const base = await this.fetchState(seq, 'nearest');
    const doc = new Y.Doc({ gc: false });
    try {
      Y.applyUpdate(doc, base.update);
      if (base.seq < seq) Y.applyUpdate(doc, await this.changeBetween(base.seq, seq));
    } catch (err) {
      doc.destroy();
      throw err;
    }
    this.held?.doc.destroy();
    // It is read from the target on, not from the stored state: that may be a checkpoint holding a few
    // updates past the seq it is labelled with (several servers), exact only as part of the latest state.
    this.held = { doc, base: seq, head: seq, snapshots: new Map([[seq, Y.snapshot(doc)]]) };
    return this.held;
  }

  destroy(): void {
    this.held?.doc.destroy();
    this.held = null;
  }
}

/**
 * Ids of the entries `change` (already applied to `doc`) created: those whose timeline slot was first
 * written by it (an entry deleted and restored later was still created here), and that exist at the stop.
 * Read from the update's clock ranges, so no second document is built for the seq before.
 * `at`: the snapshot `doc` is read at, when it holds later moments too.
 */
export function entriesCreatedBy(doc: Y.Doc, change: Uint8Array, at: Y.Snapshot | null = null): Set<string> {
  const { from, to } = Y.parseUpdateMeta(change);
  const created: string[] = [];
  roots(doc).timeline._map.forEach((newest, key) => {
    let first = newest;
    while (first.left !== null) first = first.left;
    const { client, clock } = first.id;
    const start = from.get(client);
    const end = to.get(client);
    if (start !== undefined && end !== undefined && clock >= start && clock < end) created.push(key);
  });
  const exist = (d: Y.Doc) => new Set(created.filter((key) => roots(d).timeline.has(key)));
  return at ? readAtSnapshot(doc, at, exist) : exist(doc);
}
