// "As known at T" at a glance: which markers had been reached, how much was on record, which delays were running.
import { INCIDENT_MARKERS, type EntryView, type IncidentMarker, formatDuration } from '@hindsight/doc';
import { LocalTime } from '../../ui/LocalTime.tsx';
import type { DelayAt } from './delaysAt.ts';

export interface KnownAtTProps {
  position: number;
  markers: Record<IncidentMarker, number | null>;
  known: number;
  total: number;
  delays: DelayAt[];
  byId: ReadonlyMap<string, EntryView>;
}

export function KnownAtT({ position, markers, known, total, delays, byId }: KnownAtTProps) {
  return (
    <aside className="known-at" aria-label="As known at this moment" data-testid="known-at">
      <h2>
        As known at <LocalTime ms={position} />
      </h2>
      <ul className="marker-list">
        {INCIDENT_MARKERS.map((m) => {
          const t = markers[m];
          const reached = t !== null && t <= position;
          return (
            <li key={m} className={reached ? 'is-reached' : ''} data-testid={`marker-${m}`}>
              <span aria-hidden="true">{reached ? '●' : '○'}</span> {m[0]!.toUpperCase() + m.slice(1)}{' '}
              {reached ? <LocalTime ms={t} /> : <span className="muted">not yet</span>}
            </li>
          );
        })}
      </ul>
      <p className="small">
        <strong>{known}</strong> of {total} entries on record
      </p>
      {delays.length > 0 && (
        <ul className="delay-list">
          {delays.map((d) => {
            const from = d.fromEntryId ? byId.get(d.fromEntryId)?.summary : null;
            return (
              <li key={`${d.kind}:${d.fromAt}`} className={d.ongoing ? 'is-ongoing' : ''} data-testid="replay-delay">
                <strong>{d.kind === 'alert_response' ? 'Alert unanswered' : 'Detection to mitigation'}</strong>{' '}
                {formatDuration(d.gapMs)}
                {d.ongoing ? ' and counting' : ''}
                {from ? <span className="muted"> · {from}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
