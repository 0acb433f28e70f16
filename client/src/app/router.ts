// Minimal client routing over the History API; which page a path is lives in parseRoute.ts.
import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './parseRoute.ts';

export type { Route };

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
