// The append batcher both adapters share: appends made within one commit window
// (by default the tick they were made in) go out in one commit (one fsync, one
// transaction), one commit at a time, and each caller's promise settles only after
// that commit, with its seq or the reason it failed. An adapter may also queue other
// small writes (a checkpoint, an index row) to ride in the same commit instead of
// paying their own.
//
// The window is group commit: with many small reviews each tick holds one or two
// updates, so per-tick commits paid a transaction and an fsync per update or so. A
// few milliseconds' wait lets the updates of many ticks and reviews share one: a
// commit starts no sooner than a window after the previous one ended, so under load
// there is at most one commit per window, and a write after a quiet spell (one person
// typing) commits at the next tick. Nothing is relayed before its commit either way;
// the window only delays the commit.
import { type AppendInput, StoreWriteError, writeError } from './store.ts';

export interface PendingAppend {
  reviewId: string;
  input: AppendInput;
}

/**
 * Commits a batch atomically and returns each append's seq in batch order, or null
 * for an append whose review does not exist (refused; the others still commit).
 */
export type CommitBatch = (
  batch: readonly PendingAppend[],
  alongside: readonly SideWrite[],
) => Promise<Committed> | Committed;

/** A write committed with the appends of its tick; the adapter runs it so that its failure undoes only it. */
export type SideWrite = () => void;

export interface Committed {
  seqs: (number | null)[];
  /** Per side write, in order: why it was undone (the appends and the other writes still commit). */
  sideErrors: (Error | undefined)[];
}

interface Waiting extends PendingAppend {
  resolve: (seq: number) => void;
  reject: (err: Error) => void;
}

interface WaitingWrite {
  run: SideWrite;
  what: string;
  resolve: () => void;
  reject: (err: Error) => void;
}

export interface BatcherOptions {
  /**
   * The least time between the end of one commit and the start of the next, in ms (see
   * above); 0 commits what one tick queued (the next setImmediate).
   */
  windowMs?: number;
}

export class AppendBatcher {
  private queue: Waiting[] = [];
  private writes: WaitingWrite[] = [];
  private scheduled = false;
  /** The window's timer while one runs (a flush before it fires, e.g. close, cancels it). */
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private closed = false;
  /** When the last commit settled (performance.now()): the next starts a window after it at the soonest. */
  private lastCommitAt = -Infinity;
  private readonly windowMs: number;

  constructor(
    private readonly commit: CommitBatch,
    options: BatcherOptions = {},
  ) {
    this.windowMs = Math.max(0, options.windowMs ?? 0);
  }

  append(reviewId: string, input: AppendInput): Promise<number> {
    if (this.closed) return Promise.reject(new StoreWriteError('store is closed'));
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ reviewId, input, resolve, reject });
      this.schedule();
    });
  }

  /** Commits `run` with this tick's appends; rejects with `what` and the cause if it failed. */
  alongside(what: string, run: SideWrite): Promise<void> {
    if (this.closed) return Promise.reject(new StoreWriteError('store is closed'));
    return new Promise<void>((resolve, reject) => {
      this.writes.push({ run, what, resolve, reject });
      this.schedule();
    });
  }

  private get pending(): boolean {
    return this.queue.length > 0 || this.writes.length > 0;
  }

  /** Refuses new appends and resolves once everything queued before has settled. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight || this.pending) await (this.inFlight ?? this.flush());
  }

  // The window counts from the end of the previous commit: under load, one commit per window.
  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    const wait = this.lastCommitAt + this.windowMs - performance.now();
    if (wait >= 1) this.timer = setTimeout(() => void this.flush(), wait);
    else setImmediate(() => void this.flush());
  }

  // One commit in flight at a time: appends arriving meanwhile wait in the queue and
  // go out together when it settles, so load never fans out into many parallel
  // transactions and the order across commits is the order of arrival.
  private flush(): Promise<void> {
    this.scheduled = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) return this.inFlight;
    const batch = this.queue;
    const writes = this.writes;
    this.queue = [];
    this.writes = [];
    if (batch.length === 0 && writes.length === 0) return Promise.resolve();
    this.inFlight = this.settle(batch, writes).finally(() => {
      this.inFlight = null;
      this.lastCommitAt = performance.now();
      if (this.pending) this.schedule();
    });
    return this.inFlight;
  }

  private async settle(batch: Waiting[], writes: WaitingWrite[]): Promise<void> {
    let seqs: (number | null)[];
    let sideErrors: (Error | undefined)[];
    try {
      ({ seqs, sideErrors } = await this.commit(
        batch,
        writes.map((w) => w.run),
      ));
    } catch (cause) {
      const err = writeError(`could not commit ${batch.length} update(s)`, cause);
      for (const p of batch) p.reject(err);
      for (const w of writes) w.reject(writeError(w.what, cause));
      return;
    }
    writes.forEach((w, i) => {
      const cause = sideErrors[i];
      if (cause) w.reject(writeError(w.what, cause));
      else w.resolve();
    });
    batch.forEach((p, i) => {
      const seq = seqs[i];
      if (seq === null || seq === undefined) p.reject(new StoreWriteError(`no review ${p.reviewId}: update refused`));
      else p.resolve(seq);
    });
  }
}

/** How many appends a batch holds per review, reviews in sorted order (the order adapters lock them in). */
export function countByReview(batch: readonly PendingAppend[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of batch) counts.set(p.reviewId, (counts.get(p.reviewId) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Each append's seq in batch order, given every review's last seq after its appends were
 * reserved (`reserved` has no entry for an unknown review: its appends get null).
 */
export function assignSeqs(batch: readonly PendingAppend[], reserved: ReadonlyMap<string, number>): (number | null)[] {
  const counts = countByReview(batch);
  const next = new Map<string, number>();
  return batch.map(({ reviewId }) => {
    const last = reserved.get(reviewId);
    if (last === undefined) return null;
    const seq = next.get(reviewId) ?? last - counts.get(reviewId)! + 1;
    next.set(reviewId, seq + 1);
    return seq;
  });
}
