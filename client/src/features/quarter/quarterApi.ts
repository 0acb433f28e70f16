// The quarterly process review's API (operator token when the server asks for one).
import { callApi, fetchApiText } from '@hindsight/api';
import type { QuarterReport } from '@hindsight/report';

export function fetchQuarter(quarter: string, token: string | null): Promise<QuarterReport> {
  return callApi('GET /api/insights/quarter', { query: { quarter }, token });
}

/** The Markdown export as text (fetched with the token, then saved by the browser). */
export function fetchQuarterMarkdown(quarter: string, token: string | null): Promise<string> {
  return fetchApiText('GET /api/insights/quarter.md', { query: { quarter }, token });
}
