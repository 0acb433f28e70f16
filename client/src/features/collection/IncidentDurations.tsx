// Time to detect, acknowledge, mitigate and resolve, from the incident markers, for the header.
import { DURATION_SPANS, formatDuration, incidentDurations, type MetaView } from '@hindsight/doc';

/** The spans the header shows (the product's definitions; see DURATION_SPANS). */
const SHOWN = ['detect', 'acknowledge', 'mitigate', 'resolve'] as const;

export function IncidentDurations({ meta }: { meta: MetaView }) {
  const d = incidentDurations(meta);
  if (SHOWN.every((key) => d[key] === null)) return null;
  return (
    <dl className="incident-durations" aria-label="Incident durations" data-testid="incident-durations">
      {SHOWN.map((key) => {
        const { short, label, explain } = DURATION_SPANS[key];
        const long = `${label}: ${explain}`;
        return (
          <div key={key} title={long}>
            <dt>
              <abbr title={long}>{short}</abbr>
            </dt>
            <dd>{d[key] === null ? '—' : formatDuration(d[key])}</dd>
          </div>
        );
      })}
    </dl>
  );
}
