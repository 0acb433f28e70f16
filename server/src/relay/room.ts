// A room: one review's live document and its connections. The room only
// coordinates; each step of the write path is its own module:
//
//   decode (here) → gate (applies it to the document: rights, effect, schema,
//   limits) → log (append, in order, durable) → broadcaster (fan-out with
//   back-pressure); presence and checkpoints beside them, loading in
//   roomLoad.ts, first syncs and greetings in firstSync.ts and the first-sync
//   encoding in encodedState.ts.
//
// Why this order: nothing is stored that does not apply or that its writer may
// not make, and every byte a client receives from the relay (relayed updates
// and sync step 2 answers alike) is already on disk. While the room loads,
// writes wait on their connection, in order, until the gate can judge them.
//
// The document is ahead of the store by the updates accepted but not yet
// committed (in flight, at most a commit window). Whatever reads it for anyone
// else (a checkpoint, a first sync encoded afresh, the first screen, an export)
// does so at rest, when none is in flight (`atRest`, rest.ts); meanwhile the
// room holds the document messages that come in, so a busy room comes to rest
// within a commit. A change the gate refused has been applied already: the room
// then rebuilds the document from what is committed (`rebuild`), holding
// messages until it is back.
import * as Y from 'yjs';
import type { FirstScreen } from '@hindsight/api';
import { CloseCode, can } from '@hindsight/protocol';
import { Broadcaster } from './broadcaster.ts';
import { Checkpoints } from './checkpoints.ts';
import type { Connection } from './connection.ts';
import { EncodedState } from './encodedState.ts';
import { FirstSync, buildDeferMs } from './firstSync.ts';
import { LiveFirstScreen } from './firstScreen.ts';
import { type GateWriter, WriteGate } from './gate.ts';
import { RoomLog, type Writer } from './log.ts';
import { Presence, REMOTE } from './presence.ts';
import { RemoteFeed } from './remote.ts';
import { Rest } from './rest.ts';
import { AnswerWait, DEFAULT_ANSWER_WAIT_MS } from './answerWait.ts';
import { receiveMessage, type MessageHandlers } from './receiver.ts';
import { ServerChanges } from './serverChanges.ts';
import { StoredReview, buildDoc } from './roomLoad.ts';
import { defineRoots } from '@hindsight/doc';
import type { RoomDeps } from './types.ts';

type RoomState = 'loading' | 'ready' | 'failed' | 'destroyed';

/** A rebuild that must read the store retries this long (a store outage), then fails the room as a load would. */
const REBUILD_RETRY_MS = 60_000;
const REBUILD_RETRY_MAX_WAIT_MS = 5_000;

const SYSTEM: Writer = { role: 'system', linkId: null };

/** A room's document: every known root typed, so incoming changes integrate into typed roots. */
function newDoc(): Y.Doc {
  const doc = new Y.Doc();
  defineRoots(doc);
  return doc;
}

export class Room {
  private current = newDoc();
  readonly conns = new Set<Connection>();
  private state: RoomState = 'loading';
  private readonly loaded: Promise<void>;

  private readonly log: RoomLog;
  private readonly broadcaster: Broadcaster;
  private readonly presence: Presence;
  private readonly checkpoints: Checkpoints;
  /** First syncs: from what is stored while loading, then the state encoded once plus what was applied since. */
  private readonly encoded = new EncodedState(() => Y.encodeStateAsUpdate(this.doc));
  private readonly gate = new WriteGate(
    () => this.current,
    () => this.poisoned(),
  );
  /** Updates other servers committed that came while the document was rebuilt, applied once it is back. */
  private remoteWhileRebuilding: [number, Uint8Array][] = [];
  /** Reads at rest, and the messages held meanwhile (see rest.ts). */
  private readonly rest: Rest;
  /** While the document is rebuilt from the store (after a refused change). */
  private rebuilding: Promise<void> | null = null;
  private readonly remote: RemoteFeed;
  private readonly firstSync: FirstSync;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Server-side changes, one at a time (each builds on everything accepted before it). */
  private readonly serverChanges: ServerChanges;
  private readonly gateWriters = new WeakMap<Connection, GateWriter>();
  private readonly answerWait: AnswerWait;
  private readonly liveFirstScreen: LiveFirstScreen;

