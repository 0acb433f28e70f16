// The instance template's API: versions (anyone may read), saving a new one
// (the team link or the operator token), the diff between two.
import {
  callApi,
  type ReviewTemplate,
  type TemplateDiff,
  type TemplateVersionList,
  type TemplateVersionView,
} from '@hindsight/api';
import type { TemplateContent } from '@hindsight/report';

export function fetchVersions(): Promise<TemplateVersionList> {
  return callApi('GET /api/templates', {});
}

export function fetchVersion(version: number | 'latest'): Promise<TemplateVersionView> {
  return callApi('GET /api/templates/:version', { params: { version } });
}

/** Saves `content` as a new version; throws ApiFailure (401 without the team link, 403 revoked, 400 saying what does not fit). */
export function saveVersion(
  note: string,
  content: TemplateContent,
  token: string | null,
): Promise<TemplateVersionView> {
  return callApi('POST /api/templates', { body: { note, content }, token });
}

export function fetchDiff(from: number, to: number): Promise<TemplateDiff> {
  return callApi('GET /api/templates/diff', { query: { from: String(from), to: String(to) } });
}

/** The version a review started from, read with the review's link token. */
export function fetchReviewTemplate(reviewId: string, token: string | null): Promise<ReviewTemplate> {
  return callApi('GET /api/reviews/:id/template', { params: { id: reviewId }, token });
}

/** The diff page's address between two versions. */
export const diffPath = (from: number, to: number): string => `/insights/template/diff?from=${from}&to=${to}`;
