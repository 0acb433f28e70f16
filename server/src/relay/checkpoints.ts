// When a room checkpoints: after a quiet moment, or once enough updates
// arrived (but a busy review at most once per interval, since each checkpoint
// encodes the whole document). Also keeps the room's size estimate, which the
// size limit is checked against.
import * as Y from 'yjs';
import type { DocumentLog } from '../storage/store.ts';
import type { RelayLimits, RelayLogger } from './types.ts';

export interface CheckpointDeps {
  reviewId: string;
  /** The room's document (replaced when it is rebuilt). */
  doc(): Y.Doc;
  /**
   * Runs `read` when the document holds exactly what is committed (nothing in flight: see gate.ts) and
   * resolves with what it returned; at once when it does already.
   */
  atRest<T>(read: () => T): Promise<T>;
  store: Pick<DocumentLog, 'compact'>;
  limits: RelayLimits;
  log: RelayLogger;
  /** The highest seq the live document holds with every seq below it. */
  coveredSeq(): number;
  /** Whether the live document holds nothing past `coveredSeq()` (no update from another server out of order). */
  exact(): boolean;
  /**
   * Keep an exact checkpoint as a history snapshot too, unless one is within this many seqs before it
   * (see DocumentLog.compact); absent: checkpoints are not snapshots.
   */
  snapshotGap?: number;
  ready(): boolean;
  /** After each checkpoint (must be quick). */
  onCheckpoint(uptoSeq: number): void;
  /**
   * The whole live document was just encoded for a checkpoint, in this same
   * synchronous step (so exactly its content): first syncs can be answered from
   * it without encoding it again.
   */
  encoded?(state: Uint8Array): void;
  /**
   * Called in the same synchronous step as the encoding, when the document is exactly as of `uptoSeq`:
   * for a small write of what is read from it (the first screen). With SQLite that write shares the
   * checkpoint's commit; with Postgres it is its own. A throw is logged; the checkpoint goes on.
   */
  onExactCheckpoint?(uptoSeq: number): void;
}

export class Checkpoints {
  private sinceLast = 0;
  private approxBytes = 0;
  private lastAt = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Whether `timer` waits for a quiet moment (else for the minimum interval). */
  private debouncing = false;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: CheckpointDeps) {}

  /** Bytes of the stored state plus every update accepted since: what the size limit is checked against. */
  get bytes(): number {
    return this.approxBytes;
  }

  /** The room loaded: `tail` updates after the last checkpoint, `bytes` in all; `now` checkpoints at once. */
  loaded(tail: number, bytes: number, now = false): void {
    this.sinceLast = Math.max(tail, now ? 1 : 0);
    this.approxBytes = bytes;
    if (now || tail >= this.deps.limits.compactEveryUpdates) void this.compact();
  }

  /** An update of `bytes` was accepted (negative: an accepted one was dropped). */
  accepted(bytes: number): void {
    this.approxBytes += bytes;
  }

  /** An update reached the live document. */
  applied(): void {
    this.sinceLast++;
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    const { compactEveryUpdates, compactMinIntervalMs, compactDebounceMs } = this.deps.limits;
    if (this.sinceLast >= compactEveryUpdates) {
      const wait = this.lastAt + compactMinIntervalMs - Date.now();
      if (wait <= 0) {
        void this.compact();
        return;
      }
      if (!this.timer) {
        this.timer = setTimeout(() => void this.compact(), wait);
        this.timer.unref();
        this.debouncing = false;
      }
      return;
    }
    // Every applied update pushes the quiet moment back: restart the same timer, not a new one each time.
    if (this.timer && this.debouncing) {
      this.timer.refresh();
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.compact(), compactDebounceMs);
    this.timer.unref();
    this.debouncing = true;
  }

  /** Stores the merged state so the next load reads one row plus a short tail. */
  compact(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.running) return this.running;
    if (!this.due()) return Promise.resolve();
    // Encoded at rest: a checkpoint holds exactly the updates up to the seq it claims, nothing in flight.
    this.running = this.deps
      .atRest(() => (this.due() ? this.encodeAndStore() : undefined))
      .then(
        () => undefined,
        // The room closed or failed before it came to rest: the log still has everything.
        (err: unknown) => this.deps.log.debug({ reviewId: this.deps.reviewId, err }, 'checkpoint not taken'),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private due(): boolean {
    return !this.stopped && this.deps.ready() && this.sinceLast > 0;
  }

  private encodeAndStore(): Promise<void> {
    this.lastAt = Date.now();
    const state = Y.encodeStateAsUpdate(this.deps.doc());
    this.deps.encoded?.(state);
    const upto = this.deps.coveredSeq();
    // Exactly the document as of `upto`: a seek in the edit history can start from it at once, without
    // waiting for the snapshot builder to replay the log (the encoding is paid for already).
    const exact = this.deps.exact();
    const asSnapshot = this.deps.snapshotGap !== undefined && exact ? { minGap: this.deps.snapshotGap } : undefined;
    const covered = this.sinceLast;
    const bytesAtSnapshot = this.approxBytes;
    const { reviewId, log } = this.deps;
    const stored = this.deps.store.compact(reviewId, state, upto, asSnapshot);
    try {
      if (exact) this.deps.onExactCheckpoint?.(upto);
    } catch (err) {
      log.error({ reviewId, err }, 'reading the document at a checkpoint failed');
    }
    return stored.then(
      () => {
        this.sinceLast -= covered;
        this.approxBytes = state.length + (this.approxBytes - bytesAtSnapshot);
        log.debug({ reviewId, upto, bytes: state.length }, 'checkpoint stored');
        if (this.stopped) return;
        try {
          this.deps.onCheckpoint(upto);
        } catch (err) {
          log.error({ reviewId, err }, 'checkpoint hook failed');
        }
      },
      (err: unknown) => log.error({ reviewId, err }, 'checkpoint failed; the log still has everything'),
    );
  }

  /** Waits for a running checkpoint, then takes one if anything is new. */
  async flush(): Promise<void> {
    if (this.running) await this.running;
    await this.compact();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
