// Fan-out with back-pressure. Every message the room sends goes through
// `send`, the one guarded path: a connection whose unsent bytes pass
// `maxBufferedBytes` is cut off as a slow consumer, whatever the message (relayed
// updates, sync answers, presence). Updates applied in one turn go out as one
// merged frame per client, never echoed to the client that sent them.
import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@hindsight/protocol';
import type { Connection } from './connection.ts';
import { mergeMany } from './mergeMany.ts';
import type { RelayMetrics } from './types.ts';

export interface BroadcasterDeps {
  maxBufferedBytes: number;
  metrics: RelayMetrics;
  connections(): Iterable<Connection>;
  /** Called once for a connection that fell too far behind; it is closed by then. */
  onSlow(conn: Connection): void;
}

/**
 * A sync message of `kind` carrying `update`, built in one allocation and one copy:
 * lib0's encoder copies a megabyte payload into growing chunks and then again into
 * its result, which took 8–30 ms per late joiner for a 2.8 MB review.
 */
function syncMessage(kind: number, update: Uint8Array): Uint8Array {
  let lengthBytes = 1;
  for (let n = update.length; n > 0x7f; n = Math.floor(n / 0x80)) lengthBytes++;
  const message = new Uint8Array(2 + lengthBytes + update.length);
  message[0] = MessageType.sync;
  message[1] = kind;
  let at = 2;
  // lib0's var uint: 7 bits a byte, low bits first, the high bit set on every byte but the last.
  for (let n = update.length; ; n = Math.floor(n / 0x80)) {
    if (n <= 0x7f) {
      message[at++] = n;
      break;
    }
    message[at++] = 0x80 | (n & 0x7f);
  }
  message.set(update, at);
  return message;
}

/** A y-websocket sync update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage(syncProtocol.messageYjsUpdate, update);
}

/** A y-websocket sync step 2 message carrying `update`. */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  return syncMessage(syncProtocol.messageYjsSyncStep2, update);
}

/** A y-websocket sync step 1 message: `doc`'s state vector, asking the peer for what it lacks. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Whether `message` is a sync step 1 (a request for the state), without decoding it further. */
export function isSyncStep1(message: Uint8Array): boolean {
  return message[0] === MessageType.sync && message[1] === syncProtocol.messageYjsSyncStep1;
}

/** One update message carrying `updates` merged (one of them as it is). */
function mergedMessage(updates: Uint8Array[]): Uint8Array {
  return updateMessage(updates.length === 1 ? updates[0]! : mergeMany(updates));
}

export class Broadcaster {
  /** Applied updates waiting for this turn's flush. */
  private queue: { update: Uint8Array; origin: Connection | null }[] = [];
  private scheduled = false;
  private stopped = false;

  constructor(private readonly deps: BroadcasterDeps) {}

  /** Sends one message to one connection, cutting it off if its send buffer is over the limit. */
  send(conn: Connection, message: Uint8Array): void {
    if (conn.closed) return;
    conn.send(message);
    if (conn.transport.bufferedAmount > this.deps.maxBufferedBytes) this.deps.onSlow(conn);
  }

  /**
   * Queues an applied update for every client but `origin`. The queue is sent once the
   * current microtasks ran: the store commits a tick's updates together, so under load
   * one frame per client carries many, and no event-loop turn is waited for.
   */
  relay(update: Uint8Array, origin: Connection | null): void {
    this.queue.push({ update, origin });
    if (!this.scheduled) {
      this.scheduled = true;
      process.nextTick(this.flush);
    }
  }

  /**
   * To a client that sent none of the queued updates, one merged update (merged and
   * framed once for all); to a client that sent some, each of the others in its own
   * frame (framed once, shared). Merging changes no content: Yjs applies a merged update
   * exactly as the updates it was made of. A merge per sender instead cost more than
   * everything else in `pnpm bench --workloads=fanout` once a commit carried several
   * senders' updates (Y.mergeUpdates of five small updates: ~0.4 ms).
   */
  private readonly flush = (): void => {
    this.scheduled = false;
    const queued = this.queue;
    this.queue = [];
    if (queued.length === 0 || this.stopped) return;
    const origins = new Set<Connection | null>(queued.map((q) => q.origin));
    let forAll: Uint8Array | null = null;
    let frames: Uint8Array[] | null = null;
    let relayed = 0;
    for (const conn of this.deps.connections()) {
      if (!origins.has(conn)) {
        forAll ??= mergedMessage(queued.map((q) => q.update));
        this.send(conn, forAll);
        relayed += queued.length;
        continue;
      }
      frames ??= queued.map((q) => updateMessage(q.update));
      queued.forEach((q, i) => {
        if (q.origin === conn) return;
        this.send(conn, frames![i]!);
        relayed++;
      });
    }
    this.deps.metrics.updatesRelayed(queued.length, relayed);
  };

  stop(): void {
    this.stopped = true;
    this.queue = [];
  }
}
