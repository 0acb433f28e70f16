// The spotlight: one entry or whys node the facilitator points at, carried in the facilitator's awareness state.
import type { Awareness } from 'y-protocols/awareness';
import type { Peer } from '../../sync/useAwareness.ts';
import { setLocalField } from '../../sync/useAwareness.ts';

export type TargetKind = 'entry' | 'why';

/** What the facilitator points at; `at` tells a re-spotlight of the same record from the last one. */
export interface Spotlight {
  kind: TargetKind;
  id: string;
  at: number;
}

/** The awareness field that carries it. */
export const SPOTLIGHT_FIELD = 'spotlight';

function isSpotlight(value: unknown): value is Spotlight {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (v.kind === 'entry' || v.kind === 'why') && typeof v.id === 'string' && typeof v.at === 'number';
}

interface SpotlightState {
  user?: { role?: unknown };
  spotlight?: unknown;
}

/**
 * The spotlight in force: the newest one set by a facilitator. Remote peers' roles
 * are stamped by the server, so only a real facilitator's state counts; our own
 * state carries no stamp locally, so it counts when `selfIsFacilitator`.
 */
export function currentSpotlight(peers: readonly Peer<SpotlightState>[], selfIsFacilitator: boolean): Spotlight | null {
  let best: Spotlight | null = null;
  for (const peer of peers) {
    const facilitator = peer.self ? selfIsFacilitator : peer.state.user?.role === 'facilitator';
    const s = peer.state.spotlight;
    if (facilitator && isSpotlight(s) && (!best || s.at > best.at)) best = s;
  }
  return best;
}

/** Points everyone at a record, or (null) turns the spotlight off. */
export function setSpotlight(
  awareness: Awareness,
  target: { kind: TargetKind; id: string } | null,
  now = Date.now(),
): void {
  setLocalField(awareness, SPOTLIGHT_FIELD, target ? { ...target, at: now } : null);
}
