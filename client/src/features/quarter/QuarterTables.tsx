// The quarterly page's figures as tables (and the chart's text alternative).
import { factorLabel } from '@hindsight/doc';
import { FEEDBACK_SCALES } from '@hindsight/protocol';
import { templateName, type QuarterReport } from '@hindsight/report';

const h = (v: number | null): string => (v === null ? '—' : `${v} h`);
const pct = (v: number | null): string => (v === null ? '—' : `${Math.round(v * 100)} %`);

export function ProcessTable({ q }: { q: QuarterReport }) {
  const rows: [string, string][] = [
    ['Reviews held', String(q.reviews.held)],
    ['Published', String(q.reviews.published)],
    ['Median time from incident to first timeline entry', h(q.medianHours.toFirstEntry)],
    ['Median time from incident to the meeting', h(q.medianHours.toMeeting)],
    ['Median time from incident to publication', h(q.medianHours.toPublication)],
    [
      'Collection started within 24 hours',
      `${pct(q.collectionWithin24h.share)} (${q.collectionWithin24h.count} of ${q.collectionWithin24h.of})`,
    ],
    ['Action items done', `${q.actions.done} of ${q.actions.total} (${pct(q.actions.completionRate)})`],
    ['Action items overdue', String(q.actions.overdue)],
  ];
  return (
    <table className="table" data-testid="quarter-figures">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FeedbackTrendTable({ q }: { q: QuarterReport }) {
  return (
    <table className="table chart-table">
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Answers</th>
          {FEEDBACK_SCALES.map((s) => (
            <th scope="col" key={s.key}>
              {s.question}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {q.feedbackTrend.map((t) => (
          <tr key={t.month}>
            <th scope="row">{t.month}</th>
            <td>{t.answers}</td>
            {FEEDBACK_SCALES.map((s) => (
              <td key={s.key}>{t.means[s.key] === null ? '—' : t.means[s.key]!.toFixed(1)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FactorsAndRepeats({ q }: { q: QuarterReport }) {
  return (
    <div className="quarter-lists">
      <section className="card quarter-card" aria-labelledby="q-factors">
        <h2 id="q-factors">Most frequent contributing factors</h2>
        {q.factorCategories.length === 0 ? (
          <p className="muted">No contributing factors marked this quarter.</p>
        ) : (
          <table className="table">
            <tbody>
              {q.factorCategories.map((f) => (
                <tr key={f.category}>
                  <th scope="row">{factorLabel(f.category)}</th>
                  <td>{f.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card quarter-card" aria-labelledby="q-repeats">
        <h2 id="q-repeats">Repeat incidents</h2>
        {q.repeatIncidents.length === 0 ? (
          <p className="muted">No review this quarter links an earlier one.</p>
        ) : (
          <ul>
            {q.repeatIncidents.map((r) => (
              <li key={r.reviewId}>
                {r.title || r.reviewId}, after {r.earlier.map((e) => e.title ?? e.reviewId).join('; ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card quarter-card" aria-labelledby="q-change" data-testid="quarter-change">
        <h2 id="q-change">What participants would change</h2>
        {q.whatToChange.length === 0 ? (
          <p className="muted">
            {q.answers < 3 ? 'Shown from three answers in the quarter on.' : 'Nobody wrote a change.'}
          </p>
        ) : (
          <ul>
            {q.whatToChange.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The template versions the quarter's reviews started from, each linked to what it changed from the one before. */
export function TemplateVersionsTable({ q }: { q: QuarterReport }) {
  return (
    <section className="card quarter-card" aria-labelledby="q-templates">
      <h2 id="q-templates">Template versions in use</h2>
      {q.templateVersions.length === 0 ? (
        <p className="muted">No reviews this quarter.</p>
      ) : (
        <table className="table" data-testid="quarter-templates">
          <thead>
            <tr>
              <th scope="col">Template</th>
              <th scope="col">Reviews</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {q.templateVersions.map((t) => (
              <tr key={String(t.version)}>
                <th scope="row">{templateName(t.version)}</th>
                <td>{t.reviews}</td>
                <td>
                  {t.version !== null && t.version > 0 && (
                    <a href={`/insights/template/diff?from=${t.version - 1}&to=${t.version}`}>
                      What changed from {t.version - 1}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {q.templateVersions.filter((t) => t.version !== null).length > 1 && (
        <p>
          <a
            href={`/insights/template/diff?from=${q.templateVersions.find((t) => t.version !== null)!.version}&to=${q.templateVersions.at(-1)!.version}`}
          >
            Everything that changed over the quarter
          </a>
        </p>
      )}
    </section>
  );
}
