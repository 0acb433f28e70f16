// Shared by the relay's unit tests: limits generous enough never to shape a test
// (each test narrows the one it exercises) and a logger that says nothing.
import type { RelayLimits } from './types.ts';

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
