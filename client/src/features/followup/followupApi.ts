// The cross-review follow-up API (operator token when the server asks for one) and its shapes.
import type { ActionRow, ActionStats, ReviewMetrics } from '@hindsight/report';
import { REVIEW_PAGE_PATH } from '@hindsight/protocol';
import { request } from '../report/reportApi.ts';

export interface EarlierActions {
  reviews: { reviewId: string; title: string; status: string }[];
  items: ActionRow[];
}

export interface ActionsResult {
  stats: ActionStats;
  items: ActionRow[];
}

const TOKEN_KEY = 'hindsight:operator-token';

/** The operator token for this tab only (sessionStorage): it unlocks every review's actions. */
export function loadOperatorToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveOperatorToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export interface ActionQuery {
  owner?: string;
  status?: string[];
  dueBefore?: string;
  dueAfter?: string;
  overdue?: boolean;
  review?: string;
}

export function actionsQueryString(q: ActionQuery): string {
  const p = new URLSearchParams();
  if (q.owner?.trim()) p.set('owner', q.owner.trim());
  if (q.status?.length) p.set('status', q.status.join(','));
  if (q.dueBefore) p.set('dueBefore', q.dueBefore);
  if (q.dueAfter) p.set('dueAfter', q.dueAfter);
  if (q.overdue) p.set('overdue', 'true');
  if (q.review?.trim()) p.set('review', q.review.trim());
  const s = p.toString();
  return s ? `?${s}` : '';
}

export async function fetchActions(q: ActionQuery, token: string | null): Promise<ActionsResult> {
  return (await request(`/api/actions${actionsQueryString(q)}`, token)).json() as Promise<ActionsResult>;
}

export async function fetchMetrics(token: string | null): Promise<ReviewMetrics> {
  return (await request('/api/metrics/reviews', token)).json() as Promise<ReviewMetrics>;
}

/** A review id from a pasted link (`…/r/<id>#t=…`, `…/r/<id>/report`) or a bare id. */
export function reviewIdFrom(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const marker = `${REVIEW_PAGE_PATH}/`;
  const at = text.indexOf(marker);
  const rest = at >= 0 ? text.slice(at + marker.length) : text;
  const id = decodeURIComponent(rest.split(/[/#?]/)[0] ?? '').trim();
  return /^[\w-]{1,100}$/.test(id) ? id : null;
}
