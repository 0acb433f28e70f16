// `/insights/quarter`: the quarterly process review — how the review process did over one quarter,
// with the survey's trend as a chart (its table as the text alternative) and a Markdown export.
import { useEffect, useMemo, useState } from 'react';
import { quarterOf } from '@hindsight/report';
import { ChartFigure } from '../followup/ChartFigure.tsx';
import { TeamToken } from '../followup/TeamToken.tsx';
import { PageHeader } from '../followup/PageHeader.tsx';
import { UPlotChart } from '../followup/UPlotChart.tsx';
import { useTeamApi } from '../followup/useTeamApi.ts';
import { feedbackTrendChart } from './feedbackChart.ts';
import { fetchQuarter, fetchQuarterMarkdown } from './quarterApi.ts';
import { FactorsAndRepeats, FeedbackTrendTable, ProcessTable, TemplateVersionsTable } from './QuarterTables.tsx';
import '../publish/publish.css';
import '../followup/followup.css';
import './quarter.css';

/** The current quarter and the seven before it, newest first. */
function recentQuarters(now: number): string[] {
  const d = new Date(now);
  return Array.from({ length: 8 }, (_, i) => quarterOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 3 * i, 1)));
}

export function QuarterPage() {
  const quarters = useMemo(() => recentQuarters(Date.now()), []);
  const [quarter, setQuarter] = useState(() => new URLSearchParams(location.search).get('quarter') ?? quarters[0]!);
  const state = useTeamApi(`quarter|${quarter}`, (token) => fetchQuarter(quarter, token));
  const [exportError, setExportError] = useState<string | null>(null);
  useEffect(() => {
    document.title = `Process review ${quarter} · Hindsight`;
  }, [quarter]);
  const q = state.data;
  const chart = useMemo(() => (q ? feedbackTrendChart(q) : null), [q]);
  const download = (): void => {
    setExportError(null);
    fetchQuarterMarkdown(quarter, state.token)
      .then((md) => {
        const url = URL.createObjectURL(new Blob([md], { type: 'text/markdown' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = `process-review-${quarter}.md`;
        a.click();
        URL.revokeObjectURL(url);
      })
      .catch((err: unknown) => setExportError(err instanceof Error ? err.message : String(err)));
  };
  if (state.needsToken) {
    return (
      <div className="followup-page">
        <PageHeader title="Quarterly process review" current="quarter" />
        <main className="followup-main">
          <TeamToken onToken={state.setToken} failed={state.token !== null} message={state.error} />
        </main>
      </div>
    );
  }
  return (
    <div className="followup-page">
      <PageHeader title="Quarterly process review" current="quarter" />
      <main className="followup-main quarter-main">
        <div className="quarter-controls">
          <label className="field">
            <span>Quarter</span>
            <select className="input" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
              {[...new Set([quarter, ...quarters])].map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          </label>
          <button type="button" className="btn" onClick={download} data-testid="quarter-export">
            Export as Markdown
          </button>
          {exportError && (
            <p className="error-text" role="alert">
              {exportError}
            </p>
          )}
        </div>
        {state.error && (
          <p className="banner banner-danger" role="alert">
            {state.error}
          </p>
        )}
        {q && chart && (
          <>
            <p className="muted">
              Reviews of incidents from {q.from} up to {q.until} (UTC). Use it in the meeting that reviews the process:
              what to keep, what to change in the template.
            </p>
            <section className="card quarter-card" aria-labelledby="q-process">
              <h2 id="q-process">The process</h2>
              <ProcessTable q={q} />
            </section>
            <ChartFigure
              id="chart-feelings"
              title="How participants felt"
              summary={`${q.answers} survey answers this quarter; a month shows its means from three answers on.`}
              chart={q.answers === 0 ? <p className="muted">No survey answers yet.</p> : <UPlotChart {...chart} />}
              table={<FeedbackTrendTable q={q} />}
            />
            <FactorsAndRepeats q={q} />
            <TemplateVersionsTable q={q} />
          </>
        )}
        {state.loading && !q && <p className="muted">Loading…</p>}
      </main>
    </div>
  );
}
