// One stock y-websocket client (WebsocketProvider over `ws`) that makes timestamped edits and
// measures, on receipt, how long each edit from another client took to arrive.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { RoomAccess } from '../servers/types.ts';

/** Wall-clock ms with sub-ms precision, comparable across processes on one machine. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/**
 * The shared type the edits go into: the review's timeline, so Hindsight's write gate judges each edit
 * as it would a person's (an unknown root would be refused). An edit is the SPEC's minimal entry.
 */
export const BENCH_MAP = 'timeline';

/** A minimal timeline entry (SPEC §3.4: `at` and a `summary` Y.Text) whose `at` is the send time. */
function benchEntry(at: number): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  entry.set('at', at);
  entry.set('summary', new Y.Text());
  return entry;
}

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
        const entry = this.map.get(key);
        const sentAt = entry instanceof Y.Map ? entry.get('at') : undefined;
        if (typeof sentAt !== 'number' || sentAt < this.measureFrom) continue;
        this.received++;
        this.lastReceiptAt = at;
        this.onLatency(at - sentAt);
      }
    });
    this.provider = openProvider(access, this.doc);
  }

  /** One small edit: a new entry whose time is the send time. */
  edit(): void {
    this.map.set(`e${this.doc.clientID}:${this.seq++}`, benchEntry(nowMs()));
    this.sent++;
  }

  /** Announces this client to the room's other clients (see `readyPeers`). */
  markReady(): void {
    this.map.set(`r${this.doc.clientID}`, benchEntry(0));
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
