// The room's side of the durable log: appends in order, applies what was
// committed strictly in append order, and tracks which seqs the live document
// holds so a checkpoint never claims more than it has. In multi-server mode it
// also fetches from the store what the bus did not deliver.
import type { DocumentLog, WriterRole } from '../storage/store.ts';
import type { RelayLogger, RelayMetrics } from './types.ts';

export interface RoomLogDeps {
  reviewId: string;
  store: Pick<DocumentLog, 'append' | 'readLog'>;
  metrics: RelayMetrics;
  log: RelayLogger;
  /** An update another server committed that this one has not applied yet. */
  onMissing(seq: number, update: Uint8Array): void;
}

export interface Writer {
  role: WriterRole;
  linkId: string | null;
}

export class RoomLog {
  /** Chain of pending commits, applied strictly in order. */
  private tail: Promise<void> = Promise.resolve();
  /** Every update with a seq up to this one is in the live document: what a checkpoint may claim. */
  contiguousSeq = 0;
  /** Seqs applied above `contiguousSeq` (from other servers, out of order). */
  private readonly aheadSeqs = new Set<number>();

  /** Whether the live document holds exactly the updates up to `contiguousSeq` (none applied ahead of it). */
  get exact(): boolean {
    return this.aheadSeqs.size === 0;
  }
  private catchUpTimer: NodeJS.Timeout | null = null;
  private catchingUp: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: RoomLogDeps) {}

  /**
   * Appends `update` and, once it and every earlier append are committed, calls
   * `apply` with its seq. Rejects (after `apply` was skipped) if the store refused it:
   * then nobody has seen it.
   */
  commit(update: Uint8Array, writer: Writer, apply: (seq: number) => void): Promise<void> {
    const started = performance.now();
    const committed = this.deps.store.append(this.deps.reviewId, {
      update,
      receivedAt: Date.now(),
      role: writer.role,
      linkId: writer.linkId,
    });
    // Handled through `applied` below, but only once the commits before it are applied: a refusal that
    // comes sooner must not count as unhandled meanwhile (Node would end the process).
    committed.catch(() => undefined);
    const applied = this.tail.then(() =>
      committed.then((seq) => {
        this.deps.metrics.appendSeconds((performance.now() - started) / 1000);
        if (!this.stopped) apply(seq);
      }),
    );
    this.tail = applied.catch(() => undefined);
    return applied;
  }

  /** Resolves once every commit started so far has been applied (or refused). */
  async settled(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
  }

  /** The document was rebuilt from the store, which held every seq up to `seq`: it holds exactly those. */
  rebuiltAt(seq: number): void {
    this.contiguousSeq = seq;
    this.aheadSeqs.clear();
  }

  /** Records that `seq` is in the document; false if it already was. Schedules a catch-up when a gap opens. */
  noteSeq(seq: number): boolean {
    if (seq <= this.contiguousSeq || this.aheadSeqs.has(seq)) return false;
    this.aheadSeqs.add(seq);
    while (this.aheadSeqs.delete(this.contiguousSeq + 1)) this.contiguousSeq++;
    if (this.aheadSeqs.size > 0 && !this.catchUpTimer && !this.stopped) {
      // Give the bus a moment to deliver the missing seqs before asking the store.
      this.catchUpTimer = setTimeout(() => {
        this.catchUpTimer = null;
        void this.catchUp();
      }, 250);
      this.catchUpTimer.unref();
    }
    return true;
  }

  /** Reads from the store every update after `contiguousSeq` and hands it to `onMissing`. */
  catchUp(): Promise<void> {
    if (this.catchingUp) return this.catchingUp;
    if (this.stopped) return Promise.resolve();
    this.catchingUp = (async () => {
      for (;;) {
        const rows = await this.deps.store.readLog(this.deps.reviewId, this.contiguousSeq, 500);
        if (this.stopped) return;
        for (const row of rows) this.deps.onMissing(row.seq, row.update);
        if (rows.length < 500) return;
      }
    })()
      .catch((err: unknown) =>
        this.deps.log.warn({ reviewId: this.deps.reviewId, err }, 'catch-up from the store failed; will retry'),
      )
      .finally(() => {
        this.catchingUp = null;
      });
    return this.catchingUp;
  }

  stop(): void {
    this.stopped = true;
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
  }
}
