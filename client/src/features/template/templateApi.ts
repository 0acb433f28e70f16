// The instance template's API: versions (anyone may read), saving a new one
// (the team link or the operator token), the diff between two.
import type { TemplateContent, TemplateFieldDiff, TemplateVersion } from '@hindsight/report';
import { request } from '../report/reportApi.ts';

export interface VersionSummary {
  version: number;
  note: string;
  createdAt: number;
  readable: boolean;
}

export interface TemplateDiff {
  from: Omit<VersionSummary, 'readable'>;
  to: Omit<VersionSummary, 'readable'>;
  fields: TemplateFieldDiff[];
}

export async function fetchVersions(): Promise<{ latest: number; versions: VersionSummary[] }> {
  return (await request('/api/templates', null)).json() as Promise<{ latest: number; versions: VersionSummary[] }>;
}

export async function fetchVersion(version: number | 'latest'): Promise<TemplateVersion> {
  return (await request(`/api/templates/${version}`, null)).json() as Promise<TemplateVersion>;
}

/** Saves `content` as a new version; throws ApiFailure (401 without the team link, 403 revoked, 400 saying what does not fit). */
export async function saveVersion(
  note: string,
  content: TemplateContent,
  token: string | null,
): Promise<TemplateVersion> {
  const res = await request('/api/templates', token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ note, content }),
  });
  return res.json() as Promise<TemplateVersion>;
}

export async function fetchDiff(from: number, to: number): Promise<TemplateDiff> {
  return (await request(`/api/templates/diff?from=${from}&to=${to}`, null)).json() as Promise<TemplateDiff>;
}

/** The version a review started from, read with the review's link token. */
export async function fetchReviewTemplate(reviewId: string, token: string | null): Promise<TemplateVersion> {
  return (
    await request(`/api/reviews/${encodeURIComponent(reviewId)}/template`, token)
  ).json() as Promise<TemplateVersion>;
}

/** The diff page's address between two versions. */
export const diffPath = (from: number, to: number): string => `/insights/template/diff?from=${from}&to=${to}`;
