// The relay's small interfaces: what it needs from a socket, from the host
// (limits, metrics, logging) and who a connection is. No Hono, no ws, no SQL.
import type * as Y from 'yjs';
import type { Role } from '@hindsight/protocol';
import type { DocumentLog } from '../storage/store.ts';
import type { Room } from './room.ts';
import type { Prepare } from './roomLoad.ts';

/** The smallest socket the relay needs. Implemented over `ws` by wsAdapter.ts. */
export interface Transport {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Drops the connection at once, without a closing handshake (for peers that stopped reading). */
  terminate(): void;
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
  /** Stops reading from the network (messages already read may still come), and starts again. */
  pause?(): void;
  resume?(): void;
}

/** Who is on a connection, as established from their link before the upgrade. */
export interface Identity {
  reviewId: string;
  linkId: string;
  role: Role;
  /** The link's label, used as the display name when the client gives none. */
  label: string;
}

export interface RelayLimits {
  /** Document size past which updates are refused, in bytes of encoded state. */
  maxDocBytes: number;
  updatesPerSecond: number;
  awarenessPerSecond: number;
  /** All messages per connection, including the awareness echoes the stock client sends. */
  messagesPerSecond: number;
  /** Bytes a connection may send per second, sustained (a burst may carry one frame of `maxFrameBytes`). */
  bytesPerSecond: number;
  /** The largest frame the transport accepts. */
  maxFrameBytes: number;
  /** Sync step 1 requests per connection per second (each answer can be the whole document). */
  syncRequestsPerSecond: number;
  /** Largest awareness state one client may publish, in bytes of JSON. */
  maxAwarenessStateBytes: number;
  /** A connection whose unsent bytes exceed this is cut off as a slow consumer. */
  maxBufferedBytes: number;
  /** Messages buffered per connection while its room loads. */
  maxMessagesWhileLoading: number;
  /** Checkpoint the room this long after its last update. */
  compactDebounceMs: number;
  /** ...or once this many updates have arrived since the last checkpoint. */
  compactEveryUpdates: number;
  /** ...but a busy document at most once per this many ms. */
  compactMinIntervalMs: number;
  /** Unload a room this long after its last client leaves. */
  idleUnloadMs: number;
  /**
   * How long a writer's changes that build on what it has not sent yet wait for its answer to the
   * server's sync step 1 (default 30 s), then are judged as they are.
   */
  answerWaitMs?: number;
}

export interface RelayMetrics {
  connectionOpened(): void;
  connectionClosed(): void;
  roomLoaded(): void;
  roomUnloaded(): void;
  /** `updates` applied updates went out, `deliveries` copies of them in all (one per recipient). */
  updatesRelayed(updates: number, deliveries: number): void;
  appendSeconds(seconds: number): void;
  messageRejected(reason: string): void;
}

/** The pino-compatible subset of a logger the relay writes to. */
export interface RelayLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const noMetrics: RelayMetrics = {
  connectionOpened() {},
  connectionClosed() {},
  roomLoaded() {},
  roomUnloaded() {},
  updatesRelayed() {},
  appendSeconds() {},
  messageRejected() {},
};

/** Delivers one review's traffic from other servers to a room. */
export interface BusListener {
  /** A committed update another server stored with `seq`. */
  update(seq: number, update: Uint8Array): void;
  /** An awareness update (already stamped) from another server's clients. */
  awareness(update: Uint8Array): void;
  /** The bus may have lost messages (e.g. Redis restarted): catch up from the store. */
  reset(): void;
}

/** A message every server acts on. */
export type ControlMessage = { type: 'link-revoked'; linkId: string };

/**
 * How servers sharing one store tell each other about committed updates,
 * presence and control messages. Absent on a single server. Publishing never
 * throws: a lost message is caught up from the store.
 */
export interface RoomBus {
  publishUpdate(reviewId: string, seq: number, update: Uint8Array): void;
  publishAwareness(reviewId: string, update: Uint8Array): void;
  publishControl(message: ControlMessage): void;
  /** Starts delivering other servers' messages for `reviewId`; returns the unsubscribe function. */
  subscribe(reviewId: string, listener: BusListener): () => void;
  onControl(listener: (message: ControlMessage) => void): void;
  /** The review was checkpointed: older bus messages are no longer needed. */
  compacted(reviewId: string): void;
}

/** What a room needs from the host. */
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
  /**
   * Keep each exact checkpoint as an edit-history snapshot too, unless one is within this many seqs
   * before it (DocumentLog.compact); absent: checkpoints are not history snapshots.
   */
  historySnapshotGap?: number;
  /**
   * How long a loading room that answered first syncs from what is stored (the largest answer `bytes` long)
   * waits before it builds the document, unless something needs the document sooner; by default
   * `buildDeferMs` in firstSync.ts.
   */
  buildDeferMs?: (bytes: number) => number;
  /** Called when the room has no connections left and has been idle for `idleUnloadMs`. */
  onIdle: (room: Room) => void;
}