  constructor(
    readonly id: string,
    private readonly deps: RoomDeps,
  ) {
    this.answerWait = new AnswerWait({
      buildsOnUnseen: (update) => this.gate.buildsOnUnseen(update),
      judge: (conn, update) => this.judgeAndCommit(conn, update, false),
      atRest: (run) => void this.atRest(run).catch(() => undefined),
      refuse: (conn, detail) => this.reject(conn, CloseCode.UpdateIncomplete, 'refused a change', detail),
      waitMs: this.deps.limits.answerWaitMs ?? DEFAULT_ANSWER_WAIT_MS,
    });
    this.rest = new Rest({
      reviewId: id,
      atRest: () => this.isAtRest(),
      open: () => this.state === 'ready',
      handle: (conn, message) => receiveMessage(conn, message, this.handlers),
      reject: (conn, code, why) => this.reject(conn, code, why),
      maxHeldPerConnection: deps.limits.maxMessagesWhileLoading,
    });
    this.broadcaster = new Broadcaster({
      maxBufferedBytes: deps.limits.maxBufferedBytes,
      metrics: deps.metrics,
      connections: () => this.conns,
      onSlow: (conn) => this.reject(conn, CloseCode.SlowConsumer, 'send buffer over limit'),
    });
    this.presence = new Presence({
      reviewId: id,
      maxStateBytes: deps.limits.maxAwarenessStateBytes,
      send: (conn, message) => this.broadcaster.send(conn, message),
      connections: () => this.conns,
      bus: deps.bus,
    });
    this.firstSync = new FirstSync({
      reviewId: id,
      doc: () => this.current,
      encoded: this.encoded,
      log: deps.log,
      maxMessagesWhileLoading: deps.limits.maxMessagesWhileLoading,
      send: (conn, message) => this.broadcaster.send(conn, message),
      presence: () => (this.presence.size > 0 ? this.presence.message() : null),
      handlers: this.handlers,
      buildDeferMs: deps.buildDeferMs ?? buildDeferMs,
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
      doc: () => this.current,
      atRest: (read) => this.atRest(read),
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
        const onCheckpoint = deps.onCheckpoint;
        if (onCheckpoint)
          this.atRest(() => onCheckpoint(id, this.current, upto)).catch((err: unknown) =>
            deps.log.error({ reviewId: id, err }, 'checkpoint hook failed'),
          );
      },
    });
    this.serverChanges = new ServerChanges({
      gate: this.gate,
      checkpoints: this.checkpoints,
      maxDocBytes: deps.limits.maxDocBytes,
      ready: async () => {
        this.firstSync.wake();
        await this.loaded;
        while (this.rebuilding) await this.rebuilding;
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
      waiting: () => this.firstSync.wake(),
      awareness: (update) => this.presence.receiveRemote(update),
    });
    this.liveFirstScreen = new LiveFirstScreen(this.current, id, deps.store, deps.log);
    this.loaded = this.load();
  }

  get ready(): Promise<void> {
    return this.loaded;
  }

