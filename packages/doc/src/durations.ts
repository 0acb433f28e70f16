// Time to detect, acknowledge, mitigate and resolve, from the incident markers in `meta`.
import type { IncidentMarker } from './schema.ts';

export interface IncidentDurations {
  /** started → detected */
  detect: number | null;
  /** detected → acknowledged (how long the page waited for a person) */
  acknowledge: number | null;
  /** started → mitigated (impact over) */
  mitigate: number | null;
  /** started → resolved */
  resolve: number | null;
}

/** Each span needs both of its markers, and a marker before its start reads as unknown (null). */
export function incidentDurations(meta: {
  markers: Readonly<Record<IncidentMarker, number | null>>;
}): IncidentDurations {
  const m = meta.markers;
  const span = (from: number | null, to: number | null): number | null =>
    from === null || to === null || to < from ? null : to - from;
  return {
    detect: span(m.started, m.detected),
    acknowledge: span(m.detected, m.acknowledged),
    mitigate: span(m.started, m.mitigated),
    resolve: span(m.started, m.resolved),
  };
}
