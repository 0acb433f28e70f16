// How the incident markers read in the facts panel and the timeline's "mark as" menu.
import type { IncidentMarker } from '@hindsight/doc';

export const MARKER_LABELS: Record<IncidentMarker, string> = {
  started: 'Started',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};
