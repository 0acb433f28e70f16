// `/actions`: every action item on this server, filtered, with completion rate and overdue count, CSV and .ics.
import { useEffect, useMemo, useState } from 'react';
import { fetchApiText } from '@hindsight/api';
import { saveFile } from '../report/reportApi.ts';
import { ActionFilters } from './ActionFilters.tsx';
import { ActionsTable } from './ActionsTable.tsx';
import { actionsQuery, fetchActions, type ActionQuery } from './followupApi.ts';
import { TeamToken } from './TeamToken.tsx';
import { PageHeader } from './PageHeader.tsx';
import { useTeamApi } from './useTeamApi.ts';
import '../publish/publish.css';
import '../report/report.css';
import './followup.css';

const percent = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 100)} %`);

export function ActionsPage() {
  // `/actions?review=<id>` (linked from a review) opens filtered to that review's items.
  const [query, setQuery] = useState<ActionQuery>(() => {
    const review = new URLSearchParams(location.search).get('review');
    return review ? { review } : {};
  });
  const wire = actionsQuery(query);
  const actions = useTeamApi(`actions${JSON.stringify(wire)}`, (token) => fetchActions(query, token));
  const all = useTeamApi('actions-all', (token) => fetchActions({}, token));
  const [download, setDownload] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Action items · Hindsight';
  }, []);
  const reviews = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of all.data?.items ?? []) seen.set(a.reviewId, a.reviewTitle);
    return [...seen].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title));
  }, [all.data]);
  const get = (ext: 'csv' | 'ics'): void => {
    setDownload(null);
    const request = { query: wire, token: actions.token };
    (ext === 'csv' ? fetchApiText('GET /api/actions.csv', request) : fetchApiText('GET /api/actions.ics', request))
      .then((body) => saveFile(body, `action-items.${ext}`, ext === 'csv' ? 'text/csv' : 'text/calendar'))
      .catch((err: unknown) => setDownload(err instanceof Error ? err.message : String(err)));
  };
  const setToken = (t: string | null): void => {
    actions.setToken(t);
    all.setToken(t);
  };
  const stats = actions.data?.stats;
  if (actions.needsToken) {
    return (
      <div className="followup-page">
        <PageHeader title="Action items" current="actions" />
        <main className="followup-main">
          <TeamToken onToken={setToken} failed={actions.token !== null} message={actions.error} />
        </main>
      </div>
    );
  }
  return (
    <div className="followup-page">
      <PageHeader title="Action items" current="actions" />
      <main className="followup-main">
        {actions.error && (
          <p className="banner banner-danger" role="alert">
            {actions.error}
          </p>
        )}
        {stats && (
          <dl className="stat-row" aria-label="Summary of the listed items">
            <div className="stat">
              <dt>Completion rate</dt>
              <dd data-testid="completion-rate">{percent(stats.completionRate)}</dd>
            </div>
            <div className={`stat${stats.overdue ? ' stat-bad' : ''}`}>
              <dt>Overdue</dt>
              <dd data-testid="overdue-count">{stats.overdue}</dd>
            </div>
            <div className="stat">
              <dt>Open</dt>
              <dd>{stats.open}</dd>
            </div>
            <div className="stat">
              <dt>Done</dt>
              <dd>{stats.done}</dd>
            </div>
            <div className="stat">
              <dt>Total</dt>
              <dd>{stats.total}</dd>
            </div>
          </dl>
        )}
        <ActionFilters query={query} onChange={setQuery} reviews={reviews} />
        <div className="report-downloads" role="group" aria-label="Export the listed items">
          <button type="button" className="btn btn-small" onClick={() => get('csv')}>
            Download CSV (Jira, GitHub)
          </button>
          <button type="button" className="btn btn-small" onClick={() => get('ics')}>
            Download calendar (.ics)
          </button>
          {download && (
            <p className="error-text" role="alert">
              Download failed: {download}
            </p>
          )}
        </div>
        {actions.data && <ActionsTable items={actions.data.items} />}
        {actions.loading && !actions.data && <p className="muted">Loading…</p>}
      </main>
    </div>
  );
}
