// The template version the open review started from (its questions are in the
// document already; this gives the factor categories, agenda and sections).
// Until it loads, or if it cannot, the built-in template stands in.
import { BUILT_IN_TEMPLATE, phaseTitles, type TemplateVersion } from '@hindsight/report';
import type { MeetingPhase } from '@hindsight/doc';
import { useMemo } from 'react';
import { loadToken } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useApi } from '../report/useApi.ts';
import { fetchReviewTemplate } from './templateApi.ts';

// A review keeps the version it started from, so one answer per review serves every component that asks.
const loaded = new Map<string, Promise<TemplateVersion>>();

function loadOnce(reviewId: string): Promise<TemplateVersion> {
  let found = loaded.get(reviewId);
  if (!found) {
    found = fetchReviewTemplate(reviewId, loadToken(reviewId));
    // A failed load is asked again by the next component that mounts.
    found.catch(() => loaded.delete(reviewId));
    loaded.set(reviewId, found);
  }
  return found;
}

export function useReviewTemplate(): TemplateVersion {
  const { sync } = useReview();
  const state = useApi(`template|${sync.reviewId}`, () => loadOnce(sync.reviewId));
  return state.data ?? BUILT_IN_TEMPLATE;
}

/** The meeting phases' names in the review's template. */
export function usePhaseTitles(): Record<MeetingPhase, string> {
  const template = useReviewTemplate();
  return useMemo(() => phaseTitles(template.content), [template]);
}
