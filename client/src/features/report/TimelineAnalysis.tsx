// The Report tab's timeline analysis, live: the same section the exports print
// (@hindsight/report buildTimelineAnalysis), in the viewer's time zone.
import { useMemo } from 'react';
import { annotationKindLabel, formatDuration, readAnnotations, readTimeline, roots } from '@hindsight/doc';
import { DURATION_LABELS, buildTimelineAnalysis, delayLabel } from '@hindsight/report';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYVersion } from '../../sync/useY.ts';
import { LocalTime } from '../../ui/LocalTime.tsx';

const length = (ms: number | null): string => (ms === null ? '—' : formatDuration(ms));

export function TimelineAnalysis() {
  const { sync } = useReview();
  const r = roots(sync.doc);
  const v = useYVersion(r.timeline) + useYVersion(r.annotations) + useYVersion(r.meta);
  const a = useMemo(
    () => buildTimelineAnalysis(sync.doc, readTimeline(sync.doc), readAnnotations(sync.doc)),
    // `v` is the change counter of the three roots: it is what makes the memo re-read.
    [sync.doc, v],
  );
  return (
    <section className="card analysis" aria-labelledby="analysis-h" data-testid="timeline-analysis">
      <h3 id="analysis-h">Timeline analysis</h3>
      <dl className="analysis-durations" aria-label="Incident durations">
        {DURATION_LABELS.map(([key, label, span]) => (
          <div key={key}>
            <dt title={span}>{label}</dt>
            <dd>{length(a.durations[key])}</dd>
          </div>
        ))}
      </dl>
      <h4>Delays</h4>
      {a.delays.length === 0 ? (
        <p className="muted">
          No delays over the thresholds ({formatDuration(a.thresholds.alertResponseMs)} from an alert to a response,{' '}
          {formatDuration(a.thresholds.detectMitigateMs)} from detection to mitigation).
        </p>
      ) : (
        <ul className="analysis-list">
          {a.delays.map((d) => (
            <li key={`${d.kind}-${d.fromAt}`}>
              <strong>{delayLabel(d.kind)}</strong>: {formatDuration(d.gapMs)} from <LocalTime ms={d.fromAt} />{' '}
              {d.from && <span className="muted">({d.from})</span>}{' '}
              {d.answered ? (
                <>
                  to <LocalTime ms={d.toAt} /> {d.to && <span className="muted">({d.to})</span>}
                </>
              ) : (
                <em>with no response yet</em>
              )}
            </li>
          ))}
        </ul>
      )}
      <h4>Annotated moments</h4>
      {a.moments.length === 0 ? (
        <p className="muted">No entry is annotated as a delay, missing information or failed automation yet.</p>
      ) : (
        <ul className="analysis-list">
          {a.moments.map((m, i) => (
            <li key={i}>
              <LocalTime ms={m.entryAt} /> <span className="chip">{annotationKindLabel(m.kind)}</span> {m.entrySummary}
              {m.text.trim() && <span className="analysis-note"> — {m.text}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
