// The relay's small interfaces: what it needs from a socket, from the host
// (limits, metrics, logging) and who a connection is. No Hono, no ws, no SQL.
import type { Role } from '@hindsight/protocol';

/** The smallest socket the relay needs. Implemented over `ws` by wsAdapter.ts. */
export interface Transport {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Drops the connection at once, without a closing handshake (for peers that stopped reading). */
  terminate(): void;
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
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
  /** A connection whose unsent bytes exceed this is cut off as a slow consumer. */
  maxBufferedBytes: number;
  /** Messages buffered per connection while its room loads. */
  maxMessagesWhileLoading: number;
  /** Checkpoint the room this long after its last update. */
  compactDebounceMs: number;
  /** ...or once this many updates have arrived since the last checkpoint. */
  compactEveryUpdates: number;
  /** Unload a room this long after its last client leaves. */
  idleUnloadMs: number;
}

export interface RelayMetrics {
  connectionOpened(): void;
  connectionClosed(): void;
  roomLoaded(): void;
  roomUnloaded(): void;
  updateRelayed(recipients: number): void;
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
  updateRelayed() {},
  appendSeconds() {},
  messageRejected() {},
};
