// The connection state people see: connecting, live, offline (saved locally), reconnecting, or a fatal close.
import { CloseCode, CloseReason, FATAL_CLOSE_CODES } from '@hindsight/protocol';
import type { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

export type ConnectionPhase = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'fatal';

export interface ConnectionState {
  phase: ConnectionPhase;
  /** The local IndexedDB copy is loaded: the document can be shown without the server. */
  cached: boolean;
  /** Edits made while not live, not yet confirmed by a sync. */
  unsynced: boolean;
  /** For `fatal` (and the last non-fatal close): what the server said. */
  message: string | null;
}

/** How long one connection attempt may go without a frame from the server before it is replaced. */
const CONNECT_DEADLINE_MS = 8_000;

const KNOWN = new Set<number>(Object.values(CloseCode));

/** Turns a close code into a sentence for people. */
export function closeMessage(code: number, reason: string): string {
  if (KNOWN.has(code)) return CloseReason[code as CloseCode];
  return reason || `connection closed (${code})`;
}

/** What the tracker uses of y-websocket's provider (a fake one in the unit test). */
export interface TrackedProvider {
  /** True while a socket is open and has synced; y-websocket sets it false when the socket closes. */
  readonly synced: boolean;
  readonly ws: WebSocket | null;
  readonly doc: Y.Doc;
  on(event: 'sync', listener: (synced: boolean) => void): void;
  on(event: 'connection-close', listener: (event: CloseEvent | null) => void): void;
  off(event: 'sync', listener: (synced: boolean) => void): void;
  off(event: 'connection-close', listener: (event: CloseEvent | null) => void): void;
  connect(): void;
  disconnect(): void;
}

/** The browser's view of the network: `navigator.onLine` and the window's online/offline events. */
export interface Network {
  readonly onLine: boolean;
  subscribe(listener: () => void): () => void;
}

const browserNetwork: Network = {
  get onLine() {
    return navigator.onLine;
  },
  subscribe(listener) {
    window.addEventListener('online', listener);
    window.addEventListener('offline', listener);
    return () => {
      window.removeEventListener('online', listener);
      window.removeEventListener('offline', listener);
    };
  },
};

/** Watches a provider and its cache and publishes one `ConnectionState`. */
export class ConnectionTracker {
  private state: ConnectionState = { phase: 'connecting', cached: false, unsynced: false, message: null };
  private readonly listeners = new Set<() => void>();
  private everLive = false;
  private failures = 0;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly provider: TrackedProvider,
    cache: Pick<IndexeddbPersistence, 'whenSynced'>,
    network: Network = browserNetwork,
  ) {
    const onSync = (synced: boolean): void => {
      if (synced) {
        this.everLive = true;
        this.failures = 0;
        this.set({ phase: 'live', unsynced: false, message: null });
      }
    };
    const onClose = (event: CloseEvent | null): void => {
      this.failures++;
      if (event && FATAL_CLOSE_CODES.includes(event.code as CloseCode)) {
        this.set({ phase: 'fatal', message: closeMessage(event.code, event.reason) });
        return;
      }
      const message = event && event.code !== 1006 ? closeMessage(event.code, event.reason) : null;
      const offline = !network.onLine || this.failures >= 3 || !this.everLive;
      this.set({ phase: offline ? 'offline' : 'reconnecting', message });
    };
    const onUpdate = (_u: Uint8Array, origin: unknown): void => {
      if (origin !== provider && this.state.phase !== 'live' && !this.state.unsynced) this.set({ unsynced: true });
    };
    // The browser knows before the socket does: stop retrying while offline, reconnect at once when back.
    // An `online` event can arrive after the socket already re-synced (browsers fire it late): the
    // provider is live then, and no further `sync` event would come to say so.
    const onNetwork = (): void => {
      if (this.state.phase === 'fatal') return;
      if (!network.onLine) {
        this.set({ phase: 'offline' });
        provider.disconnect();
      } else if (provider.synced) {
        this.set({ phase: 'live', unsynced: false, message: null });
      } else {
        this.set({ phase: 'reconnecting' });
        provider.connect();
      }
    };
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    provider.doc.on('update', onUpdate);
    const unsubscribeNetwork = network.subscribe(onNetwork);
    // A socket opened while the network comes and goes can stay CONNECTING, or open without
    // anything ever arriving (the server speaks first, within milliseconds), and the provider
    // only notices after 30 s of silence: give each attempt a deadline to hear from the server.
    let attempt: WebSocket | null = null;
    let attemptStarted = 0;
    let heard = false;
    // The same tick restores "live" whenever the provider is synced, whatever set another phase.
    const stalledCheck = setInterval(() => {
      if (provider.synced) {
        if (this.state.phase !== 'live' && this.state.phase !== 'fatal')
          this.set({ phase: 'live', unsynced: false, message: null });
        return;
      }
      const ws = provider.ws;
      if (ws === null || !network.onLine) return;
      if (ws !== attempt) {
        attempt = ws;
        attemptStarted = Date.now();
        heard = false;
        ws.addEventListener('message', () => void (heard = true), { once: true });
      } else if (!heard && Date.now() - attemptStarted > CONNECT_DEADLINE_MS) {
        provider.disconnect();
        provider.connect();
      }
    }, 1_000);
    void cache.whenSynced.then(() => this.set({ cached: true }));
    this.cleanups.push(
      () => clearInterval(stalledCheck),
      () => provider.off('sync', onSync),
      () => provider.off('connection-close', onClose),
      () => provider.doc.off('update', onUpdate),
      unsubscribeNetwork,
    );
  }

  get current(): ConnectionState {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Tries again now (after a fatal close too, e.g. once the link was re-issued). */
  retry(): void {
    this.set({ phase: 'reconnecting', message: null });
    this.provider.disconnect();
    this.provider.connect();
  }

  destroy(): void {
    this.cleanups.forEach((f) => f());
    this.listeners.clear();
  }

  private set(patch: Partial<ConnectionState>): void {
    if (this.state.phase === 'fatal' && patch.phase && patch.phase !== 'fatal' && patch.phase !== 'reconnecting')
      return;
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((l) => l());
  }
}
