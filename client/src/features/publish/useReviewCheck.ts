// The pre-publish check of the whole review, recomputed shortly after the document stops changing.
import { useEffect, useState } from 'react';
import { checkReview, type ReviewCheck } from '@hindsight/report';
import { useReview } from '../../sync/ReviewContext.tsx';

export function useReviewCheck(): ReviewCheck {
  const { sync } = useReview();
  const [check, setCheck] = useState(() => checkReview(sync.doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // It reads every text of the review: run it once typing pauses, not on each keystroke.
    const onUpdate = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => setCheck(checkReview(sync.doc)), 300);
    };
    sync.doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      sync.doc.off('update', onUpdate);
    };
  }, [sync.doc]);
  return check;
}
