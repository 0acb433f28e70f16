// A room: one review's live document and its connections. The room only
// coordinates; each step of the write path is its own module:
//
//   decode (here) → gate (rights, effect, schema, limits) → log (append, in
//   order, durable) → apply to the live document (here) → broadcaster (fan-out
//   with back-pressure); presence and checkpoints beside them, loading in
//   roomLoad.ts, first syncs and greetings in firstSync.ts and the first-sync
//   encoding in encodedState.ts.
//
// Why this order: nothing is stored that does not apply or that its writer may
// not make, and every byte a client receives from the relay (relayed updates
// and sync step 2 answers alike) is already on disk. While the room loads,
// writes wait on their connection, in order, until the gate can judge them.
import * as Y from 'yjs';
import type { FirstScreen } from '@hindsight/api';
import { CloseCode, can } from '@hindsight/protocol';
import { Broadcaster } from './broadcaster.ts';
import { Checkpoints } from './checkpoints.ts';
import type { Connection } from './connection.ts';
import { EncodedState } from './encodedState.ts';
import { FirstSync } from './firstSync.ts';
import { LiveFirstScreen } from './firstScreen.ts';
import { type GateWriter, WriteGate } from './gate.ts';
import { RoomLog, type Writer } from './log.ts';
import { Presence, REMOTE } from './presence.ts';
import { RemoteFeed } from './remote.ts';
import { receiveMessage, type MessageHandlers } from './receiver.ts';
import { ServerChanges } from './serverChanges.ts';
import { StoredReview, buildDoc } from './roomLoad.ts';
import type { RoomDeps } from './types.ts';

type RoomState = 'loading' | 'ready' | 'failed' | 'destroyed';

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
  private readonly firstSync: FirstSync;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Server-side changes, one at a time (each builds on everything accepted before it). */
  private readonly serverChanges: ServerChanges;
  private readonly gateWriters = new WeakMap<Connection, GateWriter>();
  private readonly liveFirstScreen: LiveFirstScreen;

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
    this.firstSync = new FirstSync({
      reviewId: id,
      doc: this.doc,
      encoded: this.encoded,
      log: deps.log,
      maxMessagesWhileLoading: deps.limits.maxMessagesWhileLoading,
      send: (conn, message) => this.broadcaster.send(conn, message),
      presence: () => (this.presence.size > 0 ? this.presence.message() : null),
      handlers: this.handlers,
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
      exact: () => this.log.exact,
      snapshotGap: deps.historySnapshotGap,
      ready: () => this.state === 'ready',
      encoded: (state) => this.encoded.seed(state),
      onExactCheckpoint: (upto) => void this.liveFirstScreen.keep(upto),
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
    this.liveFirstScreen = new LiveFirstScreen(this.doc, id, deps.store, deps.log);
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
      await this.firstSync.answerStored(this.conns);
      await this.firstSync.answersWritten();
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
      for (const conn of this.conns) this.firstSync.greet(conn);
    } catch (err) {
      this.state = 'failed';
      this.encoded.drop();
      this.deps.log.error({ reviewId: this.id, err }, 'room failed to load');
      for (const conn of [...this.conns]) conn.close(CloseCode.StorageUnavailable);
      this.deps.onIdle(this);
    }
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
    if (this.state === 'ready') this.firstSync.greet(conn);
  }

  receive(conn: Connection, message: Uint8Array): void {
    if (conn.closed) return;
    if (!conn.bytes.take(message.length)) {
      this.reject(conn, CloseCode.RateLimited, 'byte rate limit');
      return;
    }
    if (this.state === 'loading') {
      this.firstSync.receiveWhileLoading(conn, message);
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
    syncRequest: (conn, stateVector) => this.firstSync.answer(conn, stateVector),
    update: (conn, update, answer) => this.handleUpdate(conn, update, answer),
    awareness: (conn, update, admit) => this.presence.receive(conn, update, admit),
    presenceRequest: (conn) => this.broadcaster.send(conn, this.presence.message()),
  };

  private handleUpdate(conn: Connection, update: Uint8Array, answer: boolean): void {
    if (!conn.updates.take()) {
      this.reject(conn, CloseCode.RateLimited, 'update rate limit');
      return;
    }
    if (this.checkpoints.bytes + update.length > this.deps.limits.maxDocBytes) {
      this.reject(conn, CloseCode.DocumentTooLarge, 'document size limit');
      return;
    }
    const verdict = this.gate.judge(update, this.gateWriter(conn), answer);
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

  /** The gate's view of a connection, made once per connection (not per update: it is on the hot path). */
  private gateWriter(conn: Connection): GateWriter {
    let writer = this.gateWriters.get(conn);
    if (!writer) {
      const presence = this.presence;
      writer = {
        facilitates: can(conn.identity.role, 'review.facilitate'),
        foreignClient: (ids) => presence.foreignClient(conn, ids),
      };
      this.gateWriters.set(conn, writer);
    }
    return writer;
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
    await this.settled();
    return { state: Y.encodeStateAsUpdate(this.doc), seq: this.log.contiguousSeq };
  }

  /** Loaded, and every accepted change committed and applied. */
  private async settled(): Promise<void> {
    this.firstSync.wake();
    await this.loaded;
    await this.serverChanges.settled();
    await this.log.settled();
  }

  /**
   * Waits for every accepted change to be committed and applied, then checkpoints and stores the first
   * screen (a review last checkpointed by an older release has none yet).
   */
  async flush(): Promise<void> {
    await this.settled();
    await this.checkpoints.flush();
    await this.keepFirstScreen();
  }

  /** The timeline's first screen once the document is built; null while it loads (see firstScreen.ts). */
  firstScreen(): FirstScreen | null {
    return this.state === 'ready' ? this.liveFirstScreen.get() : null;
  }

  /** Stores the first screen again at the seq the document holds (a history purge deleted the stored one). */
  async keepFirstScreenAgain(): Promise<void> {
    await this.settled();
    this.liveFirstScreen.forgetKept();
    await this.keepFirstScreen();
  }

  /** Stores the first screen as of the seq the document holds, when it holds exactly the updates up to it. */
  private async keepFirstScreen(): Promise<void> {
    if (this.state === 'ready' && this.log.exact) await this.liveFirstScreen.keep(this.log.contiguousSeq);
  }

  /** Closes every connection with `code`. */
  closeAll(code: CloseCode): void {
    for (const conn of [...this.conns]) conn.close(code);
  }

  destroy(): void {
    if (this.state === 'destroyed') return;
    const wasReady = this.state === 'ready';
    this.state = 'destroyed';
    this.firstSync.wake();
    this.checkpoints.stop();
    this.log.stop();
    this.broadcaster.stop();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.remote.stop();
    this.presence.destroy();
    this.gate.destroy();
    this.encoded.drop();
    this.liveFirstScreen.destroy();
    this.doc.destroy();
    if (wasReady) this.deps.metrics.roomUnloaded();
  }
}
