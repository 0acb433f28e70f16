// Reads a history state (one Yjs update) through packages/doc's read models, and carries one document through the history.
import * as Y from 'yjs';
import {
  readAnnotations,
  readAtSnapshot,
  readTimeline,
  readWhysTree,
  roots,
  snapshotAfter,
  type AnnotationView,
  type EntryView,
} from '@hindsight/doc';

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

/** The history the cursor holds: one document that keeps deleted content, from a stored state on. */
interface Held {
  doc: Y.Doc;
  /** The seq of the stored state it started from: it can show any moment from there to `head`. */
  base: number;
  head: number;
  /** The moments it knows the snapshot of (the base, each stop reached), by seq. */
  snapshots: Map<number, Y.Snapshot>;
}

/**
 * One document carried through the edit history, keeping deleted content
 * (gc off), so it can show any moment it has passed. Moving forward fetches
 * and applies only what changed since the furthest seq it holds; moving back
 * within what it holds applies nothing: the view is read as of that moment's
 * Yjs snapshot (readAtSnapshot), the snapshot worked out from the change
 * between the nearest known moment and the target (fetched, not applied).
 * Only a move before the stored state it started from (or when a change
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
    held.snapshots.set(seq, Y.snapshot(held.doc));
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
    held.snapshots.set(seq, snapshot);
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
    const snapshots = new Map<number, Y.Snapshot>();
    try {
      Y.applyUpdate(doc, base.update);
      snapshots.set(base.seq, Y.snapshot(doc));
      if (base.seq < seq) {
        Y.applyUpdate(doc, await this.changeBetween(base.seq, seq));
        snapshots.set(seq, Y.snapshot(doc));
      }
    } catch (err) {
      doc.destroy();
      throw err;
    }
    this.held?.doc.destroy();
    this.held = { doc, base: base.seq, head: seq, snapshots };
    return this.held;
  }

  destroy(): void {
    this.held?.doc.destroy();
    this.held = null;
  }
}

/**
 * Ids of the entries `change` (already applied to `doc`) created: those whose timeline slot was first
 * written by it. Read from the update's clock ranges, so no second document is built for the seq before.
 * `at`: the snapshot `doc` is read at, when it holds later moments too.
 */
export function entriesCreatedBy(doc: Y.Doc, change: Uint8Array, at: Y.Snapshot | null = null): Set<string> {
  const { from, to } = Y.parseUpdateMeta(change);
  const created = new Set<string>();
  roots(doc).timeline._map.forEach((item, key) => {
    const { client, clock } = item.id;
    const start = from.get(client);
    const end = to.get(client);
    // left is null for a key's first value: a later value of the key (an overwrite) is not a new entry.
    if (
      start !== undefined &&
      end !== undefined &&
      clock >= start &&
      clock < end &&
      item.left === null &&
      !(at ? Y.isDeleted(at.ds, item.id) : item.deleted)
    )
      created.add(key);
  });
  return created;
}
