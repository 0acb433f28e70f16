// The cross-review follow-up API (the team link's token): the tokens this browser keeps, the action filters,
// and linking an earlier review.
import { callApi, type ActionsQuery, type ActionsResult } from '@hindsight/api';
import type { ReviewMetrics } from '@hindsight/report';
import { LINK_FRAGMENT_KEY, type EarlierReviewInfo } from '@hindsight/protocol';

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

/** The query of `GET /api/actions` (and its CSV and iCalendar forms) for the filters (empty ones left out). */
export function actionsQuery(q: ActionQuery): ActionsQuery {
  return {
    ...(q.owner?.trim() ? { owner: q.owner.trim() } : {}),
    ...(q.status?.length ? { status: q.status.join(',') } : {}),
    ...(q.dueBefore ? { dueBefore: q.dueBefore } : {}),
    ...(q.dueAfter ? { dueAfter: q.dueAfter } : {}),
    ...(q.overdue ? { overdue: 'true' } : {}),
    ...(q.review?.trim() ? { review: q.review.trim() } : {}),
  };
}

export function fetchActions(q: ActionQuery, token: string | null): Promise<ActionsResult> {
  return callApi('GET /api/actions', { query: actionsQuery(q), token });
}

export function fetchMetrics(token: string | null): Promise<ReviewMetrics> {
  return callApi('GET /api/metrics/reviews', { token });
}

/** Links an earlier review by one of its links (the server checks it; only the id reaches the document). */
export function linkEarlier(reviewId: string, token: string | null, link: string): Promise<EarlierReviewInfo> {
  return callApi('POST /api/reviews/:id/earlier', { params: { id: reviewId }, token, body: { link } });
}
