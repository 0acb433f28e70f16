// The review's lifecycle, set by the facilitator: collecting → reviewing → published (and back, to reopen).
import { useCallback, useState } from 'react';
import { readMeta, REVIEW_STATUSES, roots, type ReviewStatus } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { changeStatus } from './publishReview.ts';
import { Segmented } from '../../ui/Segmented.tsx';

const LABELS: Record<ReviewStatus, string> = {
  collecting: 'Collecting',
  reviewing: 'Reviewing',
  published: 'Published',
};

export function StatusControl() {
  const { sync, ctx } = useReview();
  const status = useYRead(
    roots(sync.doc).meta,
    useCallback(() => readMeta(sync.doc).status, [sync.doc]),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choose = (next: ReviewStatus): void => {
    if (next === status || busy) return;
    setBusy(true);
    setError(null);
    changeStatus(sync.doc, sync.reviewId, next, ctx)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(false));
  };
  return (
    <fieldset className="status-control">
      <legend>Review status</legend>
      <Segmented
        label="Review status"
        name="review-status"
        options={REVIEW_STATUSES.map((s) => ({ value: s, label: LABELS[s] }))}
        value={status}
        disabled={busy}
        onChange={choose}
      />
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
