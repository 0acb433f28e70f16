// Opens a review from `/r/<id>#t=<token>`: token, display name, session, then the live document.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { defaultContext } from '@hindsight/doc';
import { can, ROLE_LABELS } from '@hindsight/protocol';
import { loadName, loadToken, saveToken } from '../../app/localStore.ts';
import { useReviewSync } from '../../sync/useReviewSync.ts';
import { ReviewProvider, type ReviewContextValue } from '../../sync/ReviewContext.tsx';
import { NamePrompt } from '../identity/NamePrompt.tsx';
import { ChangeRefusedNotice } from '../facilitation/ChangeRefusedNotice.tsx';
import { ReviewPage } from './ReviewPage.tsx';
import { UndoLayer } from '../undo/UndoLayer.tsx';
import { useReviewSession } from './useReviewSession.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { dropEarlyReview, peekEarlySync, takeEarlySync } from '../../app/earlyReview.ts';
import { dropFirstScreen, startFirstScreen } from '../timeline/firstScreen.ts';

export function ReviewRoute({ reviewId, linkToken }: { reviewId: string; linkToken: string | null }) {
  const token = useMemo(() => {
    if (linkToken) saveToken(reviewId, linkToken);
    return linkToken ?? loadToken(reviewId);
  }, [reviewId, linkToken]);
  const link = `${location.origin}/r/${reviewId}#t=${token ?? ''}`;
  const [name, setName] = useState(loadName);
  const session = useReviewSession(reviewId, token, link);
  // A review opened early for a link that opens nothing here (or a page left before it opened) is closed.
  const refused = session.status === 'notFound' || session.status === 'denied';
  useEffect(() => {
    if (refused) dropEarlyReview();
  }, [refused]);
  useEffect(() => dropEarlyReview, []);

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
  if (session.status === 'loading' || !token) return <p className="centered muted">Checking the link…</p>;
  // Readers and observers write nothing, so they are never asked; a writer without a name sees the
  // review at once, with the name asked in a banner above it (entries made first say "Guest").
  const writes = can(session.role, 'doc.write');
  const shownName = name ?? (writes ? GUEST_NAME : ROLE_LABELS[session.role]);
  return (
    <OpenReview
      reviewId={reviewId}
      token={token}
      name={shownName}
      role={session.role}
      title={session.title}
      banner={writes && !name ? <NamePrompt inline onDone={setName} /> : null}
    />
  );
}

/** The name of a writer who has not given one yet. */
const GUEST_NAME = 'Guest';

function OpenReview({
  reviewId,
  token,
  name,
  role,
  title,
  banner,
}: {
  reviewId: string;
  token: string;
  name: string;
  role: ReviewContextValue['role'];
  /** The title the session gave, shown until the document's own is in. */
  title: string;
  banner: ReactNode;
}) {
  // Opened once under the first name; a name given later only changes presence and new records' author.
  const [openedAs] = useState(name);
  const { sync, refusal, dismissRefusal } = useReviewSync(reviewId, token, openedAs, takeEarlySync, peekEarlySync);
  // The timeline shows its first screen while the document loads (asked for already on a review page load).
  useEffect(() => {
    void startFirstScreen(reviewId, token);
    return () => dropFirstScreen(reviewId);
  }, [reviewId, token]);
  useEffect(() => {
    sync?.provider.awareness.setLocalStateField('user', { name });
  }, [sync, name]);
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
      <UndoLayer>
        <ReviewPage banner={banner} title={title} />
      </UndoLayer>
      {refusal !== null && <ChangeRefusedNotice refusal={refusal} onDismiss={dismissRefusal} />}
    </ReviewProvider>
  );
}
