// A room: one review's live document and its connections. The room only
// coordinates; each step of the write path is its own module:
//
//   decode (here) → gate (rights, effect, schema, limits) → log (append, in
//   order, durable) → apply to the live document (here) → broadcaster (fan-out
//   with back-pressure); presence and checkpoints beside them.
//
// Why this order: nothing is stored that does not apply or that its writer may
// not make, and every byte a client receives from the relay (relayed updates
// and sync step 2 answers from the live document alike) is already on disk.
// The room loads the document before it answers anyone; messages that arrive
// meanwhile wait on their connection, in order. A read-only connection is never
// asked for its state (no sync step 1 is sent to it) and any change it sends
// closes it by its length alone: the server decodes nothing it writes.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, MessageType, can } from '@hindsight/protocol';
import type { Store } from '../storage/store.ts';
import { Broadcaster } from './broadcaster.ts';
import { Checkpoints } from './checkpoints.ts';
import type { Connection } from './connection.ts';
import { WriteGate } from './gate.ts';
import { RoomLog, type Writer } from './log.ts';
import { Presence, PresenceError, REMOTE } from './presence.ts';
import type { BusListener, RelayLimits, RelayLogger, RelayMetrics, RoomBus } from './types.ts';

export interface RoomDeps {
  store: Store;
  limits: RelayLimits;
  metrics: RelayMetrics;
  log: RelayLogger;
  /**
   * Brings a freshly loaded document up to date (e.g. schema migrations). Any
   * change it makes is stored, as the server's own update, before anyone is answered.
   */
  prepare?: (doc: Y.Doc) => void;
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

/** A server-side change the gate refused (e.g. it would pass the size limit): nothing was stored. */
export class ServerChangeRefused extends Error {
  constructor(
    readonly code: CloseCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Thrown while decoding a message; closes the sender with BadMessage. */
class BadMessageError extends Error {}

/** The length of an empty v1 update (no structs, no deletes): what the stock client sends a read-only server. */
const EMPTY_UPDATE_BYTES = 2;

const SYSTEM: Writer = { role: 'system', linkId: null };

/** The share of `maxDocBytes` server changes may fill, keeping room for people's edits. */
const SERVER_CHANGE_SHARE = 0.9;

export class Room {
  readonly doc = new Y.Doc();
  readonly conns = new Set<Connection>();
  private state: RoomState = 'loading';
  private readonly loaded: Promise<void>;
  private readonly gate = new WriteGate(this.doc);
  private readonly log: RoomLog;
  private readonly broadcaster: Broadcaster;
  private readonly presence: Presence;
  private readonly checkpoints: Checkpoints;
  private unsubscribe: (() => void) | null = null;
  /** Messages from other servers that arrived while the document loaded. */
  private busEarly: { seq: number; update: Uint8Array }[] | null = [];
  private pollTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Server-side changes, one at a time (each builds on everything accepted before it). */
  private serverChanges: Promise<unknown> = Promise.resolve();

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
      onMissing: (seq, update) => this.applyRemote(seq, update),
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
    // Subscribe before loading: whatever another server commits after the load's read reaches us.
    if (deps.bus) this.unsubscribe = deps.bus.subscribe(id, this.busListener);
    this.loaded = this.load();
  }

  get ready(): Promise<void> {
    return this.loaded;
  }

  get awareness(): Presence['awareness'] {
    return this.presence.awareness;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    try {
      const { checkpoint, tail, lastSeq } = await this.deps.store.load(this.id);
      if (this.state === 'destroyed') return;
      this.doc.transact(() => {
        if (checkpoint) Y.applyUpdate(this.doc, checkpoint);
        for (const update of tail) {
          try {
            Y.applyUpdate(this.doc, update);
          } catch (err) {
            // Written by an earlier release that stored updates before applying them.
            this.deps.log.error({ reviewId: this.id, err }, 'skipping a stored update that fails to apply');
          }
        }
      });
      this.log.contiguousSeq = lastSeq;
      const prepared = await this.runPrepare();
      // (The room may have been destroyed while the migration was being stored.)
      if ((this.state as RoomState) === 'destroyed') return;
      if (prepared > 0) this.log.noteSeq(prepared);
      this.checkpoints.loaded(tail.length, (checkpoint?.length ?? 0) + tail.reduce((n, u) => n + u.length, 0));
      this.state = 'ready';
      this.deps.metrics.roomLoaded();
      for (const { seq, update } of this.busEarly ?? []) this.applyRemote(seq, update);
      this.busEarly = null;
      this.startPolling();
      this.deps.log.debug(
        { reviewId: this.id, tail: tail.length, ms: Math.round(performance.now() - started) },
        'room loaded',
      );
      for (const conn of this.conns) this.greet(conn);
    } catch (err) {
      this.state = 'failed';
      this.deps.log.error({ reviewId: this.id, err }, 'room failed to load');
      for (const conn of [...this.conns]) conn.close(CloseCode.StorageUnavailable);
      this.deps.onIdle(this);
    }
  }

  /** Runs `prepare` and durably appends what it changed; resolves with that update's seq, or 0. */
  private async runPrepare(): Promise<number> {
    if (!this.deps.prepare) return 0;
    const changes: Uint8Array[] = [];
    const capture = (update: Uint8Array): void => {
      changes.push(update);
    };
    this.doc.on('update', capture);
    try {
      this.deps.prepare(this.doc);
    } finally {
      this.doc.off('update', capture);
    }
    if (changes.length === 0) return 0;
    return this.deps.store.append(this.id, {
      update: Y.mergeUpdates(changes),
      receivedAt: Date.now(),
      role: 'system',
      linkId: null,
    });
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
    if (can(conn.identity.role, 'doc.write')) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.broadcaster.send(conn, encoding.toUint8Array(encoder));
    }
    if (this.presence.size > 0) this.broadcaster.send(conn, this.presence.message());
    for (const message of conn.early.splice(0)) {
      if (conn.closed) break;
      this.handle(conn, message);
    }
  }

