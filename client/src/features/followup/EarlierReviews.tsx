// Repeat incidents: link earlier reviews (by id or link) and list their unfinished action items.
import { useCallback, useState, type FormEvent } from 'react';
import { PublishingRoot, linkEarlierReview, readEarlierReviews, unlinkEarlierReview } from '@hindsight/doc';
import { REVIEW_PAGE_PATH } from '@hindsight/protocol';
import { loadToken } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { request } from '../report/reportApi.ts';
import { useApi } from '../report/useApi.ts';
import { reviewIdFrom, type EarlierActions } from './followupApi.ts';

export function EarlierReviews() {
  const { sync, ctx, canWrite } = useReview();
  const linked = useYRead(
    sync.doc.getMap(PublishingRoot.earlierReviews),
    useCallback(() => readEarlierReviews(sync.doc), [sync.doc]),
  );
  const token = loadToken(sync.reviewId);
  const key = `${sync.reviewId}:${linked.map((l) => l.reviewId).join(',')}`;
  const earlier = useApi(token ? key : null, async () => {
    // The server's index follows the document at its next checkpoint (~2 s): after a change, ask a bit later.
    await new Promise((r) => setTimeout(r, earlier.data ? 2500 : 0));
    const res = await request(`/api/reviews/${encodeURIComponent(sync.reviewId)}/earlier-actions`, token);
    return (await res.json()) as EarlierActions;
  });
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const id = reviewIdFrom(input);
    if (!id) return setError('Paste a review link or its id.');
    if (id === sync.reviewId) return setError('That is this review.');
    const known = earlier.data?.reviews.find((r) => r.reviewId === id);
    linkEarlierReview(sync.doc, { reviewId: id, ...(known ? { title: known.title } : {}) }, ctx);
    setInput('');
    setError(null);
  };
  const titleOf = (id: string): string =>
    earlier.data?.reviews.find((r) => r.reviewId === id)?.title ?? linked.find((l) => l.reviewId === id)?.title ?? id;
  return (
    <section className="card" aria-labelledby="earlier-h" data-testid="earlier-reviews">
      <h2 id="earlier-h">Earlier reviews</h2>
      <p className="muted small">
        A repeat or related incident? Link its review to keep its unfinished actions in view.
      </p>
      {canWrite && (
        <form className="terms-form" onSubmit={submit}>
          <label className="field">
            <span>Review link or id</span>
            <input className="input" value={input} onChange={(e) => setInput(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-small" disabled={!input.trim()}>
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
