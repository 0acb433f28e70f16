// The quarterly process review's API (operator token when the server asks for one).
import type { QuarterReport } from '@hindsight/report';
import { request } from '../report/reportApi.ts';

export async function fetchQuarter(quarter: string, token: string | null): Promise<QuarterReport> {
  return (
    await request(`/api/insights/quarter?quarter=${encodeURIComponent(quarter)}`, token)
  ).json() as Promise<QuarterReport>;
}

/** The Markdown export as text (fetched with the token, then saved by the browser). */
export async function fetchQuarterMarkdown(quarter: string, token: string | null): Promise<string> {
  return (await request(`/api/insights/quarter.md?quarter=${encodeURIComponent(quarter)}`, token)).text();
}
