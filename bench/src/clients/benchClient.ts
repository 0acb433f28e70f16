// One stock y-websocket client (WebsocketProvider over `ws`) that makes timestamped edits and
// measures, on receipt, how long each edit from another client took to arrive.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { RoomAccess } from '../servers/types.ts';

/** Wall-clock ms with sub-ms precision, comparable across processes on one machine. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/** The shared type the edits go into; not part of the review schema, which the relay does not check. */
export const BENCH_MAP = 'bench';

export function openProvider(access: RoomAccess, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(access.serverUrl, access.room, doc, {
    params: access.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
}

/** Resolves when the provider is usable: synced with the server, or just connected for the raw relay. */
export function whenReady(provider: WebsocketProvider, speaksSync: boolean): Promise<void> {
  const ready = (): boolean => (speaksSync ? provider.synced : provider.wsconnected);
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = (): void => {
      if (!ready()) return;
      provider.off('sync', check);
      provider.off('status', check);
      resolve();
    };
    provider.on('sync', check);
    provider.on('status', check);
  });
}

export class BenchClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly map: Y.Map<unknown>;
  private seq = 0;
  /** Edits made since the last `resetCounters`. */
  sent = 0;
  /** Others' edits received with a send time at or after `measureFrom`. */
  received = 0;
  lastReceiptAt = 0;
  /** Other clients whose ready mark has arrived. */
  readyPeers = 0;
  measureFrom = Infinity;

  constructor(
    access: RoomAccess,
    private readonly onLatency: (ms: number) => void,
  ) {
    this.map = this.doc.getMap(BENCH_MAP);
    this.map.observe((event, tr) => {
      if (tr.local) return;
      const at = nowMs();
      for (const key of event.keysChanged) {
        if (key.charCodeAt(0) === 114 /* 'r' */) {
          this.readyPeers++;
          continue;
        }
        const sentAt = this.map.get(key);
        if (typeof sentAt !== 'number' || sentAt < this.measureFrom) continue;
        this.received++;
        this.lastReceiptAt = at;
        this.onLatency(at - sentAt);
      }
    });
    this.provider = openProvider(access, this.doc);
  }

  /** One small edit: a new key holding the send time. */
  edit(): void {
    this.map.set(`e${this.doc.clientID}:${this.seq++}`, nowMs());
    this.sent++;
  }

  /** Announces this client to the room's other clients (see `readyPeers`). */
  markReady(): void {
    this.map.set(`r${this.doc.clientID}`, true);
  }

  resetCounters(measureFrom: number): void {
    this.sent = 0;
    this.received = 0;
    this.lastReceiptAt = 0;
    this.measureFrom = measureFrom;
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
