// A connection's first moments in a room: its first sync and its greeting.
// While the room loads, a sync step 1 is answered from what is stored (see
// roomLoad.ts and encodedState.ts) and every other message waits on its
// connection, in order. The document is built once those answers are out and
// the joiners had time to apply them, or as soon as something needs it (a
// change, a read for someone else); once it is built, each connection is
// greeted (a writer gets the server's sync step 1, everyone the presence) and
// what it sent meanwhile is handled. A read-only connection is never asked for
// its state: no sync step 1 is sent to it.
import type * as Y from 'yjs';
import { CloseCode, MessageType, can } from '@hindsight/protocol';
import { isSyncStep1, syncStep1Message } from './broadcaster.ts';
import type { Connection } from './connection.ts';
import type { EncodedState } from './encodedState.ts';
import { isPresenceMessage, receiveMessage, type MessageHandlers } from './receiver.ts';
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

/**
 * How long a loading room waits, after answering first syncs from what is stored (the largest answer
 * `bytes` long), before it builds the document: about the time a joiner takes to apply such an answer
 * (1.4 MB: 70-100 ms in Node on the bench machine, 2-3× that in a browser), at most a second. The build
 * is one long synchronous step of about the same work, so where the joiner shares the server's machine
 * (the embedded default on someone's laptop, `pnpm bench`) the two at once slowed the joiner's first sync
 * (`pnpm bench --workloads=coldstart`, 5,000 entries: the first sync from a checkpoint took 1.92× a join
 * while loaded; with the build after the apply, 1.14×). Anything that needs the document sooner builds it
 * at once (see `wake`); presence messages wait for it and do not hurry it.
 */
export function buildDeferMs(bytes: number): number {
  return Math.min(1_000, Math.round((bytes / 1_000_000) * 150));
}

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
  /** How long to wait after answers of `bytes` before building (see `buildDeferMs`). */
  buildDeferMs(bytes: number): number;
}

export class FirstSync {
  /** While loading: wakes when the first message arrives (a first sync to answer from what is stored). */
  private readonly firstMessage = new Wakeup();
  /** Connections answered from the stored state whose answer may still be on its way out. */
  private readonly answeredWhileLoading = new Set<Connection>();
  /** The largest answer sent from the stored state, in bytes. */
  private largestAnswer = 0;
  /** Something needs the document: build it now. */
  private needed = false;
  private readonly neededWake = new Wakeup();

  constructor(private readonly deps: FirstSyncDeps) {}

  /** A message while the room loads: a first sync is answered from what is stored once read; the rest waits. */
  receiveWhileLoading(conn: Connection, message: Uint8Array): void {
    this.firstMessage.wake();
    if (this.deps.encoded.answersWhileLoading && isSyncStep1(message)) {
      receiveMessage(conn, message, this.deps.handlers);
      return;
    }
    // A change (anything but a request for the state or presence) is judged on the document: build it now.
    if (!isSyncStep1(message) && !isPresenceMessage(message)) this.wake();
    if (message[0] === MessageType.awareness) {
      // Presence is state, each message the sender's whole: only its newest waits, so a long wait does not
      // release a burst that the presence rate limit would close the connection for.
      const older = conn.early.findIndex((m) => m[0] === MessageType.awareness);
      if (older >= 0) conn.early.splice(older, 1);
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

  /**
   * Resolves when the room should build its document: at once if nothing was answered from the stored
   * state or something needs the document, else once the joiners had time to apply their answers.
   */
  async untilBuildNeeded(): Promise<void> {
    const wait = this.largestAnswer > 0 ? this.deps.buildDeferMs(this.largestAnswer) : 0;
    this.largestAnswer = 0;
    if (this.needed || wait < 1) return;
    await this.neededWake.wait(wait);
  }

  /** Someone needs the document now, or the room is going: stop waiting for a first message or joiners. */
  wake(): void {
    this.needed = true;
    this.firstMessage.wake();
    this.neededWake.wake();
  }

  /**
   * Sends a writer the server's sync step 1 (so it sends what the server lacks) and
   * everyone's presence, then handles what the connection sent while loading.
   */
  greet(conn: Connection): void {
    if (can(conn.identity.role, 'doc.write')) {
      this.deps.send(conn, syncStep1Message(this.deps.doc()));
      conn.awaitingAnswer = true;
    }
    const presence = this.deps.presence();
    if (presence) this.deps.send(conn, presence);
    for (const message of conn.early.splice(0)) {
      if (conn.closed) break;
      receiveMessage(conn, message, this.deps.handlers);
    }
  }

  /** Answers a sync step 1: from the stored state while loading, else from the encoded live state. */
  answer(conn: Connection, stateVector: Uint8Array): void {
    const fromStored = this.deps.encoded.answersWhileLoading;
    if (fromStored) {
      this.answeredWhileLoading.add(conn);
      this.deps.log.debug({ reviewId: this.deps.reviewId, conn: conn.id }, 'first sync answered from the stored state');
    }
    let bytes = 0;
    for (const message of this.deps.encoded.messages(stateVector)) {
      this.deps.send(conn, message);
      bytes += message.length;
    }
    if (fromStored) this.largestAnswer = Math.max(this.largestAnswer, bytes);
  }
}
