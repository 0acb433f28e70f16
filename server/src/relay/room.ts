// A room: one review's live document and its connections. The room only
// coordinates; each step of the write path is its own module:
//
//   decode (here) → gate (rights, effect, schema, limits) → log (append, in
//   order, durable) → apply to the live document (here) → broadcaster (fan-out
//   with back-pressure); presence and checkpoints beside them, loading in
//   roomLoad.ts and the first-sync encoding in encodedState.ts.
//
// Why this order: nothing is stored that does not apply or that its writer may
// not make, and every byte a client receives from the relay (relayed updates
// and sync step 2 answers alike) is already on disk. A first sync while the
// room loads is answered from what is stored (merged encoded updates, no
// document built); the document is built right after, and every other message
// that arrives meanwhile (writes above all) waits on its connection, in order,
// until the gate can judge it. A read-only connection is never asked for its
// state (no sync step 1 is sent to it) and any change it sends closes it by its
// length alone: the server decodes nothing it writes.
import * as Y from 'yjs';
import { CloseCode, can } from '@hindsight/protocol';
import type { DocumentLog } from '../storage/store.ts';
import { Broadcaster, isSyncStep1, syncStep1Message, syncStep2Message, updateMessage } from './broadcaster.ts';
import { Checkpoints } from './checkpoints.ts';
import type { Connection } from './connection.ts';
import { EncodedState } from './encodedState.ts';
import { WriteGate } from './gate.ts';
import { RoomLog, type Writer } from './log.ts';
import { Presence, REMOTE } from './presence.ts';
import { RemoteFeed } from './remote.ts';
import { receiveMessage, type MessageHandlers } from './receiver.ts';
import { ServerChanges } from './serverChanges.ts';
import { StoredReview, Wakeup, buildDoc, nextTurn, type Prepare } from './roomLoad.ts';
import type { RelayLimits, RelayLogger, RelayMetrics, RoomBus } from './types.ts';

export interface RoomDeps {
  store: DocumentLog;
  limits: RelayLimits;
  metrics: RelayMetrics;
  log: RelayLogger;
  /**
   * Brings a freshly loaded document up to date (e.g. schema migrations). Any
   * change it makes is stored, as the server's own update, before it is applied
   * or relayed anywhere (first syncs answered meanwhile get it relayed).
   */
  prepare?: Prepare;
  /** Other servers sharing the store (multi-server mode); absent on a single server. */
  bus?: RoomBus;
  /** How often a room in multi-server mode checks the store for updates the bus missed. */
  catchUpIntervalMs?: number;
  /**
   * Called after each checkpoint with the live document and the seq it covers
   * (e.g. to refresh the follow-up index). Must be quick, must not keep `doc`.
   */
  onCheckpoint?: (reviewId: string, doc: Y.Doc, uptoSeq: number) => void;
  /** Called when the room has no connections left and has been idle for `idleUnloadMs`. */
  onIdle: (room: Room) => void;
}

type RoomState = 'loading' | 'ready' | 'failed' | 'destroyed';

/** How long a loading room waits for its first joiner's first message before it builds the document anyway. */
const FIRST_MESSAGE_WAIT_MS = 200;

const SYSTEM: Writer = { role: 'system', linkId: null };

export class Room {
  readonly doc = new Y.Doc();
  readonly conns = new Set<Connection>();
  private state: RoomState = 'loading';
  private readonly loaded: Promise<void>;

  private readonly log: RoomLog;
  private readonly broadcaster: Broadcaster;
  private readonly presence: Presence;
  private readonly checkpoints: Checkpoints;
  /** First syncs: from what is stored while loading, then the state encoded once plus what was applied since. */
  private readonly encoded = new EncodedState(() => Y.encodeStateAsUpdate(this.doc));
  private readonly gate = new WriteGate(this.doc, () => this.encoded.live());
  private readonly remote: RemoteFeed;
  /** While loading: wakes when the first message arrives (a first sync to answer from what is stored). */
  private readonly firstMessage = new Wakeup();
  private idleTimer: NodeJS.Timeout | null = null;
  /** Server-side changes, one at a time (each builds on everything accepted before it). */
  private readonly serverChanges: ServerChanges;

