// Opens a review from `/r/<id>#t=<token>`: token, display name, session, then the live document.
import { useMemo, useState } from 'react';
import { defaultContext } from '@hindsight/doc';
import { can } from '@hindsight/protocol';
import { loadName, loadToken, saveToken } from '../../app/localStore.ts';
import { useReviewSync } from '../../sync/useReviewSync.ts';
import { ReviewProvider, type ReviewContextValue } from '../../sync/ReviewContext.tsx';
import { NamePrompt } from '../identity/NamePrompt.tsx';
import { ChangeRefusedNotice } from '../facilitation/ChangeRefusedNotice.tsx';
import { ReviewPage } from './ReviewPage.tsx';
import { useReviewSession } from './useReviewSession.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';

export function ReviewRoute({ reviewId, linkToken }: { reviewId: string; linkToken: string | null }) {
  const token = useMemo(() => {
    if (linkToken) saveToken(reviewId, linkToken);
    return linkToken ?? loadToken(reviewId);
  }, [reviewId, linkToken]);
  const link = `${location.origin}/r/${reviewId}#t=${token ?? ''}`;
  const [name, setName] = useState(loadName);
  const session = useReviewSession(reviewId, token, link);

  if (session.status === 'notFound') return <NotFoundPage what="review" />;
  if (session.status === 'denied') {
    return (
      <main className="centered">
        <div className="card" role="alert">
          <h1>This review cannot be opened</h1>
          <p>{session.message}</p>
          <a href="/">Back to your reviews</a>
        </div>
      </main>
    );
  }
  if (!name)
    return <NamePrompt onDone={setName} reviewTitle={session.status === 'ready' ? session.title : undefined} />;
  if (session.status === 'loading' || !token) return <p className="centered muted">Checking the link…</p>;
  return <OpenReview reviewId={reviewId} token={token} name={name} role={session.role} />;
}

function OpenReview({
  reviewId,
  token,
  name,
  role,
}: {
  reviewId: string;
  token: string;
  name: string;
  role: ReviewContextValue['role'];
}) {
  const { sync, refusal, dismissRefusal } = useReviewSync(reviewId, token, name);
  const value = useMemo<ReviewContextValue | null>(
    () => (sync ? { sync, role, canWrite: can(role, 'doc.write'), ctx: defaultContext(name), name } : null),
    [sync, role, name],
  );
  if (!value)
    return (
      <p className="centered muted">{refusal ? 'Reloading the review from the server…' : 'Opening the review…'}</p>
    );
  return (
    <ReviewProvider value={value}>
      <ReviewPage />
      {refusal !== null && <ChangeRefusedNotice refusal={refusal} onDismiss={dismissRefusal} />}
    </ReviewProvider>
  );
}
