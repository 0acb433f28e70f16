// Repeat incidents: link an earlier review by pasting one of its links (the
// server checks it and keeps it; the document gets the id only) and list its
// unfinished action items, shown only while that link is valid.
import { useCallback, useState, type FormEvent } from 'react';
import { callApi } from '@hindsight/api';
import { PublishingRoot, readEarlierReviews, unlinkEarlierReview } from '@hindsight/doc';
import { REVIEW_PAGE_PATH, parseReviewLink, type EarlierReviewInfo } from '@hindsight/protocol';
import { loadToken } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { useApi } from '../report/useApi.ts';
import { linkEarlier } from './followupApi.ts';

export function EarlierReviews() {
  const { sync, ctx, canWrite } = useReview();
  const linked = useYRead(
    sync.doc.getMap(PublishingRoot.earlierReviews),
    useCallback(() => readEarlierReviews(sync.doc), [sync.doc]),
  );
  const token = loadToken(sync.reviewId);
  const key = `${sync.reviewId}:${linked.map((l) => l.reviewId).join(',')}`;
  const earlier = useApi(token ? key : null, async () => {
    return callApi('GET /api/reviews/:id/earlier-actions', { params: { id: sync.reviewId }, token });
  });
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const pasted = parseReviewLink(input);
    if (!pasted)
      return setError('Paste the whole link of the earlier review (…/r/<id>#t=…); its id alone is not enough.');
    if (pasted.reviewId === sync.reviewId) return setError('That is a link to this review.');
    setBusy(true);
    linkEarlier(sync.reviewId, token, input)
      .then(() => {
        setInput('');
        setError(null);
        earlier.reload();
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(false));
  };
  const infoOf = (id: string) => earlier.data?.reviews.find((r) => r.reviewId === id);
  const titleOf = (id: string): string => {
    const info = infoOf(id);
    return info?.valid ? info.title : id;
  };
  return (
    <section className="card" aria-labelledby="earlier-h" data-testid="earlier-reviews">
      <h2 id="earlier-h">Earlier reviews</h2>
      <p className="muted small">
        A repeat or related incident? Paste a facilitator, editor or observer link of its review to keep its unfinished
        actions in view. They stay visible while that link is valid.
      </p>
      {canWrite && (
        <form className="terms-form" onSubmit={submit}>
          <label className="field">
            <span>Link of the earlier review</span>
            <input
              className="input"
              type="password"
              autoComplete="off"
              value={input}
              onChange={(e) => setInput(e.target.value)}
            />
          </label>
          <button type="submit" className="btn btn-small" disabled={!input.trim() || busy}>
            Link review
          </button>
        </form>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {linked.length > 0 && (
        <ul className="earlier-list">
          {linked.map((l) => (
            <li key={l.reviewId}>
              <a href={`${REVIEW_PAGE_PATH}/${encodeURIComponent(l.reviewId)}`}>{titleOf(l.reviewId)}</a>
              <LinkState info={infoOf(l.reviewId)} />
              {canWrite && (
                <button
                  type="button"
                  className="btn-icon"
                  aria-label={`Unlink ${titleOf(l.reviewId)}`}
                  onClick={() => unlinkEarlierReview(sync.doc, l.reviewId, ctx)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {earlier.data && earlier.data.items.length > 0 && (
        <>
          <h3>Still unfinished</h3>
          <ul className="earlier-items">
            {earlier.data.items.map((a) => (
              <li key={`${a.reviewId}:${a.id}`} className={a.overdue ? 'is-overdue' : undefined}>
                <span>{a.title || 'Untitled action'}</span>
                <span className="muted small">
                  {a.owner ?? 'no owner'} · {a.due ? `due ${a.due}` : 'no deadline'}
                  {a.overdue && <strong> · overdue</strong>} · {titleOf(a.reviewId)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {earlier.data && linked.length > 0 && earlier.data.items.length === 0 && (
        <p className="muted small">No unfinished action items in the linked reviews.</p>
      )}
    </section>
  );
}

/** Whether a linked review is shown: its status, or why not (its pasted link was revoked, or none was pasted). */
function LinkState({ info }: { info: EarlierReviewInfo | undefined }) {
  if (!info) return null;
  if (info.valid) return <span className="muted small"> · {info.status}</span>;
  return (
    <span className="error-text small" data-testid="earlier-invalid">
      {' '}
      — {info.message}
    </span>
  );
}
