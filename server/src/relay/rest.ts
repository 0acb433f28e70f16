// Reads at rest and the messages held meanwhile. The room's document is ahead of the store by the updates
// accepted but not yet committed, and holds a refused change until it is rebuilt (room.ts). A read for
// anyone else (a first sync encoded afresh, the first screen, an export, a checkpoint) runs only once the
// document is at rest; until then the document messages that come in are held, in order, so a busy room
// comes to rest within one commit. Presence messages never touch the document and are never held.
import { CloseCode } from '@hindsight/protocol';
import type { Connection } from './connection.ts';
import { isPresenceMessage } from './receiver.ts';

/**
 * A connection with this many messages held stops being read (TCP pushes back on its sender) until they
 * are let in: a client sending a burst (an import, a paste, a replay) is slowed, never cut off. What was
 * read already still comes, so the cap on held messages is for a transport that cannot pause.
 */
const HOLD_BEFORE_PAUSE = 64;

export interface RestDeps {
  reviewId: string;
  /** Whether the document holds exactly what is committed. */
  atRest(): boolean;
  /** Whether the room still takes messages and reads (false once it failed or closed). */
  open(): boolean;
  /** Handles a message that was let in. */
  handle(conn: Connection, message: Uint8Array): void;
  reject(conn: Connection, code: CloseCode, why: string): void;
  /** How many messages one connection that cannot pause may have held. */
  maxHeldPerConnection: number;
}

export class Rest {
  /** Messages that came in while the document was not at rest, in order; null while none are held. */
  private held: [Connection, Uint8Array][] | null = null;
  /** How many of `held` each connection sent. */
  private readonly heldBy = new Map<Connection, number>();
  /** Connections not read from while messages are held (see HOLD_BEFORE_PAUSE). */
  private readonly paused = new Set<Connection>();
  private release: NodeJS.Immediate | null = null;
  /** Reads waiting for rest (`cancel`: the room failed or closed first). */
  private waiting: { run: () => void; cancel: () => void }[] = [];

  constructor(private readonly deps: RestDeps) {}

  /** Holds `message` when messages are held (true), else leaves it to the caller (false). */
  offer(conn: Connection, message: Uint8Array): boolean {
    if (!this.held || isPresenceMessage(message)) return false;
    const count = this.heldBy.get(conn) ?? 0;
    if (count === HOLD_BEFORE_PAUSE && conn.transport.pause) {
      conn.transport.pause();
      this.paused.add(conn);
    }
    // A transport that cannot pause is bounded per connection like a load's early messages: a flood closes
    // the flooder, not whoever types next.
    if (!this.paused.has(conn) && count >= this.deps.maxHeldPerConnection) {
      this.deps.reject(conn, CloseCode.RateLimited, 'too many messages while the review is rebuilt');
      return true;
    }
    this.heldBy.set(conn, count + 1);
    this.held.push([conn, message]);
    return true;
  }

  /** Holds the messages that come in from now until the document comes to rest (`settled`). */
  hold(): void {
    this.held ??= [];
  }

  /**
   * Runs `read` once the document is at rest, at once when it is, and resolves with its result;
   * messages are held meanwhile.
   */
  read<T>(read: () => T): Promise<T> {
    if (this.deps.atRest()) {
      try {
        return Promise.resolve(read());
      } catch (err) {
        return Promise.reject(err as Error);
      }
    }
    this.hold();
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        run: () => {
          try {
            resolve(read());
          } catch (err) {
            reject(err as Error);
          }
        },
        cancel: () => reject(new Error(`review ${this.deps.reviewId} is not available`)),
      });
    });
  }

  /** The document may have come to rest (or the room closed): runs the reads that waited, then lets the held messages in. */
  settled(): void {
    const open = this.deps.open();
    if (open && !this.deps.atRest()) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) {
      if (open) w.run();
      else w.cancel();
    }
    // In a later turn: a read's continuation (a checkpoint's write, say) goes first.
    if (open && this.held && !this.release) this.release = setImmediate(() => this.letIn());
  }

  private letIn(): void {
    this.release = null;
    const held = this.held;
    if (!held || !this.deps.atRest()) return;
    this.held = null;
    this.heldBy.clear();
    for (let i = 0; i < held.length; i++) {
      if (!this.deps.open()) return;
      if (this.held) {
        // Held again (a read waits for rest, or a rebuild began): the rest stay ahead of anything newer.
        const rest = held.slice(i);
        (this.held as [Connection, Uint8Array][]).unshift(...rest);
        for (const [conn] of rest) this.heldBy.set(conn, (this.heldBy.get(conn) ?? 0) + 1);
        return;
      }
      const [conn, message] = held[i]!;
      if (!conn.closed) this.deps.handle(conn, message);
    }
    for (const conn of this.paused) if (!conn.closed) conn.transport.resume?.();
    this.paused.clear();
  }

  /** The room closed: nothing more is let in, and the reads still waiting fail. */
  stop(): void {
    if (this.release) clearImmediate(this.release);
    this.release = null;
    this.held = null;
    this.heldBy.clear();
    this.paused.clear();
    this.settled();
  }
}
