// React hook over the ConnectionTracker.
import { useSyncExternalStore } from 'react';
import type { ConnectionState, ConnectionTracker } from './connection.ts';

export function useConnection(tracker: ConnectionTracker): ConnectionState {
  return useSyncExternalStore(tracker.subscribe, () => tracker.current);
}
