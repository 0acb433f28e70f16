// Opens `/read/<id>#t=<token>`, where a reader link lands: the published review only. Before the first
// publication it says the review is being written and since when; nothing of the review itself.
import { useEffect, useMemo } from 'react';
import { loadToken, saveToken } from '../../app/localStore.ts';
import { useApi } from '../report/useApi.ts';
import { When } from '../report/When.tsx';
import { fetchPublished } from './publishedApi.ts';
import { PublishedPage } from './PublishedPage.tsx';
import '../report/report.css';
import '../replay/replay.css';

export function PublishedRoute({ reviewId, linkToken }: { reviewId: string; linkToken: string | null }) {
  const token = useMemo(() => {
    if (linkToken) saveToken(reviewId, linkToken);
    return linkToken ?? loadToken(reviewId);
  }, [reviewId, linkToken]);
  const info = useApi(token ? `published:${reviewId}` : null, () => fetchPublished(reviewId, token!));
  const published = info.data?.published === true;
  useEffect(() => {
    if (!published) document.title = 'Review in progress · Hindsight';
  }, [published]);

  if (!token || (info.error && !info.data)) {
    return (
      <main className="centered">
        <div className="card" role="alert">
          <h1>This review cannot be opened</h1>
          <p>{info.error ?? 'The link has no access token. Ask the facilitator for the full reader link.'}</p>
        </div>
      </main>
    );
  }
  if (!info.data) return <p className="centered muted">Opening the review…</p>;
  if (!info.data.published) {
    return (
      <main className="centered">
        <div className="card" role="status" data-testid="review-in-progress">
          <h1>This review is being written</h1>
          <p>
            It was started <When at={info.data.startedAt} />. The people involved are still writing it; the blameless
            report and the incident replay appear here once the facilitator publishes them.
          </p>
          <button type="button" className="btn" onClick={info.reload}>
            Check again
          </button>
        </div>
      </main>
    );
  }
  return <PublishedPage info={info.data} />;
}
