// Time to detect, acknowledge, mitigate and resolve, from the incident markers, for the header.
import { incidentDurations, type MetaView } from '@hindsight/doc';
import { formatDuration } from '../../app/timeZone.ts';

const SPANS = [
  ['detect', 'TTD', 'Time to detect: incident start to detection'],
  ['acknowledge', 'TTA', 'Time to acknowledge: detection to a person acknowledging'],
  ['mitigate', 'TTM', 'Time to mitigate: incident start to mitigation'],
  ['resolve', 'TTR', 'Time to resolve: incident start to resolution'],
] as const;

export function IncidentDurations({ meta }: { meta: MetaView }) {
  const d = incidentDurations(meta);
  if (SPANS.every(([key]) => d[key] === null)) return null;
  return (
    <dl className="incident-durations" aria-label="Incident durations" data-testid="incident-durations">
      {SPANS.map(([key, short, long]) => (
        <div key={key} title={long}>
          <dt>
            <abbr title={long}>{short}</abbr>
          </dt>
          <dd>{d[key] === null ? '—' : formatDuration(d[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
