// The facilitator's publishing panel: checklist, the edit-history purge, anonymised preview, and the Publish
// button (POST /publish).
import { useCallback, useState } from 'react';
import { callApi, type PublishResult } from '@hindsight/api';
import { readMeta, roots } from '@hindsight/doc';
import { loadToken } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { When } from '../report/When.tsx';
import { Checklist } from './Checklist.tsx';
import { HistoryPurge } from './HistoryPurge.tsx';
import { useReviewCheck } from './useReviewCheck.ts';

export interface PublishPanelProps {
  previewOpen: boolean;
  onPreview: () => void;
  onPublished: () => void;
}

export function PublishPanel({ previewOpen, onPreview, onPublished }: PublishPanelProps) {
  const { sync } = useReview();
  const check = useReviewCheck();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const token = loadToken(sync.reviewId);
  const open = check.findings.length;
  const isPublished = useYRead(
    roots(sync.doc).meta,
    useCallback(() => readMeta(sync.doc).status === 'published', [sync.doc]),
  );
  const idle = isPublished ? 'Publish an update' : 'Publish report';

  const publish = (): void => {
    if (!token) return;
    if (!check.clean && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    setError(null);
    callApi('POST /api/reviews/:id/publish', { params: { id: sync.reviewId }, token })
      .then((r) => {
        setResult(r);
        setConfirming(false);
        onPublished();
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card publish-panel" aria-labelledby="publish-h">
      <h2 id="publish-h">Publish</h2>
      <Checklist check={check} />
      <HistoryPurge />
      <div className="publish-actions">
        <button type="button" className="btn" aria-expanded={previewOpen} onClick={onPreview}>
          {previewOpen ? 'Hide anonymised preview' : 'Preview anonymised report'}
        </button>
        <button type="button" className="btn btn-primary" disabled={busy || !token} onClick={publish}>
          {busy
            ? 'Publishing…'
            : confirming
              ? `Publish with ${open} open ${open === 1 ? 'finding' : 'findings'}`
              : idle}
        </button>
        {confirming && (
          <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        )}
      </div>
      {confirming && (
        <p className="banner banner-warn" role="alert">
          The checklist is not clear. Fix or dismiss the findings, or publish anyway with the button above.
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          Publishing failed: {error}
        </p>
      )}
      {result && (
        <p className="check-ok" role="status" data-testid="publish-result">
          <span aria-hidden="true">✓ </span>Published version {result.version}, <When at={result.publishedAt} />.
        </p>
      )}
    </section>
  );
}
