// Multi-server mode: what other servers sharing the store committed, delivered
// by the bus and caught up from the store when the bus missed some. Updates
// that arrive while the room loads wait until its document is built.
import type { RelayLogger, RoomBus } from './types.ts';

export interface RemoteFeedDeps {
  reviewId: string;
  /** Absent on a single server: then the feed does nothing. */
  bus?: RoomBus;
  /** How often to check the store for updates the bus missed. */
  catchUpIntervalMs?: number;
  log: RelayLogger;
  /** Reads from the store what the live document lacks and hands it to `receive`. */
  catchUp(): Promise<void>;
  /** Applies an update another server committed (the room is ready). */
  apply(seq: number, update: Uint8Array): void;
  /** An update arrived while the room loads: it waits for the document, which should be built now. */
  waiting(): void;
  /** An awareness update from another server's clients; may throw on one that does not decode. */
  awareness(update: Uint8Array): void;
}

export class RemoteFeed {
  /** Updates that arrived while the room loaded; null once it is ready. */
  private early: { seq: number; update: Uint8Array }[] | null = [];
  private unsubscribe: (() => void) | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  /** Subscribes at once: whatever another server commits after the room's load reads the store reaches it. */
  constructor(private readonly deps: RemoteFeedDeps) {
    if (!deps.bus) return;
    this.unsubscribe = deps.bus.subscribe(deps.reviewId, {
      update: (seq, update) => this.receive(seq, update),
      awareness: (update) => {
        if (this.stopped) return;
        try {
          deps.awareness(update);
        } catch (err) {
          deps.log.warn({ reviewId: deps.reviewId, err }, 'undecodable awareness from another server');
        }
      },
      reset: () => void deps.catchUp(),
    });
  }

  /** An update another server committed, from the bus or caught up from the store. */
  receive(seq: number, update: Uint8Array): void {
    if (this.stopped) return;
    if (this.early) {
      this.early.push({ seq, update });
      this.deps.waiting();
    } else this.deps.apply(seq, update);
  }

  /** The room is ready: applies what waited and starts checking the store now and then. */
  ready(): void {
    const early = this.early ?? [];
    this.early = null;
    for (const { seq, update } of early) this.deps.apply(seq, update);
    const every = this.deps.catchUpIntervalMs;
    if (!this.deps.bus || !every || this.stopped) return;
    this.pollTimer = setInterval(() => void this.deps.catchUp(), every);
    this.pollTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    this.early = null;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.unsubscribe?.();
  }
}
