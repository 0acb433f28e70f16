// The connection badge's state machine, driven by a fake provider that behaves
// like y-websocket's: `synced` turns false when a socket closes and `sync`
// fires only when `synced` changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@hindsight/protocol';
import { ConnectionTracker, type Network, type TrackedProvider } from './connection.ts';

type Listener = (arg: never) => void;

class FakeProvider implements TrackedProvider {
  readonly doc = new Y.Doc();
  ws: WebSocket | null = null;
  connects = 0;
  disconnects = 0;
  private syncedValue = false;
  private readonly listeners = new Map<string, Set<Listener>>();

  get synced(): boolean {
    return this.syncedValue;
  }

  on(event: string, listener: Listener): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }

  off(event: string, listener: Listener): void {
    this.listeners.get(event)?.delete(listener);
  }

  connect(): void {
    this.connects++;
  }

  disconnect(): void {
    this.disconnects++;
    if (this.ws) this.close(null);
  }

  /** A socket opens and the server's sync step 2 arrives. */
  open(): void {
    this.ws = {} as WebSocket;
    this.setSynced(true);
  }

  /** The socket closes (y-websocket: synced false, then connection-close). */
  close(event: { code: number; reason: string } | null): void {
    this.ws = null;
    this.setSynced(false);
    this.emit('connection-close', event);
  }

  /** A close event of an earlier socket that arrives after the current one synced. */
  staleClose(): void {
    this.emit('connection-close', null);
  }

  private setSynced(value: boolean): void {
    if (this.syncedValue === value) return;
    this.syncedValue = value;
    this.emit('sync', value);
  }

  private emit(event: string, arg: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (a: unknown) => void)(arg);
  }
}

class FakeNetwork implements Network {
  onLine = true;
  private readonly listeners = new Set<() => void>();
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** Sets navigator.onLine and fires the matching window event. */
  fire(onLine: boolean): void {
    this.onLine = onLine;
    this.listeners.forEach((l) => l());
  }
}

describe('ConnectionTracker', () => {
  let provider: FakeProvider;
  let network: FakeNetwork;
  let tracker: ConnectionTracker;

  beforeEach(() => {
    vi.useFakeTimers();
    provider = new FakeProvider();
    network = new FakeNetwork();
    tracker = new ConnectionTracker(provider, { whenSynced: Promise.resolve() } as never, network);
  });

  afterEach(() => {
    tracker.destroy();
    vi.useRealTimers();
  });

  it('goes live on the first sync', () => {
    expect(tracker.current.phase).toBe('connecting');
    provider.open();
    expect(tracker.current.phase).toBe('live');
  });

  it('an online event that arrives after the socket re-synced keeps "live" and opens no second connection', () => {
    provider.open();
    network.fire(false);
    expect(tracker.current.phase).toBe('offline');
    expect(provider.disconnects).toBe(1);
    // The socket comes back before the browser says the network did.
    provider.open();
    expect(tracker.current.phase).toBe('live');
    network.fire(true);
    expect(tracker.current.phase).toBe('live');
    expect(provider.connects).toBe(0);
  });

  it('an online event while not synced reconnects at once', () => {
    provider.open();
    network.fire(false);
    network.fire(true);
    expect(tracker.current.phase).toBe('reconnecting');
    expect(provider.connects).toBe(1);
    provider.open();
    expect(tracker.current.phase).toBe('live');
  });

  it('the watchdog restores "live" whenever the provider is synced', () => {
    provider.open();
    // Something set a non-live phase while the socket stayed synced: no sync event will follow.
    provider.staleClose();
    expect(provider.synced).toBe(true);
    expect(tracker.current.phase).toBe('reconnecting');
    vi.advanceTimersByTime(1_000);
    expect(tracker.current.phase).toBe('live');
  });

  it('edits made while not live are marked unsynced until the next sync', () => {
    provider.open();
    provider.close(null);
    expect(tracker.current.phase).toBe('reconnecting');
    provider.doc.getMap('m').set('k', 1);
    expect(tracker.current.unsynced).toBe(true);
    provider.open();
    expect(tracker.current).toMatchObject({ phase: 'live', unsynced: false });
  });

  it('a fatal close stays fatal: neither the watchdog nor a sync of another socket hides it', () => {
    provider.open();
    provider.close({ code: CloseCode.LinkRevoked, reason: '' });
    expect(tracker.current.phase).toBe('fatal');
    network.fire(true);
    provider.open();
    vi.advanceTimersByTime(3_000);
    expect(tracker.current.phase).toBe('fatal');
  });

  it('a socket that never hears from the server is replaced after the deadline', () => {
    provider.ws = {
      addEventListener: () => undefined,
    } as unknown as WebSocket;
    vi.advanceTimersByTime(1_000);
    expect(provider.connects).toBe(0);
    vi.advanceTimersByTime(9_000);
    expect(provider.disconnects).toBe(1);
    expect(provider.connects).toBe(1);
  });
});
