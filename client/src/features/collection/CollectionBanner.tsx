// A banner in the last hours of the 24-hour collection window, with the facilitator's "extend" buttons.
import { formatDuration } from '@hindsight/doc';
import './collection.css';
import type { MetaView } from '@hindsight/doc';
import { formatFull, formatUtc, viewerZone } from '../../app/timeZone.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { extendWindow } from './extendWindow.ts';
import { useNow } from './useNow.ts';

/** The banner shows in the window's last hours. */
export const LAST_HOURS_MS = 3 * 3_600_000;

export function CollectionBanner({ meta }: { meta: MetaView }) {
  const { sync, ctx, role } = useReview();
  const now = useNow();
  const endsAt = meta.collectionEndsAt;
  if (endsAt === null || meta.status !== 'collecting' || endsAt - now > LAST_HOURS_MS) return null;
  const left = endsAt - now;
  const facilitator = role === 'facilitator';
  return (
    <div className={`banner ${left > 0 ? 'banner-warn' : 'banner-danger'} collection-banner`} role="status">
      <span title={formatUtc(endsAt)}>
        {left > 0 ? (
          <>
            <strong>{formatDuration(left)} left</strong> to collect: the window ends {formatFull(endsAt, viewerZone())}.
            Add what you saw while it is fresh; then the review moves on to the meeting.
          </>
        ) : (
          <>The collection window has ended; the review is moving to reviewing.</>
        )}
      </span>
      {facilitator && (
        <span className="collection-extend">
          <button type="button" className="btn btn-small" onClick={() => extendWindow(sync.doc, 3, ctx)}>
            Extend by 3 h
          </button>
          <button type="button" className="btn btn-small" onClick={() => extendWindow(sync.doc, 24, ctx)}>
            Extend by 24 h
          </button>
        </span>
      )}
    </div>
  );
}
