// The cross-review follow-up API (the team link's token) and its shapes.
import type { ActionRow, ActionStats, ReviewMetrics } from '@hindsight/report';
import { LINK_FRAGMENT_KEY, type EarlierReviewInfo, type LinkEarlierRequest } from '@hindsight/protocol';
import { request } from '../report/reportApi.ts';

/** Response of `GET /api/reviews/:id/earlier-actions`. */
export interface EarlierActions {
  reviews: EarlierReviewInfo[];
  items: ActionRow[];
}

export interface ActionsResult {
  stats: ActionStats;
  items: ActionRow[];
}

const TOKEN_KEY = 'hindsight:team-token';

/** A team token from a pasted team link (`…/actions#t=…`) or the bare token. */
export function teamTokenFrom(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const at = text.indexOf('#');
  const token = at >= 0 ? new URLSearchParams(text.slice(at + 1)).get(LINK_FRAGMENT_KEY) : text;
  return token && /^[\w-]{16,200}$/.test(token) ? token : null;
}

/**
 * The team token: taken from the page's `#t=` fragment when the team link was
 * just opened (then kept in localStorage and removed from the address bar, like
 * a review link), else the one this browser kept.
 */
export function loadTeamToken(): string | null {
  const fromUrl = new URLSearchParams(location.hash.replace(/^#/, '')).get(LINK_FRAGMENT_KEY);
  if (fromUrl) {
    saveTeamToken(fromUrl);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromUrl;
  }
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function saveTeamToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the token works for this visit only
  }
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

/** Links an earlier review by one of its links (the server checks it; only the id reaches the document). */
export async function linkEarlier(reviewId: string, token: string | null, link: string): Promise<EarlierReviewInfo> {
  const body: LinkEarlierRequest = { link };
  const res = await request(`/api/reviews/${encodeURIComponent(reviewId)}/earlier`, token, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json() as Promise<EarlierReviewInfo>;
}