  constructor(
    readonly id: string,
    private readonly deps: RoomDeps,
  ) {
    this.broadcaster = new Broadcaster({
      maxBufferedBytes: deps.limits.maxBufferedBytes,
      metrics: deps.metrics,
      connections: () => this.conns,
      onSlow: (conn) => this.reject(conn, CloseCode.SlowConsumer, 'send buffer over limit'),
    });
    this.presence = new Presence(this.doc, {
      reviewId: id,
      maxStateBytes: deps.limits.maxAwarenessStateBytes,
      send: (conn, message) => this.broadcaster.send(conn, message),
      connections: () => this.conns,
      bus: deps.bus,
    });
    this.log = new RoomLog({
      reviewId: id,
      store: deps.store,
      metrics: deps.metrics,
      log: deps.log,
      onMissing: (seq, update) => this.remote.receive(seq, update),
    });
    this.checkpoints = new Checkpoints({
      reviewId: id,
      doc: this.doc,
      store: deps.store,
      limits: deps.limits,
      log: deps.log,
      coveredSeq: () => this.log.contiguousSeq,
      ready: () => this.state === 'ready',
      onCheckpoint: (upto) => {
        deps.bus?.compacted(id);
        deps.onCheckpoint?.(id, this.doc, upto);
      },
    });
    this.serverChanges = new ServerChanges({
      gate: this.gate,
      checkpoints: this.checkpoints,
      maxDocBytes: deps.limits.maxDocBytes,
      ready: async () => {
        await this.loaded;
        if (this.state !== 'ready') throw new Error(`review ${this.id} is not available`);
      },
      commit: (update) => this.commit(update, SYSTEM, null),
      finished: () => this.startIdleTimerIfEmpty(),
    });
    // Subscribed before loading: whatever another server commits after the load's read reaches us.
    this.remote = new RemoteFeed({
      reviewId: id,
      bus: deps.bus,
      catchUpIntervalMs: deps.catchUpIntervalMs,
      log: deps.log,
      catchUp: () => this.log.catchUp(),
      apply: (seq, update) => this.applyRemote(seq, update),
      awareness: (update) => this.presence.receiveRemote(update),
    });
    this.loaded = this.load();
  }

  get ready(): Promise<void> {
    return this.loaded;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    try {
      const stored = await StoredReview.read(this.deps.store, this.id);
      if (this.state === 'destroyed') return;
      this.encoded.loading(stored);
      // Whoever opened the room asks for the state first thing: answer from what is stored, then build.
      if (this.conns.size > 0 && ![...this.conns].some((c) => c.early.length > 0)) {
        await this.firstMessage.wait(FIRST_MESSAGE_WAIT_MS);
      }
      if (this.answerWaitingSyncRequests()) {
        // Let those answers go out before the document is built (one long synchronous step).
        await nextTurn();
      }
      if ((this.state as RoomState) === 'destroyed') return;
      this.log.contiguousSeq = stored.lastSeq;
      const { skipped, prepared } = await buildDoc(this.doc, stored, this.deps);
      // (The room may have been destroyed while the migration was being stored.)
      if ((this.state as RoomState) === 'destroyed') return;
      if (prepared) this.log.noteSeq(prepared.seq);
      // A skipped update is in the stored encoding but not in the document: encode afresh, checkpoint now.
      this.encoded.loaded(skipped === 0);
      this.state = 'ready';
      this.checkpoints.loaded(stored.tailLength, stored.bytes, skipped > 0);
      if (prepared) {
        // Stored already; whoever was answered from the stored state gets it like any update.
        this.encoded.applied(prepared.update);
        this.broadcaster.relay(prepared.update, null);
      }
      this.deps.metrics.roomLoaded();
      this.remote.ready();
      this.deps.log.debug(
        { reviewId: this.id, tail: stored.tailLength, ms: Math.round(performance.now() - started) },
        'room loaded',
      );
      for (const conn of this.conns) this.greet(conn);
    } catch (err) {
      this.state = 'failed';
      this.encoded.drop();
      this.deps.log.error({ reviewId: this.id, err }, 'room failed to load');
      for (const conn of [...this.conns]) conn.close(CloseCode.StorageUnavailable);
      this.deps.onIdle(this);
    }
  }

