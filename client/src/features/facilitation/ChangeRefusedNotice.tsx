// Says why the review was reloaded: the server refused a change of ours (a frozen timeline, or facilitator-only).
import { useReview } from '../../sync/ReviewContext.tsx';
import { useConnection } from '../../sync/useConnection.ts';
import { useFacilitation } from './useFacilitation.ts';

export function ChangeRefusedNotice({ onDismiss }: { onDismiss: () => void }) {
  const { sync } = useReview();
  const { frozen } = useFacilitation(sync.doc, false);
  // The fresh copy says why only once it has synced.
  const live = useConnection(sync.connection).phase === 'live';
  return (
    <div className="toast banner banner-warn" role="alert" data-testid="change-refused">
      <span>
        {!live
          ? 'The server refused your last change; it was not saved.'
          : frozen
            ? 'The facilitator froze the timeline; your last change was not saved.'
            : 'Only the facilitator can make that change; your last change was not saved.'}{' '}
        The review was reloaded from the server.
      </span>
      <button type="button" className="btn btn-small" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
