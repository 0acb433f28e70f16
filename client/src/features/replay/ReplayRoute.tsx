// Opens `/replay/<id>#t=<token>`: a live link of the review (checked first, so an unknown review is a not-found
// page; a reader link has only the published review); the document comes from this browser's copy and the
// server; the edit history only for writers.
import { useMemo } from 'react';
import { can, type Role } from '@hindsight/protocol';
import { loadName, loadToken, saveToken } from '../../app/localStore.ts';
import { useReviewSync } from '../../sync/useReviewSync.ts';
import { ReplayPage } from './ReplayPage.tsx';
import { useReviewSession } from '../review/useReviewSession.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';

export function ReplayRoute({ reviewId, linkToken }: { reviewId: string; linkToken: string | null }) {
  const token = useMemo(() => {
    if (linkToken) saveToken(reviewId, linkToken);
    return linkToken ?? loadToken(reviewId);
  }, [reviewId, linkToken]);
  const session = useReviewSession(reviewId, token, null);
  if (session.status === 'notFound') return <NotFoundPage what="review" />;
  if (session.status === 'denied' || !token) {
    return (
      <main className="centered">
        <div className="card" role="alert">
          <h1>This replay cannot be opened</h1>
          <p>
            {session.status === 'denied'
              ? session.message
              : 'The link has no access token. Ask the facilitator for the full link.'}
          </p>
          <a href="/">Back to your reviews</a>
        </div>
      </main>
    );
  }
  if (session.status === 'loading') return <p className="centered muted">Opening the replay…</p>;
  return <OpenReplay reviewId={reviewId} token={token} role={session.role} />;
}

function OpenReplay({ reviewId, token, role }: { reviewId: string; token: string; role: Role }) {
  // Nothing is ever written here; the name only shows in others' presence lists.
  const { sync } = useReviewSync(reviewId, token, loadName() ?? 'Observer');
  if (!sync) return <p className="centered muted">Opening the replay…</p>;
  return <ReplayPage sync={sync} token={token} history={can(role, 'history.read')} />;
}
