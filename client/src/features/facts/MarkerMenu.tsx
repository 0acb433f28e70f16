// "Mark as detected" (or started, acknowledged, mitigated, resolved) from a timeline
// entry: sets that incident marker to the entry's time. A native select, so it is
// reached with Tab and chosen with the arrow keys.
import { INCIDENT_MARKERS, setIncidentTime, type IncidentMarker } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { MARKER_LABELS } from './markerLabels.ts';
import './facts.css';

export function MarkerMenu({ at, label, current }: { at: number; label: string; current: readonly IncidentMarker[] }) {
  const { sync, ctx, canWrite } = useReview();
  if (!canWrite) return null;
  return (
    <select
      className="marker-select"
      value=""
      aria-label={`Mark ${label} as an incident marker`}
      data-testid="mark-as"
      onChange={(e) => {
        const marker = e.target.value as IncidentMarker;
        if (INCIDENT_MARKERS.includes(marker)) setIncidentTime(sync.doc, { marker, at }, ctx);
      }}
    >
      <option value="">Mark as…</option>
      {INCIDENT_MARKERS.map((m) => (
        <option key={m} value={m}>
          {MARKER_LABELS[m]}
          {current.includes(m) ? ' ✓' : ''}
        </option>
      ))}
    </select>
  );
}

/** The markers set at exactly this entry's time, as small badges. */
export function MarkerBadges({ markers }: { markers: readonly IncidentMarker[] }) {
  if (markers.length === 0) return null;
  return (
    <>
      {markers.map((m) => (
        <span key={m} className="marker-badge" data-testid="marker-badge">
          {MARKER_LABELS[m]}
        </span>
      ))}
    </>
  );
}
