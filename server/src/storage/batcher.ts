// The append batcher both adapters share: appends made in one tick go out in one
// commit (one fsync, one transaction), one commit at a time, and each caller's
// promise settles only after that commit, with its seq or the reason it failed.
import { type AppendInput, StoreWriteError, writeError } from './store.ts';

export interface PendingAppend {
  reviewId: string;
  input: AppendInput;
}

/**
 * Commits a batch atomically and returns each append's seq in batch order, or null
 * for an append whose review does not exist (refused; the others still commit).
 */
export type CommitBatch = (batch: readonly PendingAppend[]) => Promise<(number | null)[]> | (number | null)[];

interface Waiting extends PendingAppend {
  resolve: (seq: number) => void;
  reject: (err: Error) => void;
}

export class AppendBatcher {
  private queue: Waiting[] = [];
  private scheduled = false;
  private inFlight: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly commit: CommitBatch) {}

  append(reviewId: string, input: AppendInput): Promise<number> {
    if (this.closed) return Promise.reject(new StoreWriteError('store is closed'));
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ reviewId, input, resolve, reject });
      this.schedule();
    });
  }

  /** Refuses new appends and resolves once everything queued before has settled. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight || this.queue.length > 0) await (this.inFlight ?? this.flush());
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  // One commit in flight at a time: appends arriving meanwhile wait in the queue and
  // go out together when it settles, so load never fans out into many parallel
  // transactions and the order across commits is the order of arrival.
  private flush(): Promise<void> {
    this.scheduled = false;
    if (this.inFlight) return this.inFlight;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return Promise.resolve();
    this.inFlight = this.settle(batch).finally(() => {
      this.inFlight = null;
      if (this.queue.length > 0) this.schedule();
    });
    return this.inFlight;
  }

  private async settle(batch: Waiting[]): Promise<void> {
    let seqs: (number | null)[];
    try {
      seqs = await this.commit(batch);
    } catch (cause) {
      const err = writeError(`could not commit ${batch.length} update(s)`, cause);
      for (const p of batch) p.reject(err);
      return;
    }
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
