// A room: one review's live document, its connections and its awareness.
//
// Order of events, and why:
// - The room loads the document from the store before it answers anyone;
//   messages that arrive meanwhile wait on their connection, in order.
// - A writer's update is validated, appended to the store and, only once that
//   append is committed, applied to the room's doc and relayed. So every byte
//   a client ever receives from the relay (relayed updates and sync step 2
//   answers from the doc alike) is already on disk.
// - Commits resolve in append order, and `tail` chains their application, so
//   every client sees updates in the order they were stored.
// - A reader's sync step 2 and updates are judged by content: empty ones (the
//   stock client sends one on every connect) are ignored, anything else is
//   dropped. Neither is applied, relayed nor stored.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MessageType, can } from '@hindsight/protocol';
import type { Store, WriterRole } from '../storage/store.ts';
import { colorFor, decodeAwarenessUpdate, displayName, encodeAwarenessEntries, stampUser } from './awarenessStamp.ts';
import type { Connection } from './connection.ts';
import type { BusListener, Identity, RelayLimits, RelayLogger, RelayMetrics, RoomBus } from './types.ts';

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
  /**
   * Content rules beyond the role: why a writer's decoded update must be
   * dropped (e.g. the timeline is frozen), or null to accept it.
   */
  checkUpdate?: (doc: Y.Doc, update: ReturnType<typeof Y.decodeUpdate>, identity: Identity) => string | null;
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

/** Owner and transaction origin of what arrives from other servers. */
const REMOTE = Symbol('remote');

