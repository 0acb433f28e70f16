// The report page (`/r/<id>/report`): the published report for whoever holds a link, amendments, downloads.
import { useEffect, useMemo, useState } from 'react';
import { ApiFailure, callApi } from '@hindsight/api';
import { openAsReader } from '../published/publishedApi.ts';
import { loadToken, saveToken } from '../../app/localStore.ts';
import { Amendments } from './Amendments.tsx';
import { ReportDownloads } from './ReportDownloads.tsx';
import { ReportFrame } from './ReportFrame.tsx';
import { fetchExport, type ReportOptions } from './reportApi.ts';
import { useApi } from './useApi.ts';
import './report.css';

export function ReportPage({ reviewId, linkToken }: { reviewId: string; linkToken: string | null }) {
  const token = useMemo(() => {
    if (linkToken) saveToken(reviewId, linkToken);
    return linkToken ?? loadToken(reviewId);
  }, [reviewId, linkToken]);
  const session = useApi(token ? `s:${reviewId}` : null, () =>
    callApi('GET /api/reviews/:id/session', { params: { id: reviewId }, token }).catch(async (err: unknown) => {
      // A reader link has only the published review: go there.
      if (err instanceof ApiFailure && err.status === 403 && (await openAsReader(reviewId, token!)))
        return new Promise<never>(() => undefined);
      throw err;
    }),
  );
  const publication = useApi(token ? `p:${reviewId}` : null, () =>
    callApi('GET /api/reviews/:id/publication', { params: { id: reviewId }, token }),
  );
  const [anonymised, setAnonymised] = useState(true);
  const [current, setCurrent] = useState(false);
  const published = publication.data?.published ?? false;
  const query: ReportOptions = { anonymised, version: published && !current ? 'published' : 'current' };
  const key = publication.data && token ? `${reviewId}:${anonymised}:${query.version}` : null;
  const report = useApi(key, () => fetchExport(reviewId, token!, 'html', query));
  const title = session.data?.title ?? 'Report';

  useEffect(() => {
    document.title = `${title} · report · Hindsight`;
  }, [title]);

  if (!token) {
    return (
      <main className="centered">
        <div className="card" role="alert">
          <h1>This report cannot be opened</h1>
          <p>The link has no access token. Ask the facilitator for the full reader link.</p>
        </div>
      </main>
    );
  }
  const error = session.error ?? publication.error ?? report.error;
  return (
    <div className="report-page">
      <header className="review-header">
        <div className="review-title">
          <a href="/" className="home-link" aria-label="Hindsight home">
            ◐
          </a>
          <h1>{title}</h1>
          <span className={`badge badge-${published ? 'published' : 'reviewing'}`}>
            {published ? (current ? 'current version' : 'published') : 'draft'}
          </span>
        </div>
        <nav className="header-meta" aria-label="Report">
          <a href={`/r/${encodeURIComponent(reviewId)}`}>Open the review</a>
        </nav>
      </header>
      <main className="report-main">
        {error && (
          <p className="banner banner-danger" role="alert">
            The report could not be loaded: {error}
          </p>
        )}
        {publication.data && !published && (
          <p className="banner" role="status">
            Not published yet: this is the current draft, which may still change.
          </p>
        )}
        {publication.data && <Amendments info={publication.data} />}
        {/* Nothing to choose or download while the report cannot be read. */}
        {!error && publication.data && (
          <div className="report-controls">
            <label className="check">
              <input type="checkbox" checked={anonymised} onChange={(e) => setAnonymised(e.target.checked)} />
              Anonymised (pseudonyms, personal data redacted)
            </label>
            {published && publication.data?.amended && (
              <label className="check">
                <input type="checkbox" checked={current} onChange={(e) => setCurrent(e.target.checked)} />
                Show the current version with amendments
              </label>
            )}
            <ReportDownloads reviewId={reviewId} token={token} query={query} />
          </div>
        )}
        {report.data ? (
          <ReportFrame html={report.data} title={`${title}: report`} />
        ) : (
          !error && <p className="muted">Loading the report…</p>
        )}
      </main>
    </div>
  );
}
