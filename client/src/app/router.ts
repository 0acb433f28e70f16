// Minimal client routing: `/` is home, `/r/<id>` a review (token in the `#t=` fragment).
import { useSyncExternalStore } from 'react';
import { LINK_FRAGMENT_KEY, REPLAY_PAGE_PATH, REVIEW_PAGE_PATH } from '@hindsight/protocol';

export type Route =
  | { page: 'home' }
  | { page: 'review'; reviewId: string; token: string | null }
  | { page: 'replay'; reviewId: string; token: string | null }
  | { page: 'report'; reviewId: string; token: string | null }
  | { page: 'actions' }
  | { page: 'insights' }
  | { page: 'quarter' }
  | { page: 'guide' };

export function parseRoute(pathname: string, hash: string): Route {
  // Follow-up pages across reviews (/metrics is the server's Prometheus endpoint, hence /insights).
  if (pathname === '/actions' || pathname === '/actions/') return { page: 'actions' };
  if (pathname === '/insights' || pathname === '/insights/') return { page: 'insights' };
  if (pathname === '/insights/quarter') return { page: 'quarter' };
  if (pathname === '/guide') return { page: 'guide' };
  // `/replay/<id>`: the read-only incident replay and edit history (token in the fragment too).
  if (pathname.startsWith(`${REPLAY_PAGE_PATH}/`)) {
    const replay = /^\/[^/]+\/([^/]+)/.exec(pathname)!;
    const token = new URLSearchParams(hash.replace(/^#/, '')).get(LINK_FRAGMENT_KEY);
    return { page: 'replay', reviewId: decodeURIComponent(replay[1]!), token: token || null };
  }
  const prefix = `${REVIEW_PAGE_PATH}/`;
  if (pathname.startsWith(prefix)) {
    const reviewId = decodeURIComponent(pathname.slice(prefix.length).split('/')[0] ?? '');
    if (reviewId) {
      const token = new URLSearchParams(hash.replace(/^#/, '')).get(LINK_FRAGMENT_KEY);
      // `/r/<id>/report`: the published report page.
      const report = pathname.slice(prefix.length).split('/')[1] === 'report';
      return { page: report ? 'report' : 'review', reviewId, token: token || null };
    }
  }
  return { page: 'home' };
}

const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((l) => l());
window.addEventListener('popstate', notify);
window.addEventListener('hashchange', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = (): string => location.pathname + location.hash;

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const key = useSyncExternalStore(subscribe, snapshot);
  const hashAt = key.indexOf('#');
  return parseRoute(hashAt < 0 ? key : key.slice(0, hashAt), hashAt < 0 ? '' : key.slice(hashAt));
}

export function navigate(url: string): void {
  history.pushState(null, '', url);
  notify();
}

/** The in-app path of a share link (`http://host/r/<id>#t=...` -> `/r/<id>#t=...`). */
export function reviewPath(link: string): string {
  const url = new URL(link, location.origin);
  return url.pathname + url.hash;
}
