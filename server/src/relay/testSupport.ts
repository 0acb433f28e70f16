// Shared by the relay's unit tests (and the store's migration contract): limits
// generous enough never to shape a test (each test narrows the one it
// exercises), a logger that says nothing, a real in-memory store holding one
// review and a registry over it.
import { onTestFinished } from 'vitest';
import { openSqliteStore } from '../storage/sqlite.ts';
import type { DocumentLog, Store } from '../storage/store.ts';
import { RoomRegistry, type RegistryDeps } from './registry.ts';
import { noMetrics, type RelayLimits } from './types.ts';

export const testLimits: RelayLimits = {
  maxDocBytes: 1 << 20,
  updatesPerSecond: 1000,
  awarenessPerSecond: 100,
  messagesPerSecond: 5000,
  bytesPerSecond: 1 << 24,
  maxFrameBytes: 1 << 21,
  syncRequestsPerSecond: 100,
  maxAwarenessStateBytes: 4096,
  maxBufferedBytes: 1 << 20,
  maxMessagesWhileLoading: 100,
  compactDebounceMs: 10,
  compactEveryUpdates: 5,
  compactMinIntervalMs: 0,
  idleUnloadMs: 0,
};

export const silentLog = { debug() {}, info() {}, warn() {}, error() {} };

/** A real SQLite store in memory holding review `id`, created with `initial`; closed when the test ends. */
export async function storeWithReview(initial: Uint8Array, id = 'r'): Promise<Store> {
  const store = openSqliteStore({ dataDir: ':memory:' });
  onTestFinished(() => store.close());
  await store.createReview({ id, title: id.toUpperCase(), createdAt: 1 }, [], initial);
  return store;
}

/** A registry as the relay's tests use it: `testLimits`, no metrics, a silent log; `deps` overrides any of them. */
export function testRegistry(store: DocumentLog, deps: Partial<RegistryDeps> = {}): RoomRegistry {
  return new RoomRegistry({ store, limits: testLimits, metrics: noMetrics, log: silentLog, ...deps });
}
