// A connection's first moments in a room: its first sync and its greeting.
// While the room loads, a sync step 1 is answered from what is stored (see
// roomLoad.ts and encodedState.ts) and every other message waits on its
// connection, in order; once the document is built, each connection is
// greeted (a writer gets the server's sync step 1, everyone the presence) and
// what it sent meanwhile is handled. A read-only connection is never asked for
// its state: no sync step 1 is sent to it.
import type * as Y from 'yjs';
import { CloseCode, can } from '@hindsight/protocol';
import { isSyncStep1, syncStep1Message } from './broadcaster.ts';
import type { Connection } from './connection.ts';
import type { EncodedState } from './encodedState.ts';
import { receiveMessage, type MessageHandlers } from './receiver.ts';
import { Wakeup, nextTurn } from './roomLoad.ts';
import type { RelayLogger } from './types.ts';

/** How long a loading room waits for its first joiner's first message before it builds the document anyway. */
const FIRST_MESSAGE_WAIT_MS = 200;
/**
 * How long a loading room waits for its answers from the stored state to reach the network before it
 * builds the document. A first sync of a big review is megabytes: the kernel takes a few hundred
 * kilobytes at once and the rest is written as the event loop turns, which the build (one long
 * synchronous step) would hold up. A reader slower than this does not delay the build further.
 */
const ANSWER_WRITE_WAIT_MS = 1_000;
const WRITE_POLL_MS = 2;

export interface FirstSyncDeps {
  reviewId: string;
  /** The room's document (replaced when it is rebuilt). */
  doc(): Y.Doc;
  encoded: EncodedState;
  log: RelayLogger;
  maxMessagesWhileLoading: number;
  /** The one guarded send path (the broadcaster's). */
  send(conn: Connection, message: Uint8Array): void;
  /** Everyone's presence as one message, or null when nobody is present. */
  presence(): Uint8Array | null;
  handlers: MessageHandlers;
}

export class FirstSync {
  /** While loading: wakes when the first message arrives (a first sync to answer from what is stored). */
  private readonly firstMessage = new Wakeup();
  /** Connections answered from the stored state whose answer may still be on its way out. */
  private readonly answeredWhileLoading = new Set<Connection>();

  constructor(private readonly deps: FirstSyncDeps) {}

  /** A message while the room loads: a first sync is answered from what is stored once read; the rest waits. */
  receiveWhileLoading(conn: Connection, message: Uint8Array): void {
    this.firstMessage.wake();
    if (this.deps.encoded.answersWhileLoading && isSyncStep1(message)) {
      receiveMessage(conn, message, this.deps.handlers);
      return;
    }
    if (conn.early.length >= this.deps.maxMessagesWhileLoading) {
      this.deps.handlers.reject(conn, CloseCode.RateLimited, 'too many messages while loading');
      return;
    }
    conn.early.push(message);
  }

  /**
   * The stored state was read: waits briefly for the first joiner's first
   * message (it asks for the state first thing), answers the sync requests
   * that waited, and lets those answers go out before the document is built
   * (one long synchronous step).
   */
  async answerStored(conns: ReadonlySet<Connection>): Promise<void> {
    // A long stored tail is not answered from (see encodedState.ts): the requests wait for the build.
    if (!this.deps.encoded.answersWhileLoading) return;
    if (conns.size > 0 && ![...conns].some((c) => c.early.length > 0)) {
      await this.firstMessage.wait(FIRST_MESSAGE_WAIT_MS);
    }
    let answered = false;
    for (const conn of conns) {
      const requests = conn.early.filter(isSyncStep1);
      if (requests.length === 0) continue;
      const rest = conn.early.filter((m) => !isSyncStep1(m));
      conn.early.splice(0, conn.early.length, ...rest);
      for (const message of requests) if (!conn.closed) receiveMessage(conn, message, this.deps.handlers);
      answered = true;
    }
    if (answered) await nextTurn();
  }

  /**
   * Resolves once every answer sent from the stored state has been written to the network
   * (or `ANSWER_WRITE_WAIT_MS` passed), so that the build that follows does not hold it up.
   */
  async answersWritten(): Promise<void> {
    const deadline = performance.now() + ANSWER_WRITE_WAIT_MS;
    const pending = (): boolean =>
      [...this.answeredWhileLoading].some((c) => !c.closed && c.transport.bufferedAmount > 0);
    while (pending() && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, WRITE_POLL_MS));
    }
    this.answeredWhileLoading.clear();
  }

  /** Stops waiting for a first message (someone needs the document now, or the room is going). */
  wake(): void {
    this.firstMessage.wake();
  }

  /**
   * Sends a writer the server's sync step 1 (so it sends what the server lacks) and
   * everyone's presence, then handles what the connection sent while loading.
   */
  greet(conn: Connection): void {
    if (can(conn.identity.role, 'doc.write')) this.deps.send(conn, syncStep1Message(this.deps.doc()));
    const presence = this.deps.presence();
    if (presence) this.deps.send(conn, presence);
    for (const message of conn.early.splice(0)) {
      if (conn.closed) break;
      receiveMessage(conn, message, this.deps.handlers);
    }
  }

  /** Answers a sync step 1: from the stored state while loading, else from the encoded live state. */
  answer(conn: Connection, stateVector: Uint8Array): void {
    if (this.deps.encoded.answersWhileLoading) {
      this.answeredWhileLoading.add(conn);
      this.deps.log.debug({ reviewId: this.deps.reviewId, conn: conn.id }, 'first sync answered from the stored state');
    }
    for (const message of this.deps.encoded.messages(stateVector)) this.deps.send(conn, message);
  }
}
