// The edit history of a review, read from the store's update log: its index
// (who wrote when) and the document exactly as of any seq. A state is served
// from encoded updates (the nearest history snapshot or checkpoint at or
// before the seq, merged with the log rows after it), never by building a
// document; the snapshots themselves are written in the background, one
// document carried forward through the log, so no seek pays for them. The
// replay page asks for the stored state as is and the log rows after it, so
// the server never re-encodes a whole state for it (see storedStateAt).
import * as Y from 'yjs';
import type { Store } from '../storage/store.ts';
import { historyIndex } from './historyIndex.ts';
import { mergeManyYielding } from '../relay/mergeMany.ts';
import { Turns } from '../relay/turns.ts';

/** A history snapshot is kept at every multiple of this many seqs. */
export const SNAPSHOT_EVERY = 1_000;
const PAGE = 1_000;
/** The snapshot builder's turns, shorter than a seek's, and its share of the time (relay/turns.ts). */
const BACKGROUND_SLICE_MS = 4;
const BACKGROUND_SHARE = 0.5;

export interface HistoryState {
  /** The document as of `seq`, as one Yjs update. */
  state: Uint8Array;
  seq: number;
}

/**
 * The stored state nearest at or before `seq`: a history snapshot, or for the
 * latest seq the checkpoint. (Only then: in multi-server mode a checkpoint
 * may hold a few updates past the seq it covers, which the latest state holds too.)
 */
async function baseAtOrBefore(
  store: Store,
  reviewId: string,
  seq: number,
): Promise<{ seq: number; state: Uint8Array; snapshotNear: boolean } | null> {
  const snapshot = await store.snapshotAtOrBefore(reviewId, seq);
  const near = snapshot !== null && seq - snapshot.seq < SNAPSHOT_EVERY;
  // For the latest seq the checkpoint may be nearer still (a snapshot at the seq itself cannot be beaten).
  if (snapshot?.seq !== seq && !(await logReaches(store, reviewId, seq + 1))) {
    const { checkpoint, checkpointSeq, lastSeq } = await store.load(reviewId);
    if (checkpoint && seq >= lastSeq && checkpointSeq > (snapshot?.seq ?? 0))
      return { seq: checkpointSeq, state: checkpoint, snapshotNear: near };
  }
  return snapshot && { ...snapshot, snapshotNear: near };
}

/**
 * The stored state a seek to `seq` starts from, as stored (never decoded or re-encoded: a state of a big
 * review is megabytes, and re-encoding it costs the server about what applying it costs the page): the
 * nearest history snapshot or, for the latest seq, the checkpoint; an empty document at 0 when there is
 * none. It never waits for the snapshot builder: when the nearest is far behind `seq`, the page merges
 * more of the log after it this once (changesBetween, in batches) and the builder catches up meanwhile.
 */
export async function storedStateAt(store: Store, reviewId: string, seq: number): Promise<HistoryState> {
  const base = await baseAtOrBefore(store, reviewId, seq);
  // No snapshot near: build them for the next seeks (a checkpoint near the latest seq does not help those).
  if (!base?.snapshotNear) void extendSnapshots(store, reviewId, seq).catch(() => undefined);
  return base ?? { state: Y.encodeStateAsUpdate(new Y.Doc()), seq: 0 };
}

/**
 * The review as of `seq` (every update with a seq up to it), merged from
 * encoded updates: the stored state nearest before it and the log rows after that.
 */
export async function stateAt(store: Store, reviewId: string, seq: number): Promise<HistoryState> {
  let base = await baseAtOrBefore(store, reviewId, seq);
  if (seq - (base?.seq ?? 0) >= SNAPSHOT_EVERY) {
    // Far from every stored state: the snapshot builder carries one document forward a page at a time with
    // turns in between (the next seeks start close to their target too), so wait for it and start from its snapshot.
    await extendSnapshots(store, reviewId, seq);
    base = await baseAtOrBefore(store, reviewId, seq);
  }
  const from = base?.seq ?? 0;
  const tail = await logBetween(store, reviewId, from, seq);
  if (!base) return { state: await mergeManyYielding(tail.updates), seq: tail.seq };
  if (tail.updates.length === 0) return { state: base.state, seq: tail.seq };
  // The tail first, so the base (megabytes) is decoded and re-encoded once, not once per level of batches.
  return { state: Y.mergeUpdates([base.state, await mergeManyYielding(tail.updates)]), seq: tail.seq };
}

