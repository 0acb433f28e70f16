// Resolves what a token grants: asks the server, falls back to what this browser remembers when offline.
import { useEffect, useState } from 'react';
import { ApiFailure, callApi } from '@hindsight/api';
import type { Role } from '@hindsight/protocol';
import { peekEarlySession, takeEarlySession } from '../../app/earlyReview.ts';
import { loadRecent, rememberReview } from '../../app/localStore.ts';
import { openAsReader } from '../published/publishedApi.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'ready'; role: Role; title: string; offline: boolean }
  | { status: 'denied'; message: string }
  | { status: 'notFound' };

/** `link` is remembered in this browser's list of reviews; null (the replay) leaves the list alone. */
export function useReviewSession(reviewId: string, token: string | null, link: string | null): SessionState {
  // A review page load asked from the entry module: when that answer is in, the page starts from it.
  const [state, setState] = useState<SessionState>(() => {
    const early = token ? peekEarlySession(reviewId, token) : null;
    return early ? { status: 'ready', role: early.role, title: early.title, offline: false } : { status: 'loading' };
  });
  useEffect(() => {
    let cancelled = false;
    // Asked even without a token: the server says whether the review exists before it asks for one.
    // The entry module may have asked already (a review page load).
    (
      takeEarlySession(reviewId, token ?? '') ??
      callApi('GET /api/reviews/:id/session', { params: { id: reviewId }, token: token ?? '' })
    )
      .then((session) => {
        if (cancelled) return;
        if (link !== null) {
          rememberReview({ id: reviewId, title: session.title, role: session.role, link, lastOpened: Date.now() });
        }
        setState({ status: 'ready', role: session.role, title: session.title, offline: false });
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        if (err instanceof ApiFailure && err.status === 404) {
          setState({ status: 'notFound' });
          return;
        }
        if (!token) {
          setState({
            status: 'denied',
            message: 'This link has no access token. Ask the facilitator for the full link.',
          });
          return;
        }
        const known = loadRecent().find((r) => r.id === reviewId);
        const unreachable = err instanceof ApiFailure && (err.status === 0 || err.status >= 500);
        // The replay (no link to remember) opens whatever copy this browser has when the server is away.
        if (unreachable && (known || link === null)) {
          setState({ status: 'ready', role: known?.role ?? 'observer', title: known?.title ?? '', offline: true });
        } else if (err instanceof ApiFailure && err.status === 403) {
          // A reader link opens the published review instead; any other link is told why not.
          void openAsReader(reviewId, token).then((reader) => {
            if (!reader && !cancelled)
              setState({ status: 'denied', message: `This link does not open the review: ${err.message}.` });
          });
        } else if (err instanceof ApiFailure && err.status !== 0) {
          setState({ status: 'denied', message: `This link does not open the review: ${err.message}.` });
        } else {
          setState({
            status: 'denied',
            message: 'The server cannot be reached and this browser has no copy of the review yet.',
          });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [reviewId, token, link]);
  return state;
}
