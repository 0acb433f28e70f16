// While the facilitator has frozen the timeline, everyone else sees it read-only, with a banner saying why.
import { useMemo, type ReactNode } from 'react';
import { can } from '@hindsight/protocol';
import { ReviewProvider, useReview } from '../../sync/ReviewContext.tsx';
import { LocalTime } from '../../ui/LocalTime.tsx';
import { useFacilitation } from './useFacilitation.ts';

export function FrozenTimeline({ children }: { children: ReactNode }) {
  const review = useReview();
  const { frozen, frozenAt } = useFacilitation(review.sync.doc, false);
  const facilitator = can(review.role, 'review.facilitate');
  const locked = frozen && !facilitator && review.canWrite;
  // The timeline's own controls read `canWrite`: turn it off below this point only.
  const value = useMemo(() => (locked ? { ...review, canWrite: false } : review), [locked, review]);
  if (!frozen) return <>{children}</>;
  return (
    <div className="frozen-timeline">
      <p className={`banner ${facilitator ? 'banner-info' : 'banner-warn'}`} role="status" data-testid="frozen-banner">
        {facilitator ? (
          <>You froze the timeline: only you can change it. Unfreeze it from the meeting panel.</>
        ) : (
          <>
            The facilitator froze the timeline
            {frozenAt ? (
              <>
                {' '}
                at <LocalTime ms={frozenAt} />
              </>
            ) : null}{' '}
            for the review meeting: it is read-only until they unfreeze it. Annotations and questions still work.
          </>
        )}
      </p>
      <ReviewProvider value={value}>{children}</ReviewProvider>
    </div>
  );
}