/**
 * What the review gained after `since` up to `seq` (the log rows between them,
 * merged): applied to the state as of `since` it gives the state as of `seq`.
 */
export async function changesBetween(
  store: Store,
  reviewId: string,
  since: number,
  seq: number,
): Promise<HistoryState> {
  const tail = await logBetween(store, reviewId, since, seq);
  return { state: await mergeManyYielding(tail.updates), seq: tail.seq };
}

/** The logged updates after `since` up to `seq`, read a page at a time, and the last seq read (`since` if none). */
async function logBetween(
  store: Store,
  reviewId: string,
  since: number,
  seq: number,
): Promise<{ updates: Uint8Array[]; seq: number }> {
  const updates: Uint8Array[] = [];
  const turns = new Turns();
  let at = since;
  while (at < seq) {
    const rows = await store.readLog(reviewId, at, Math.min(PAGE, seq - at));
    if (rows.length === 0) break;
    for (const row of rows) updates.push(row.update);
    at = rows[rows.length - 1]!.seq;
    // SQLite answers synchronously: give the event loop a turn between pages.
    await turns.check();
  }
  return { updates, seq: at };
}

/** Whether the log reaches `seq` (a seq at or below its latest): a page can only hold a state as of such a seq. */
export async function logReaches(store: Store, reviewId: string, seq: number): Promise<boolean> {
  if (seq === 0) return true;
  return (await store.readLogMeta(reviewId, seq - 1, 1)).length > 0;
}

const extending = new Map<string, Promise<void>>();

/**
 * Writes the snapshots a review is missing up to `uptoSeq`, one review at a
 * time: one document carried forward from the latest snapshot through the log,
 * encoded at each multiple of SNAPSHOT_EVERY. Background work: callers
 * schedule it away from the load path.
 */
export function extendSnapshots(store: Store, reviewId: string, uptoSeq: number): Promise<void> {
  const target = Math.floor(uptoSeq / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;
  if (target === 0) return Promise.resolve();
  // One builder per review; a caller that needs a later seq than the running one continues after it.
  const running = extending.get(reviewId);
  // (Its failure is its caller's: this one tries again from what was stored.)
  if (running)
    return running.then(
      () => extendSnapshots(store, reviewId, uptoSeq),
      () => extendSnapshots(store, reviewId, uptoSeq),
    );
  const run = buildSnapshots(store, reviewId, target).finally(() => extending.delete(reviewId));
  extending.set(reviewId, run);
  return run;
}

async function buildSnapshots(store: Store, reviewId: string, target: number): Promise<void> {
  const latest = await store.snapshotAtOrBefore(reviewId, target);
  if (latest?.seq === target) return;
  // A purge merged the log's start past the target: no snapshot at or below it can be written (see
  // addSnapshot), so replaying the log would be for nothing, on every call.
  const [next] = await store.readLogMeta(reviewId, latest?.seq ?? 0, 1);
  if (!next || next.seq > target) return;
  const doc = new Y.Doc();
  try {
    let at = 0;
    if (latest) {
      Y.applyUpdate(doc, latest.state);
      at = latest.seq;
    }
    // Short turns (a page of the log applied is ~100 ms on a loaded machine) and half the time at most (a
    // snapshot encoded and written is one step of ~100 ms): seeks and rooms keep the other half while it runs.
    const turns = new Turns(BACKGROUND_SLICE_MS, BACKGROUND_SHARE);
    while (at < target) {
      const rows = await store.readLog(reviewId, at, Math.min(PAGE, target - at));
      if (rows.length === 0) break;
      for (const row of rows) {
        try {
          Y.applyUpdate(doc, row.update);
        } catch {
          // Written by a release that stored updates before applying them: the room skips it too.
        }
        at = row.seq;
        if (at % SNAPSHOT_EVERY === 0) await store.addSnapshot(reviewId, at, Y.encodeStateAsUpdate(doc));
        await turns.check();
      }
    }
  } finally {
    doc.destroy();
  }
}

/** The last seq received at or before `at` (epoch ms), or 0. */
export async function seqAtTime(store: Store, reviewId: string, at: number): Promise<number> {
  const index = await historyIndex(store, reviewId);
  let found = 0;
  for (let i = 0; i < index.seq.length && index.at[i]! <= at; i++) found = index.seq[i]!;
  return found;
}
