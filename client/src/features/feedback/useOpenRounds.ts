// The survey rounds this review has reached, read live from the document (protocol openFeedbackRounds).
import { useCallback } from 'react';
import { readMeta, roots } from '@hindsight/doc';
import { openFeedbackRounds, type FeedbackRound } from '@hindsight/protocol';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { useFacilitation } from '../facilitation/useFacilitation.ts';

export function useOpenRounds(): FeedbackRound[] {
  const { sync } = useReview();
  const meta = useYRead(
    roots(sync.doc).meta,
    useCallback(() => readMeta(sync.doc), [sync.doc]),
  );
  const { meeting } = useFacilitation(sync.doc, false);
  return openFeedbackRounds({ status: meta.status, publishedAt: meta.publishedAt, meetingEndedAt: meeting.endedAt });
}
