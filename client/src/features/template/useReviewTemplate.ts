// The template version the open review started from (its questions are in the
// document already; this gives the factor categories, agenda and sections).
// Until it loads, or if it cannot, the built-in template stands in.
import { BUILT_IN_TEMPLATE, type TemplateVersion } from '@hindsight/report';
import { loadToken } from '../../app/localStore.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useApi } from '../report/useApi.ts';
import { fetchReviewTemplate } from './templateApi.ts';

export function useReviewTemplate(): TemplateVersion {
  const { sync } = useReview();
  const state = useApi(`template|${sync.reviewId}`, () => fetchReviewTemplate(sync.reviewId, loadToken(sync.reviewId)));
  return state.data ?? BUILT_IN_TEMPLATE;
}