  /** The stored state was read: answers the sync step 1 requests that waited for it; true if there were any. */
  private answerWaitingSyncRequests(): boolean {
    let answered = false;
    for (const conn of this.conns) {
      const requests = conn.early.filter(isSyncStep1);
      if (requests.length === 0) continue;
      const rest = conn.early.filter((m) => !isSyncStep1(m));
      conn.early.splice(0, conn.early.length, ...rest);
      for (const message of requests) if (!conn.closed) receiveMessage(conn, message, this.handlers);
      answered = true;
    }
    return answered;
  }

  isFailed(): boolean {
    return this.state === 'failed';
  }

  join(conn: Connection): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    this.conns.add(conn);
    if (this.state === 'ready') this.greet(conn);
  }

  /**
   * Sends a writer the server's sync step 1 (so it sends what the server lacks) and
   * everyone's presence, then handles what the connection sent while loading.
   */
  private greet(conn: Connection): void {
    if (can(conn.identity.role, 'doc.write')) this.broadcaster.send(conn, syncStep1Message(this.doc));
    if (this.presence.size > 0) this.broadcaster.send(conn, this.presence.message());
    for (const message of conn.early.splice(0)) {
      if (conn.closed) break;
      receiveMessage(conn, message, this.handlers);
    }
  }

  receive(conn: Connection, message: Uint8Array): void {
    if (conn.closed) return;
    if (!conn.bytes.take(message.length)) {
      this.reject(conn, CloseCode.RateLimited, 'byte rate limit');
      return;
    }
    if (this.state === 'loading') {
      // A first sync is answered from the stored state as soon as it is read.
      this.firstMessage.wake();
      if (this.encoded.answersWhileLoading && isSyncStep1(message)) {
        receiveMessage(conn, message, this.handlers);
        return;
      }
      if (conn.early.length >= this.deps.limits.maxMessagesWhileLoading) {
        this.reject(conn, CloseCode.RateLimited, 'too many messages while loading');
        return;
      }
      conn.early.push(message);
      return;
    }
    if (this.state !== 'ready') return;
    receiveMessage(conn, message, this.handlers);
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.presence.leave(conn);
    this.startIdleTimerIfEmpty();
  }

  private startIdleTimerIfEmpty(): void {
    if (this.conns.size > 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.conns.size === 0) this.deps.onIdle(this);
    }, this.deps.limits.idleUnloadMs);
    this.idleTimer.unref();
  }

  private reject(conn: Connection, code: CloseCode, why: string, detail?: string): void {
    this.deps.metrics.messageRejected(`close_${code}`);
    this.deps.log.warn(
      { reviewId: this.id, conn: conn.id, role: conn.identity.role, code, why, detail },
      'closing connection',
    );
    conn.close(code, detail);
  }

  private readonly handlers: MessageHandlers = {
    reject: (conn, code, why, detail) => this.reject(conn, code, why, detail),
    syncRequest: (conn, stateVector) => this.sendFirstSync(conn, stateVector),
    update: (conn, update) => this.handleUpdate(conn, update),
    awareness: (conn, update, admit) => this.presence.receive(conn, update, admit),
    presenceRequest: (conn) => this.broadcaster.send(conn, this.presence.message()),
  };

  /** Answers a sync step 1: from the stored state while loading, else from the encoded live state. */
  private sendFirstSync(conn: Connection, stateVector: Uint8Array): void {
    if (this.state === 'loading')
      this.deps.log.debug({ reviewId: this.id, conn: conn.id }, 'first sync answered from the stored state');
    const { state, since } = this.encoded.answer(stateVector);
    this.broadcaster.send(conn, syncStep2Message(state));
    if (since) this.broadcaster.send(conn, updateMessage(since));
  }

  private handleUpdate(conn: Connection, update: Uint8Array): void {
    if (!conn.updates.take()) {
      this.reject(conn, CloseCode.RateLimited, 'update rate limit');
      return;
    }
    if (this.checkpoints.bytes + update.length > this.deps.limits.maxDocBytes) {
      this.reject(conn, CloseCode.DocumentTooLarge, 'document size limit');
      return;
    }
    const verdict = this.gate.judge(update, {
      facilitates: can(conn.identity.role, 'review.facilitate'),
      foreignClient: (ids) => this.presence.foreignClient(conn, ids),
    });
    if (!verdict.ok) {
      // Never applied, relayed or stored. The connection is closed too: Yjs numbers each
      // client's changes, so everything this client sends later builds on the refused one
      // and could never be applied; its app must reload the review.
      this.reject(conn, verdict.code, 'refused a change', verdict.detail);
      return;
    }
    if (verdict.noop) return;
    this.checkpoints.accepted(update.length);
    this.commit(update, { role: conn.identity.role as Writer['role'], linkId: conn.identity.linkId }, conn).catch(
      () => undefined,
    );
  }

  /** Stores an accepted update, then applies it and relays it to everyone but `origin`. */
  private commit(update: Uint8Array, writer: Writer, origin: Connection | null): Promise<void> {
    return this.log
      .commit(update, writer, (seq) => this.applyCommitted(origin, update, seq))
      .catch((err: unknown) => {
        this.gate.dropped(update);
        this.checkpoints.accepted(-update.length);
        this.deps.log.error({ reviewId: this.id, conn: origin?.id, err }, 'store refused an update');
        if (origin) this.reject(origin, CloseCode.StorageUnavailable, 'store write failed');
        throw err;
      });
  }

  private applyCommitted(origin: Connection | null, update: Uint8Array, seq: number): void {
    this.gate.applied();
    if (this.state === 'destroyed') return;
    // The gate applied it to an identical copy first: it applies completely.
    Y.applyUpdate(this.doc, update, origin);
    this.encoded.applied(update);
    this.log.noteSeq(seq);
    this.deps.bus?.publishUpdate(this.id, seq, update);
    this.broadcaster.relay(update, origin);
    this.checkpoints.applied();
  }

  /**
   * A change made by the server itself (see serverChanges.ts): stored, then
   * applied and relayed to every client; one at a time per room.
   */
  applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    return this.serverChanges.apply(change);
  }

  /** An update another server committed: apply and relay it unless we have it already. */
  private applyRemote(seq: number, update: Uint8Array): void {
    if (this.state !== 'ready' || !this.log.noteSeq(seq)) return;
    try {
      Y.applyUpdate(this.doc, update, REMOTE);
    } catch (err) {
      this.encoded.drop();
      this.deps.log.error({ reviewId: this.id, seq, err }, 'an update from another server failed to apply');
      return;
    }
    this.encoded.applied(update);
    this.gate.external(update);
    this.checkpoints.accepted(update.length);
    this.broadcaster.relay(update, null);
    this.checkpoints.applied();
  }

  /** The merged document and the seq every stored update up to which it holds, once accepted changes settled. */
  async settledState(): Promise<{ state: Uint8Array; seq: number }> {
    this.firstMessage.wake();
    await this.loaded;
    await this.serverChanges.settled();
    await this.log.settled();
    return { state: Y.encodeStateAsUpdate(this.doc), seq: this.log.contiguousSeq };
  }

  /** Waits for every accepted change to be committed and applied, then checkpoints. */
  async flush(): Promise<void> {
    this.firstMessage.wake();
    await this.loaded;
    await this.serverChanges.settled();
    await this.log.settled();
    await this.checkpoints.flush();
  }

  /** Closes every connection with `code`. */
  closeAll(code: CloseCode): void {
    for (const conn of [...this.conns]) conn.close(code);
  }

  destroy(): void {
    if (this.state === 'destroyed') return;
    const wasReady = this.state === 'ready';
    this.state = 'destroyed';
    this.firstMessage.wake();
    this.checkpoints.stop();
    this.log.stop();
    this.broadcaster.stop();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.remote.stop();
    this.presence.destroy();
    this.gate.destroy();
    this.encoded.drop();
    this.doc.destroy();
    if (wasReady) this.deps.metrics.roomUnloaded();
  }
}
