// Says what the server refused and what of this person's work was not saved, each item with its text to copy.
import { useMemo } from 'react';
import * as Y from 'yjs';
import { unsavedChanges, type UnsavedItem } from '@hindsight/doc';
import { CloseReason } from '@hindsight/protocol';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useConnection } from '../../sync/useConnection.ts';
import type { Refusal } from '../../sync/resetAfterRefusal.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { formatClock, viewerZone } from '../../app/timeZone.ts';
import { useFacilitation } from './useFacilitation.ts';

const GENERIC = new Set<string>(Object.values(CloseReason));

function sentence(item: UnsavedItem, reason: string): string {
  if (item.what === 'answer') return `Your answer to “${item.label}” was not saved: ${reason}.`;
  return item.change === 'added'
    ? `Your new ${item.what} “${item.label}” was not saved: ${reason}.`
    : `Your change to the ${item.what} “${item.label}” was not saved: ${reason}.`;
}

export function ChangeRefusedNotice({ refusal, onDismiss }: { refusal: Refusal; onDismiss: () => void }) {
  const { sync } = useReview();
  const { frozen, frozenAt } = useFacilitation(sync.doc, false);
  // The fresh copy can be compared (and says whether the timeline is frozen) only once it has synced.
  const live = useConnection(sync.connection).phase === 'live';
  const items = useMemo(() => {
    if (!live) return null;
    const local = new Y.Doc();
    Y.applyUpdate(local, refusal.local);
    const found = unsavedChanges(local, sync.doc);
    local.destroy();
    return found;
  }, [live, refusal, sync.doc]);
  // The server's own words when it gave specific ones; for the generic sentence, what the document says.
  const reason = !GENERIC.has(refusal.reason)
    ? refusal.reason
    : frozen
      ? `the facilitator froze the timeline${frozenAt ? ` at ${formatClock(frozenAt, viewerZone())}` : ''}`
      : refusal.reason;
  return (
    <div className="toast banner banner-warn refused-notice" role="alert" data-testid="change-refused">
      <p>
        The server refused a change of yours, so the review was reloaded from the server.
        {items === null && ' Checking what was not saved…'}
        {items?.length === 0 && ` Everything else you wrote is saved (${reason}).`}
      </p>
      {items && items.length > 0 && (
        <ul className="unsaved-list" aria-label="Not saved">
          {items.map((item) => (
            <li key={`${item.what}:${item.id}`} data-testid="unsaved-item">
              <span>{sentence(item, reason)}</span>
              <CopyButton
                text={item.text}
                label={`Copy the text of “${item.label}”`}
                caption="Copy text"
                copiedMessage="Text copied"
              />
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn-small" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
