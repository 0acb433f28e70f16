// The connection state people see: connecting, live, offline (saved locally), reconnecting, or a fatal close.
import { CloseCode, CloseReason, FATAL_CLOSE_CODES } from '@hindsight/protocol';
import type { WebsocketProvider } from 'y-websocket';
import type { IndexeddbPersistence } from 'y-indexeddb';

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

/** Watches a provider and its cache and publishes one `ConnectionState`. */
export class ConnectionTracker {
  private state: ConnectionState = { phase: 'connecting', cached: false, unsynced: false, message: null };
  private readonly listeners = new Set<() => void>();
  private everLive = false;
  private failures = 0;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly provider: WebsocketProvider,
    cache: IndexeddbPersistence,
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
      const offline = !navigator.onLine || this.failures >= 3 || !this.everLive;
      this.set({ phase: offline ? 'offline' : 'reconnecting', message });
    };
    const onUpdate = (_u: Uint8Array, origin: unknown): void => {
      if (origin !== provider && this.state.phase !== 'live' && !this.state.unsynced) this.set({ unsynced: true });
    };
    // The browser knows before the socket does: stop retrying while offline, reconnect at once when back.
    const onNetwork = (): void => {
      if (this.state.phase === 'fatal') return;
      if (!navigator.onLine) {
        this.set({ phase: 'offline' });
        provider.disconnect();
      } else {
        this.set({ phase: 'reconnecting' });
        provider.connect();
      }
    };
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    provider.doc.on('update', onUpdate);
    window.addEventListener('online', onNetwork);
    window.addEventListener('offline', onNetwork);
    // A socket opened while the network comes and goes can stay CONNECTING, or open without
    // anything ever arriving (the server speaks first, within milliseconds), and the provider
    // only notices after 30 s of silence: give each attempt a deadline to hear from the server.
    let attempt: WebSocket | null = null;
    let attemptStarted = 0;
    let heard = false;
    const stalledCheck = setInterval(() => {
      const ws = provider.ws;
      if (ws === null || provider.synced || !navigator.onLine) return;
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
      () => window.removeEventListener('online', onNetwork),
      () => window.removeEventListener('offline', onNetwork),
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