  receive(conn: Connection, message: Uint8Array): void {
    if (conn.closed) return;
    if (!conn.bytes.take(message.length)) {
      this.reject(conn, CloseCode.RateLimited, 'byte rate limit');
      return;
    }
    if (this.state === 'loading') {
      if (conn.early.length >= this.deps.limits.maxMessagesWhileLoading) {
        this.reject(conn, CloseCode.RateLimited, 'too many messages while loading');
        return;
      }
      conn.early.push(message);
      return;
    }
    if (this.state !== 'ready') return;
    this.handle(conn, message);
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

  private handle(conn: Connection, message: Uint8Array): void {
    if (!conn.messages.take()) {
      this.reject(conn, CloseCode.RateLimited, 'message rate limit');
      return;
    }
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.sync:
          this.handleSync(conn, decoder);
          return;
        case MessageType.awareness:
          this.handleAwareness(conn, decoding.readVarUint8Array(decoder));
          return;
        case MessageType.queryAwareness:
          if (!conn.syncRequests.take()) {
            this.reject(conn, CloseCode.RateLimited, 'presence request rate limit');
            return;
          }
          this.broadcaster.send(conn, this.presence.message());
          return;
        case MessageType.auth:
          // Authentication happens before the upgrade; the message carries nothing for us.
          return;
        default:
          throw new BadMessageError(`unknown message type ${type}`);
      }
    } catch (err) {
      if (err instanceof PresenceError) this.reject(conn, CloseCode.BadMessage, err.message, err.message);
      else this.reject(conn, CloseCode.BadMessage, (err as Error).message || 'undecodable message');
    }
  }

