// In the review's report tab: whether and when it was published, amendments, the report page and downloads.
import { useEffect } from 'react';
import { callApi } from '@hindsight/api';
import { loadShareLinks, loadToken } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Amendments } from './Amendments.tsx';
import { ReportDownloads } from './ReportDownloads.tsx';
import { useApi } from './useApi.ts';

export function PublicationStatus({ version }: { version: number }) {
  const { sync, role } = useReview();
  const token = loadToken(sync.reviewId);
  const info = useApi(token ? `${sync.reviewId}:${version}` : null, () =>
    callApi('GET /api/reviews/:id/publication', { params: { id: sync.reviewId }, token }),
  );
  // Amendments appear as the document changes; look again every half minute while the tab is open.
  useEffect(() => {
    const timer = setInterval(info.reload, 30_000);
    return () => clearInterval(timer);
  }, [info.reload]);
  const reader = role === 'facilitator' ? loadShareLinks(sync.reviewId).reader : undefined;
  const published = info.data?.published ?? false;
  return (
    <section className="card" aria-labelledby="publication-h" data-testid="publication-status">
      <h2 id="publication-h">Report</h2>
      {info.error && (
        <p className="error-text" role="alert">
          {info.error}
        </p>
      )}
      {info.data && !published && <p className="muted">Not published yet.</p>}
      {info.data && <Amendments info={info.data} />}
      <p>
        <a href={`/r/${encodeURIComponent(sync.reviewId)}/report`} data-testid="open-report">
          {published ? 'Open the report page' : 'Open the draft report'}
        </a>
      </p>
      {reader && (
        <p className="small">
          Reader link (the published, anonymised report and replay; nothing before you publish):{' '}
          <CopyButton text={reader} label="Copy the reader link" />
        </p>
      )}
      {token && <ReportDownloads reviewId={sync.reviewId} token={token} query={{ anonymised: true }} />}
    </section>
  );
}
