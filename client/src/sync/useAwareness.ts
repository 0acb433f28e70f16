// Hooks over the provider's awareness: everyone present, and this client's own fields.
import { useCallback, useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface Peer<S> {
  clientId: number;
  state: S;
  self: boolean;
}

/** Every awareness state, self included, re-read on each change (throttled to a frame). */
export function useAwarenessStates<S extends object>(awareness: Awareness): Peer<S>[] {
  const read = useCallback(
    (): Peer<S>[] =>
      [...awareness.getStates().entries()].map(([clientId, state]) => ({
        clientId,
        state: state as S,
        self: clientId === awareness.clientID,
      })),
    [awareness],
  );
  const [peers, setPeers] = useState(read);
  useEffect(() => {
    let frame = 0;
    const onChange = (): void => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setPeers(read());
      });
    };
    awareness.on('change', onChange);
    onChange();
    return () => {
      awareness.off('change', onChange);
      cancelAnimationFrame(frame);
    };
  }, [awareness, read]);
  return peers;
}

/** Sets one field of the local awareness state (e.g. `editing`). */
export function setLocalField(awareness: Awareness, field: string, value: unknown): void {
  const current = awareness.getLocalState() as Record<string, unknown> | null;
  if (current && JSON.stringify(current[field]) === JSON.stringify(value)) return;
  awareness.setLocalStateField(field, value);
}