  /**
   * The review's document: everything committed plus the accepted updates in flight (see above). Replaced
   * when it is rebuilt: read it anew each time, and for anyone else only in `atRest`.
   */
  get doc(): Y.Doc {
    return this.current;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    try {
      const stored = await StoredReview.read(this.deps.store, this.id);
      if (this.state === 'destroyed') return;
      this.encoded.loading(stored);
      // Whoever opened the room asks for the state first thing: answer from what is stored, then build once
      // the answers are out and applied, or something needs the document (firstSync.ts).
      await this.firstSync.answerStored(this.conns);
      await this.firstSync.answersWritten();
      await this.firstSync.untilBuildNeeded();
      if ((this.state as RoomState) === 'destroyed') return;
      this.log.contiguousSeq = stored.lastSeq;
      const { skipped, prepared } = await buildDoc(this.current, stored, this.deps);
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
      // At rest, each: a refused early message of one connection must not let the next one's be judged on
      // the document it changed (they wait for the rebuild).
      for (const conn of this.conns) this.atRest(() => this.firstSync.greet(conn)).catch(() => undefined);
    } catch (err) {
      this.fail(err, 'room failed to load');
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
    // (A room that closes first greets nobody.)
    if (this.state === 'ready') this.atRest(() => this.firstSync.greet(conn)).catch(() => undefined);
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
    if (this.rest.offer(conn, message)) return;
    receiveMessage(conn, message, this.handlers);
  }

  /**
   * Runs `read` once the document holds exactly what is committed (no accepted update in flight, and not
   * being rebuilt), at once when it does, and resolves with its result (see rest.ts).
   */
  atRest<T>(read: () => T): Promise<T> {
    return this.rest.read(read);
  }

  private isAtRest(): boolean {
    return this.gate.inFlightCount === 0 && this.rebuilding === null;
  }

  leave(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    this.answerWait.drop(conn);
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
    syncRequest: (conn, stateVector) => this.answerAtRest(conn, stateVector),
    update: (conn, update, answer) => this.handleUpdate(conn, update, answer),
    awareness: (conn, update, admit) => this.presence.receive(conn, update, admit),
    presenceRequest: (conn) => this.broadcaster.send(conn, this.presence.message()),
  };

  /**
   * A first sync may encode the document afresh: at rest only (see above). Usually it is at rest, and a
   * state vector that does not decode throws here, handled as a bad message like any other.
   */
  private answerAtRest(conn: Connection, stateVector: Uint8Array): void {
    if (this.isAtRest()) {
      this.firstSync.answer(conn, stateVector);
      return;
    }
    this.atRest(() => !conn.closed && this.firstSync.answer(conn, stateVector)).catch((err: unknown) =>
      this.reject(conn, CloseCode.BadMessage, (err as Error).message || 'undecodable message'),
    );
  }

  private handleUpdate(conn: Connection, update: Uint8Array, answer: boolean): void {
    if (!conn.updates.take()) {
      this.reject(conn, CloseCode.RateLimited, 'update rate limit');
      return;
    }
    if (!answer && this.answerWait.hold(conn, update)) return;
    this.judgeAndCommit(conn, update, answer);
    if (answer) this.answerWait.answered(conn);
  }

  private judgeAndCommit(conn: Connection, update: Uint8Array, answer: boolean): void {
    if (this.checkpoints.bytes + update.length > this.deps.limits.maxDocBytes) {
      this.reject(conn, CloseCode.DocumentTooLarge, 'document size limit');
      return;
    }
    const verdict = this.gate.judge(update, this.gateWriter(conn), answer);
    if (!verdict.ok) {
      // Never relayed or stored; the document it changed is rebuilt from the store. The connection is
      // closed too: Yjs numbers each client's changes, so everything this client sends later builds on
      // the refused one and could never be applied; its app must reload the review.
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

  /** Stores an accepted update (the gate applied it), then relays it to everyone but `origin`. */
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
    // The document holds it since the gate judged it.
    this.encoded.applied(update);
    this.log.noteSeq(seq);
    this.deps.bus?.publishUpdate(this.id, seq, update);
    this.broadcaster.relay(update, origin);
    this.checkpoints.applied();
    this.rest.settled();
  }

  /** The gate reports the document holds a change that will not be stored: rebuild it from the store. */
  private poisoned(): void {
    if (this.rebuilding || this.state !== 'ready') return;
    this.rest.hold();
    this.rebuilding = this.rebuild().finally(() => {
      this.rebuilding = null;
      const remote = this.remoteWhileRebuilding;
      this.remoteWhileRebuilding = [];
      // (Those the store already gave the rebuild are known by seq and skipped.)
      for (const [seq, update] of remote) this.applyRemote(seq, update);
      this.rest.settled();
    });
  }

  /**
   * Builds the document again from what is committed, once every commit in flight settled (those are
   * relayed as usual), and puts it in place of the one holding the change that will not be stored.
   * Document messages wait meanwhile; presence goes on. The committed state is at hand when the room keeps
   * it encoded for first syncs; else it is read from the store, retried through a store outage (the
   * refusal may be the store's) for up to a minute, after which the room fails as a load would.
   */
  private async rebuild(): Promise<void> {
    const started = performance.now();
    try {
      await this.log.settled();
      if (this.state !== 'ready') return;
      const committed = this.encoded.committed();
      const doc = newDoc();
      if (committed) {
        doc.transact(() => {
          for (const state of committed) if (state) Y.applyUpdate(doc, state);
        });
      } else {
        const stored = await this.readStoreForRebuild(started);
        if (this.state !== 'ready' || !stored) {
          doc.destroy();
          return;
        }
        const skipped = stored.applyTo(doc, this.deps.log);
        // Other servers' updates the store holds that this one never relayed (they came during the rebuild):
        // whatever the rebuilt document has that the old one (all that was sent from here) lacked, with
        // every deletion (one server alone has nothing to add).
        if (this.deps.bus) this.broadcaster.relay(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(this.current)), null);
        this.log.rebuiltAt(stored.lastSeq);
        this.encoded.loading(stored);
        this.encoded.loaded(skipped === 0);
        this.checkpoints.loaded(stored.tailLength, stored.bytes, skipped > 0);
        // What other servers committed while this one rebuilt (skipped meanwhile) comes from the store.
        if (this.deps.bus) void this.log.catchUp();
      }
      const old = this.current;
      this.current = doc;
      this.gate.rebuilt();
      this.liveFirstScreen.rebind(doc);
      old.destroy();
      this.deps.log.warn(
        { reviewId: this.id, from: committed ? 'memory' : 'store', ms: Math.round(performance.now() - started) },
        'document rebuilt after a change that was not stored',
      );
    } catch (err) {
      this.fail(err, 'could not rebuild the document');
    }
  }

  private async readStoreForRebuild(started: number): Promise<StoredReview | null> {
    for (let wait = 100; ; wait = Math.min(wait * 2, REBUILD_RETRY_MAX_WAIT_MS)) {
      try {
        return await StoredReview.read(this.deps.store, this.id);
      } catch (err) {
        if (performance.now() - started > REBUILD_RETRY_MS) throw err;
        this.deps.log.warn({ reviewId: this.id, err }, 'could not read the review to rebuild it; retrying');
      }
      await new Promise((resolve) => setTimeout(resolve, wait).unref());
      if (this.state !== 'ready') return null;
    }
  }

  private fail(err: unknown, what: string): void {
    this.state = 'failed';
    this.encoded.drop();
    this.deps.log.error({ reviewId: this.id, err }, what);
    for (const conn of [...this.conns]) conn.close(CloseCode.StorageUnavailable);
    this.deps.onIdle(this);
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
    if (this.rebuilding) {
      this.remoteWhileRebuilding.push([seq, update]);
      return;
    }
    if (this.state !== 'ready' || !this.log.noteSeq(seq)) return;
    try {
      Y.applyUpdate(this.current, update, REMOTE);
    } catch (err) {
      this.encoded.drop();
      this.deps.log.error({ reviewId: this.id, seq, err }, 'an update from another server failed to apply');
      return;
    }
    this.encoded.applied(update);
    this.checkpoints.accepted(update.length);
    this.broadcaster.relay(update, null);
    this.checkpoints.applied();
  }

  /** The merged document and the seq every stored update up to which it holds, once accepted changes settled. */
  async settledState(): Promise<{ state: Uint8Array; seq: number }> {
    await this.settled();
    return this.atRest(() => ({ state: Y.encodeStateAsUpdate(this.current), seq: this.log.contiguousSeq }));
  }

  /**
   * Runs `read` on the document once every accepted change is committed and checkpointed, at rest (see
   * above). `read` must only read.
   */
  async readSettled<T>(read: (doc: Y.Doc) => T): Promise<T> {
    await this.flush();
    return this.atRest(() => read(this.current));
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
  firstScreen(): Promise<FirstScreen | null> {
    if (this.state !== 'ready') return Promise.resolve(null);
    return this.atRest(() => (this.state === 'ready' ? this.liveFirstScreen.get() : null));
  }

  /** Stores the first screen again at the seq the document holds (a history purge deleted the stored one). */
  async keepFirstScreenAgain(): Promise<void> {
    await this.settled();
    this.liveFirstScreen.forgetKept();
    await this.keepFirstScreen();
  }

  /** Stores the first screen as of the seq the document holds, when it holds exactly the updates up to it. */
  private async keepFirstScreen(): Promise<void> {
    await this.atRest(() =>
      this.state === 'ready' && this.log.exact ? this.liveFirstScreen.keep(this.log.contiguousSeq) : null,
    );
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
    this.remoteWhileRebuilding = [];
    this.rest.stop();
    this.remote.stop();
    this.presence.destroy();
    this.gate.destroy();
    this.encoded.drop();
    this.liveFirstScreen.destroy();
    this.current.destroy();
    if (wasReady) this.deps.metrics.roomUnloaded();
  }
}