  private handleSync(conn: Connection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        if (!conn.syncRequests.take()) {
          this.reject(conn, CloseCode.RateLimited, 'sync request rate limit');
          return;
        }
        const stateVector = decoding.readVarUint8Array(decoder);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.sync);
        // Throws on a state vector that does not decode: handled as a bad message.
        syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
        this.broadcaster.send(conn, encoding.toUint8Array(encoder));
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        if (!can(conn.identity.role, 'doc.write')) {
          // Judged by length alone: the stock client's empty step 2 passes, anything else closes.
          if (update.length > EMPTY_UPDATE_BYTES) this.reject(conn, CloseCode.ReadOnly, 'read-only link sent a change');
          return;
        }
        this.handleUpdate(conn, update);
        return;
      }
      default:
        throw new BadMessageError(`unknown sync message type ${syncType}`);
    }
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
    this.log.noteSeq(seq);
    this.deps.bus?.publishUpdate(this.id, seq, update);
    this.broadcaster.relay(update, origin);
    this.checkpoints.applied();
  }

  /**
   * A change made by the server itself (ingested alerts, publishing): `change` runs
   * on a scratch copy of everything accepted so far, and the update it produces
   * takes a writer's path: judged by the gate, stored, then applied and relayed
   * to every client. One at a time per room. Rejects with ServerChangeRefused
   * when the gate refuses it (nothing is stored), or with what `change` threw.
   */
  applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    const run = this.serverChanges.then(() => this.runServerChange(change));
    this.serverChanges = run.catch(() => undefined);
    return run;
  }

  private async runServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    await this.loaded;
    if (this.state !== 'ready') throw new Error(`review ${this.id} is not available`);
    const scratch = new Y.Doc();
    try {
      Y.applyUpdate(scratch, this.gate.encodeAhead());
      const changes: Uint8Array[] = [];
      scratch.on('update', (u: Uint8Array) => changes.push(u));
      change(scratch);
      if (changes.length === 0) return;
      const update = Y.mergeUpdates(changes);
      // Machines (alert ingest) may fill the review only so far: people can always still edit it.
      if (this.checkpoints.bytes + update.length > this.deps.limits.maxDocBytes * SERVER_CHANGE_SHARE) {
        throw new ServerChangeRefused(
          CloseCode.DocumentTooLarge,
          `the review would pass ${SERVER_CHANGE_SHARE * 100}% of its size limit`,
        );
      }
      const verdict = this.gate.judge(update, { facilitates: true, foreignClient: () => null });
      if (!verdict.ok) throw new ServerChangeRefused(verdict.code, verdict.detail);
      if (verdict.noop) return;
      this.checkpoints.accepted(update.length);
      await this.commit(update, SYSTEM, null);
    } finally {
      scratch.destroy();
      this.startIdleTimerIfEmpty();
    }
  }

  /** An update another server committed: apply and relay it unless we have it already. */
  private applyRemote(seq: number, update: Uint8Array): void {
    if (this.state !== 'ready') {
      this.busEarly?.push({ seq, update });
      return;
    }
    if (!this.log.noteSeq(seq)) return;
    try {
      Y.applyUpdate(this.doc, update, REMOTE);
    } catch (err) {
      this.deps.log.error({ reviewId: this.id, seq, err }, 'an update from another server failed to apply');
      return;
    }
    this.gate.external(update);
    this.checkpoints.accepted(update.length);
    this.broadcaster.relay(update, null);
    this.checkpoints.applied();
  }

  private startPolling(): void {
    const every = this.deps.catchUpIntervalMs;
    if (!this.deps.bus || !every) return;
    this.pollTimer = setInterval(() => void this.log.catchUp(), every);
    this.pollTimer.unref();
  }

  private readonly busListener: BusListener = {
    update: (seq, update) => this.applyRemote(seq, update),
    awareness: (update) => {
      if (this.state === 'destroyed') return;
      try {
        this.presence.receiveRemote(update);
      } catch (err) {
        this.deps.log.warn({ reviewId: this.id, err }, 'undecodable awareness from another server');
      }
    },
    reset: () => void this.log.catchUp(),
  };

  private handleAwareness(conn: Connection, update: Uint8Array): void {
    // Echoes of others' states cost nothing; a connection's own states count against its rate, before they apply.
    const outcome = this.presence.receive(conn, update, () => conn.awareness.take());
    if (outcome === 'limited') this.reject(conn, CloseCode.RateLimited, 'awareness rate limit');
  }

  /** Checkpoints the merged state so the next load reads one row plus a short tail. */
  compact(): Promise<void> {
    return this.checkpoints.compact();
  }

  /** Waits for every accepted change to be committed and applied, then checkpoints. */
  async flush(): Promise<void> {
    await this.loaded;
    await this.serverChanges;
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
    this.checkpoints.stop();
    this.log.stop();
    this.broadcaster.stop();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.unsubscribe?.();
    this.presence.destroy();
    this.gate.destroy();
    this.doc.destroy();
    if (wasReady) this.deps.metrics.roomUnloaded();
  }
}
