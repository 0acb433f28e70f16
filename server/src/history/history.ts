// The edit history of a review, read from the store's update log: its index
// (who wrote when) and the document exactly as of any seq, rebuilt from the
// nearest history snapshot plus a short tail, never from the first update.
import * as Y from 'yjs';
import { roleLabel } from '@hindsight/protocol';
import type { LogMeta, Store } from '../storage/store.ts';

/** A history snapshot is kept at every multiple of this many seqs. */
export const SNAPSHOT_EVERY = 1_000;
const PAGE = 1_000;

export interface HistoryState {
  /** The document as of `seq`, as one Yjs update. */
  state: Uint8Array;
  seq: number;
}

/**
 * The review as of `seq` (every update with a seq up to it). Snapshots missing
 * on the way are written, so the first seek into an old review pays once.
 */
export async function stateAt(store: Store, reviewId: string, seq: number): Promise<HistoryState> {
  const snapshot = await store.snapshotAtOrBefore(reviewId, seq);
  const doc = new Y.Doc();
  try {
    let at = 0;
    if (snapshot) {
      Y.applyUpdate(doc, snapshot.state);
      at = snapshot.seq;
    }
    while (at < seq) {
      const rows = await store.readLog(reviewId, at, Math.min(PAGE, seq - at));
      if (rows.length === 0) break;
      for (const row of rows) {
        Y.applyUpdate(doc, row.update);
        at = row.seq;
        if (at % SNAPSHOT_EVERY === 0) {
          // Best effort: a read-only store still answers, just slower next time.
          await store.addSnapshot(reviewId, at, Y.encodeStateAsUpdate(doc)).catch(() => undefined);
        }
      }
      // SQLite answers synchronously: give the event loop a turn between pages so a long
      // replay never stalls the relay.
      await new Promise((r) => setImmediate(r));
    }
    return { state: Y.encodeStateAsUpdate(doc), seq: at };
  } finally {
    doc.destroy();
  }
}

const extending = new Map<string, Promise<void>>();

/**
 * Writes the snapshots a review is missing up to `uptoSeq`, one review at a
 * time. Background work: callers schedule it away from the load path.
 */
export function extendSnapshots(store: Store, reviewId: string, uptoSeq: number): Promise<void> {
  const target = Math.floor(uptoSeq / SNAPSHOT_EVERY) * SNAPSHOT_EVERY;
  if (target === 0 || extending.has(reviewId)) return extending.get(reviewId) ?? Promise.resolve();
  const run = (async () => {
    const latest = await store.snapshotAtOrBefore(reviewId, target);
    if (latest?.seq !== target) await stateAt(store, reviewId, target);
  })().finally(() => extending.delete(reviewId));
  extending.set(reviewId, run);
  return run;
}

export interface HistoryAuthor {
  role: string;
  /** Pseudonymous: "Facilitator", "Responder link 2", "Server". */
  label: string;
}

/** The edit history's index in columns (compact for 50,000 updates): seq, receive time and author per update. */
export interface HistoryIndex {
  reviewId: string;
  latestSeq: number;
  authors: HistoryAuthor[];
  seq: number[];
  at: number[];
  author: number[];
}

/** Reads the whole log's metadata (not its bytes) and names its writers by role and link, without personal names. */
export async function historyIndex(store: Store, reviewId: string): Promise<HistoryIndex> {
  const rows: LogMeta[] = [];
  for (let after = 0; ;) {
    const page = await store.readLogMeta(reviewId, after, 10_000);
    rows.push(...page);
    if (page.length < 10_000) break;
    after = page[page.length - 1]!.seq;
  }
  const authorIndex = new Map<string, number>();
  const authors: HistoryAuthor[] = [];
  const perRole = new Map<string, number>();
  const index: HistoryIndex = { reviewId, latestSeq: 0, authors, seq: [], at: [], author: [] };
  for (const row of rows) {
    const key = `${row.role}:${row.linkId ?? ''}`;
    let i = authorIndex.get(key);
    if (i === undefined) {
      const n = (perRole.get(row.role) ?? 0) + 1;
      perRole.set(row.role, n);
      const base = roleLabel(row.role);
      authors.push({ role: row.role, label: n === 1 ? base : `${base} link ${n}` });
      i = authors.length - 1;
      authorIndex.set(key, i);
    }
    index.seq.push(row.seq);
    index.at.push(row.receivedAt);
    index.author.push(i);
    index.latestSeq = row.seq;
  }
  return index;
}

/** The last seq received at or before `at` (epoch ms), or 0. */
export async function seqAtTime(store: Store, reviewId: string, at: number): Promise<number> {
  const index = await historyIndex(store, reviewId);
  let found = 0;
  for (let i = 0; i < index.seq.length && index.at[i]! <= at; i++) found = index.seq[i]!;
  return found;
}