/** Thrown by the update validator; closes the sender with BadMessage. */
class BadMessageError extends Error {}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<Connection>();
  private state: RoomState = 'loading';
  private readonly loaded: Promise<void>;
  /** Chain of pending commits, applied and relayed strictly in order. */
  private tail: Promise<void> = Promise.resolve();
  /** Every update with a seq up to this one is in `doc`: what a checkpoint may claim to cover. */
  private contiguousSeq = 0;
  /** Seqs applied above `contiguousSeq` (from other servers, out of order). */
  private readonly aheadSeqs = new Set<number>();
  private catchUpTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private catchingUp: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Messages from other servers that arrived while the document loaded. */
  private busEarly: { seq: number; update: Uint8Array }[] | null = [];
  private updatesSinceCheckpoint = 0;
  /** Applied updates waiting for this turn's `flushRelay`. */
  private relayQueue: { update: Uint8Array; origin: Connection | null }[] = [];
  private relayScheduled = false;
  /** When the last checkpoint started (epoch ms); see `compactMinIntervalMs`. */
  private lastCheckpointAt = 0;
  private approxBytes = 0;
  private compactTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private compacting: Promise<void> | null = null;
  /** Which connection owns each awareness client id (REMOTE: a client of another server). */
  private readonly owners = new Map<number, Connection | typeof REMOTE>();

  constructor(
    readonly id: string,
    private readonly deps: RoomDeps,
  ) {
    // The server itself has no presence.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    // Subscribe before loading: whatever another server commits after the load's read reaches us.
    if (deps.bus) this.unsubscribe = deps.bus.subscribe(id, this.busListener);
    this.loaded = this.load();
  }

  get ready(): Promise<void> {
    return this.loaded;
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
            // Stored updates were validated on the way in; never let one bad row block the room.
            this.deps.log.error({ reviewId: this.id, err }, 'skipping a stored update that fails to apply');
          }
        }
      });
      this.contiguousSeq = lastSeq;
      const prepared = await this.runPrepare();
      // (The room may have been destroyed while the migration was being stored.)
      if ((this.state as RoomState) === 'destroyed') return;
      if (prepared > 0) this.noteSeq(prepared);
      this.updatesSinceCheckpoint = tail.length;
      this.approxBytes = (checkpoint?.length ?? 0) + tail.reduce((n, u) => n + u.length, 0);
      this.state = 'ready';
      this.deps.metrics.roomLoaded();
      for (const { seq, update } of this.busEarly ?? []) this.applyRemote(seq, update);
      this.busEarly = null;
      this.startPolling();
      this.deps.log.debug(
        { reviewId: this.id, tail: tail.length, ms: Math.round(performance.now() - started) },
        'room loaded',
      );
      if (tail.length >= this.deps.limits.compactEveryUpdates) void this.compact();
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

  /** Sends the server's sync step 1 and everyone's awareness, then anything the connection sent while loading. */
  private greet(conn: Connection): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    conn.send(encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      conn.send(this.awarenessMessage([...states.keys()]));
    }
    for (const message of conn.early.splice(0)) {
      if (conn.closed) break;
      this.handle(conn, message);
    }
  }

  receive(conn: Connection, message: Uint8Array): void {
    if (conn.closed) return;
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
    const ids = [...conn.clientIds].filter((id) => this.owners.get(id) === conn);
    for (const id of ids) this.owners.delete(id);
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
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

  private reject(conn: Connection, code: CloseCode, why: string): void {
    this.deps.metrics.messageRejected(`close_${code}`);
    this.deps.log.warn({ reviewId: this.id, conn: conn.id, role: conn.identity.role, code, why }, 'closing connection');
    conn.close(code);
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
          conn.send(this.awarenessMessage([...this.awareness.getStates().keys()]));
          return;
        case MessageType.auth:
          // Authentication happens before the upgrade; the message carries nothing for us.
          return;
        default:
          throw new BadMessageError(`unknown message type ${type}`);
      }
    } catch (err) {
      this.reject(conn, CloseCode.BadMessage, (err as Error).message || 'undecodable message');
    }
  }

  private handleSync(conn: Connection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.sync);
        // Throws on a state vector that does not decode: handled as a bad message.
        syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
        conn.send(encoding.toUint8Array(encoder));
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate:
        this.handleUpdate(conn, decoding.readVarUint8Array(decoder));
        return;
      default:
        throw new BadMessageError(`unknown sync message type ${syncType}`);
    }
  }

  private handleUpdate(conn: Connection, update: Uint8Array): void {
    // y-protocols' readSyncMessage would swallow a failed decode and half-apply;
    // decode the whole update first so a bad one closes the connection instead.
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch {
      throw new BadMessageError('update does not decode');
    }
    if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
    if (!can(conn.identity.role, 'doc.write')) {
      this.deps.metrics.messageRejected('read_only_dropped');
      this.deps.log.debug({ reviewId: this.id, conn: conn.id }, 'dropped an update from a read-only link');
      return;
    }
    if (!conn.updates.take()) {
      this.reject(conn, CloseCode.RateLimited, 'update rate limit');
      return;
    }
    const refused = this.deps.checkUpdate?.(this.doc, decoded, conn.identity);
    if (refused) {
      // Never applied, relayed or stored. The connection is closed too: Yjs numbers each
      // client's changes, so everything this client sends later builds on the refused one
      // and could never be applied; its app must reload the review.
      this.deps.log.info({ reviewId: this.id, conn: conn.id, why: refused }, 'refused a change');
      this.reject(conn, CloseCode.ChangeRefused, 'content rule');
      return;
    }
    if (this.approxBytes + update.length > this.deps.limits.maxDocBytes) {
      this.reject(conn, CloseCode.DocumentTooLarge, 'document size limit');
      return;
    }
    // Failures are logged and the sender closed inside commit().
    this.commit(update, conn.identity.role, conn.identity.linkId, conn).catch(() => undefined);
  }

  /**
   * Appends `update` to the store and, once committed, applies it and relays it
   * to everyone but `origin`. Resolves after it was applied; rejects if the
   * store refused it (then nobody has seen it).
   */
  private commit(
    update: Uint8Array,
    role: WriterRole,
    linkId: string | null,
    origin: Connection | null,
  ): Promise<void> {
    const started = performance.now();
    const committed = this.deps.store.append(this.id, { update, receivedAt: Date.now(), role, linkId });
    const applied = this.tail.then(() =>
      committed.then(
        (seq) => {
          this.deps.metrics.appendSeconds((performance.now() - started) / 1000);
          this.applyCommitted(origin, update, seq);
        },
        (err: unknown) => {
          this.deps.log.error({ reviewId: this.id, conn: origin?.id, err }, 'store refused an update');
          if (origin) this.reject(origin, CloseCode.StorageUnavailable, 'store write failed');
          throw err;
        },
      ),
    );
    this.tail = applied.catch(() => undefined);
    return applied;
  }

  /**
   * A change made by the server itself (ingested alerts, publishing): `change`
   * runs on a scratch copy, and the update it produces takes the same path as
   * a client's: stored first, then applied and relayed to every client.
   */
  async applyServerChange(change: (doc: Y.Doc) => void): Promise<void> {
    await this.loaded;
    if (this.state !== 'ready') throw new Error(`review ${this.id} is not available`);
    const scratch = new Y.Doc();
    try {
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.doc));
      const changes: Uint8Array[] = [];
      scratch.on('update', (u: Uint8Array) => changes.push(u));
      change(scratch);
      if (changes.length > 0) await this.commit(Y.mergeUpdates(changes), 'system', null, null);
    } finally {
      scratch.destroy();
      this.startIdleTimerIfEmpty();
    }
  }

  private applyCommitted(origin: Connection | null, update: Uint8Array, seq: number): void {
    if (this.state === 'destroyed') return;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (err) {
      this.deps.log.error({ reviewId: this.id, conn: origin?.id, seq, err }, 'a committed update failed to apply');
      return;
    }
    this.noteSeq(seq);
    this.deps.bus?.publishUpdate(this.id, seq, update);
    this.relay(update, origin);
  }

  /**
   * Queues an applied update for every local client but `origin`, and counts it toward the
   * next checkpoint. The queue is sent once the current microtasks ran (`flushRelay`): the
   * store commits a tick's updates together, so under load one frame per client carries many.
   */
  private relay(update: Uint8Array, origin: Connection | null): void {
    this.approxBytes += update.length;
    this.updatesSinceCheckpoint++;
    this.relayQueue.push({ update, origin });
    if (!this.relayScheduled) {
      // After the current microtasks: every update of the store's batch is applied by then
      // (their promises settle together), and no event-loop turn is waited for.
      this.relayScheduled = true;
      process.nextTick(this.flushRelay);
    }
    this.scheduleCompaction();
  }

  /**
   * Sends the queued updates: to a client that sent none of them, one merged update
   * (encoded once for all); to a client that sent some, the others merged; one queued
   * update goes out as it is. Merging changes no content: Yjs applies a merged update
   * exactly as the updates it was made of.
   */
  private readonly flushRelay = (): void => {
    this.relayScheduled = false;
    const queued = this.relayQueue;
    this.relayQueue = [];
    if (queued.length === 0 || this.state === 'destroyed') return;
    const message = (updates: Uint8Array[]): Uint8Array => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeUpdate(encoder, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
      return encoding.toUint8Array(encoder);
    };
    const origins = new Set<Connection | null>(queued.map((q) => q.origin));
    let forAll: Uint8Array | null = null;
    let relayed = 0;
    for (const conn of this.conns) {
      if (!origins.has(conn)) {
        forAll ??= message(queued.map((q) => q.update));
        this.sendChecked(conn, forAll);
        relayed += queued.length;
        continue;
      }
      const others = queued.filter((q) => q.origin !== conn).map((q) => q.update);
      if (others.length === 0) continue;
      this.sendChecked(conn, message(others));
      relayed += others.length;
    }
    this.deps.metrics.updatesRelayed(queued.length, relayed);
  };

  /** Records that `seq` is applied; false if it already was. Schedules a catch-up when a gap opens. */
  private noteSeq(seq: number): boolean {
    if (seq <= this.contiguousSeq || this.aheadSeqs.has(seq)) return false;
    this.aheadSeqs.add(seq);
    while (this.aheadSeqs.delete(this.contiguousSeq + 1)) this.contiguousSeq++;
    if (this.aheadSeqs.size > 0 && !this.catchUpTimer) {
      // Give the bus a moment to deliver the missing seqs before asking the store.
      this.catchUpTimer = setTimeout(() => {
        this.catchUpTimer = null;
        void this.catchUp();
      }, 250);
      this.catchUpTimer.unref();
    }
    return true;
  }

  /** An update another server committed: apply and relay it unless we have it already. */
  private applyRemote(seq: number, update: Uint8Array): void {
    if (this.state !== 'ready') {
      this.busEarly?.push({ seq, update });
      return;
    }
    if (!this.noteSeq(seq)) return;
    try {
      Y.applyUpdate(this.doc, update, REMOTE);
    } catch (err) {
      this.deps.log.error({ reviewId: this.id, seq, err }, 'an update from another server failed to apply');
      return;
    }
    this.relay(update, null);
  }

  /** Reads from the store every update after `contiguousSeq` that the bus did not deliver. */
  private catchUp(): Promise<void> {
    if (this.catchingUp) return this.catchingUp;
    if (this.state !== 'ready') return Promise.resolve();
    this.catchingUp = (async () => {
      for (;;) {
        const rows = await this.deps.store.readLog(this.id, this.contiguousSeq, 500);
        if ((this.state as RoomState) !== 'ready') return;
        for (const row of rows) this.applyRemote(row.seq, row.update);
        if (rows.length < 500) return;
      }
    })()
      .catch((err: unknown) =>
        this.deps.log.warn({ reviewId: this.id, err }, 'catch-up from the store failed; will retry'),
      )
      .finally(() => {
        this.catchingUp = null;
      });
    return this.catchingUp;
  }

  private startPolling(): void {
    const every = this.deps.catchUpIntervalMs;
    if (!this.deps.bus || !every) return;
    this.pollTimer = setInterval(() => void this.catchUp(), every);
    this.pollTimer.unref();
  }

  private readonly busListener: BusListener = {
    update: (seq, update) => this.applyRemote(seq, update),
    awareness: (update) => this.applyRemoteAwareness(update),
    reset: () => void this.catchUp(),
  };

  /** Presence from another server's clients, already stamped there. */
  private applyRemoteAwareness(update: Uint8Array): void {
    if (this.state === 'destroyed') return;
    let entries;
    try {
      entries = decodeAwarenessUpdate(update);
    } catch (err) {
      this.deps.log.warn({ reviewId: this.id, err }, 'undecodable awareness from another server');
      return;
    }
    for (const e of entries) {
      const owner = this.owners.get(e.clientId);
      if (owner !== undefined && owner !== REMOTE) continue;
      if (e.state === null) this.owners.delete(e.clientId);
      else this.owners.set(e.clientId, REMOTE);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  private sendChecked(conn: Connection, message: Uint8Array): void {
    if (conn.closed) return;
    conn.send(message);
    if (conn.transport.bufferedAmount > this.deps.limits.maxBufferedBytes) {
      this.reject(conn, CloseCode.SlowConsumer, 'send buffer over limit');
    }
  }

  /**
   * The stock client echoes every awareness update it receives back to the
   * server, so most awareness messages carry other clients' states. Only a
   * connection's own client ids are applied (and count against its awareness
   * rate); echoes and attempts to speak for someone else are dropped.
   */
  private handleAwareness(conn: Connection, update: Uint8Array): void {
    let entries;
    try {
      entries = decodeAwarenessUpdate(update);
    } catch {
      throw new BadMessageError('awareness update does not decode');
    }
    const own = entries.filter((e) => this.claim(conn, e.clientId, e.clock, e.state !== null));
    if (own.length === 0) return;
    if (!conn.awareness.take()) {
      this.reject(conn, CloseCode.RateLimited, 'awareness rate limit');
      return;
    }
    const { identity } = conn;
    const stamped = own.map((e) => ({
      ...e,
      state:
        e.state === null
          ? null
          : stampUser(e.state, {
              name: displayName(e.state.user, identity.label),
              role: identity.role,
              color: colorFor(e.clientId),
              linkId: identity.linkId,
            }),
    }));
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(stamped), conn);
  }

  /**
   * Whether `conn` may set the awareness state of `clientId`. An unowned id is
   * claimed by its first non-null state. An owned id may be taken over only by
   * a connection on the same link with a newer clock: the same person
   * reconnecting before the server noticed the old socket die (an echo never
   * carries a newer clock than the server's).
   */
  private claim(conn: Connection, clientId: number, clock: number, hasState: boolean): boolean {
    const owner = this.owners.get(clientId);
    if (owner === conn) return true;
    if (!hasState) return false;
    if (owner) {
      const known = this.awareness.meta.get(clientId)?.clock ?? 0;
      if (clock <= known) return false;
      // A client that moved here from another server may reclaim its id; on this server, only its own link may.
      if (owner !== REMOTE) {
        if (owner.identity.linkId !== conn.identity.linkId) return false;
        owner.clientIds.delete(clientId);
      }
    }
    this.owners.set(clientId, conn);
    conn.clientIds.add(clientId);
    return true;
  }

  /** Relays awareness changes to everyone, the sender included (it keeps the stock client's liveness timer fed). */
  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const message = this.awarenessMessage(changed);
    for (const conn of this.conns) this.sendChecked(conn, message);
    // Our own clients' presence (origin: their connection, or null when they leave) goes to other servers;
    // what came from there, or timed out here, does not.
    if (this.deps.bus && (origin === null || (origin !== REMOTE && origin !== 'timeout'))) {
      this.deps.bus.publishAwareness(this.id, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
  };

  private awarenessMessage(clientIds: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds));
    return encoding.toUint8Array(encoder);
  }

  private scheduleCompaction(): void {
    if (this.updatesSinceCheckpoint >= this.deps.limits.compactEveryUpdates) {
      // A busy review checkpoints at most once per interval: each checkpoint encodes the
      // whole document, so back to back they cost more than the tail they save.
      const wait = this.lastCheckpointAt + this.deps.limits.compactMinIntervalMs - Date.now();
      if (wait <= 0) {
        void this.compact();
        return;
      }
      if (!this.compactTimer) {
        this.compactTimer = setTimeout(() => void this.compact(), wait);
        this.compactTimer.unref();
      }
      return;
    }
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => void this.compact(), this.deps.limits.compactDebounceMs);
    this.compactTimer.unref();
  }

  /** Checkpoints the merged state so the next load reads one row plus a short tail. */
  compact(): Promise<void> {
    if (this.compactTimer) {
      clearTimeout(this.compactTimer);
      this.compactTimer = null;
    }
    if (this.compacting) return this.compacting;
    if (this.state !== 'ready' || this.updatesSinceCheckpoint === 0) return Promise.resolve();
    this.lastCheckpointAt = Date.now();
    const state = Y.encodeStateAsUpdate(this.doc);
    const upto = this.contiguousSeq;
    const covered = this.updatesSinceCheckpoint;
    const bytesAtSnapshot = this.approxBytes;
    this.compacting = this.deps.store
      .compact(this.id, state, upto)
      .then(
        () => {
          this.deps.bus?.compacted(this.id);
          this.updatesSinceCheckpoint -= covered;
          this.approxBytes = state.length + (this.approxBytes - bytesAtSnapshot);
          try {
            this.deps.onCheckpoint?.(this.id, this.doc, upto);
          } catch (err) {
            this.deps.log.error({ reviewId: this.id, err }, 'checkpoint hook failed');
          }
        },
        (err: unknown) =>
          this.deps.log.error({ reviewId: this.id, err }, 'checkpoint failed; the log still has everything'),
      )
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  /** Waits for every accepted update to be committed and applied, then checkpoints. */
  async flush(): Promise<void> {
    await this.loaded;
    let tail: Promise<void>;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
    if (this.compacting) await this.compacting;
    await this.compact();
  }

  /** Closes every connection with `code`. */
  closeAll(code: CloseCode): void {
    for (const conn of [...this.conns]) conn.close(code);
  }

  destroy(): void {
    if (this.state === 'destroyed') return;
    const wasReady = this.state === 'ready';
    this.state = 'destroyed';
    if (this.compactTimer) clearTimeout(this.compactTimer);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.unsubscribe?.();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
    if (wasReady) this.deps.metrics.roomUnloaded();
  }
}
