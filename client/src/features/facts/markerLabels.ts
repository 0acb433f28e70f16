// How the incident markers read in the facts panel and the timeline's "mark as" menu, and which sit where.
import { INCIDENT_MARKERS, type IncidentMarker } from '@hindsight/doc';

export const MARKER_LABELS: Record<IncidentMarker, string> = {
  started: 'Started',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

/** Which markers sit at which instant, for the timeline rows' badges. */
export function markersByTime(markers: Record<IncidentMarker, number | null>): Map<number, IncidentMarker[]> {
  const byAt = new Map<number, IncidentMarker[]>();
  for (const m of INCIDENT_MARKERS) {
    const at = markers[m];
    if (at !== null) byAt.set(at, [...(byAt.get(at) ?? []), m]);
  }
  return byAt;
}
