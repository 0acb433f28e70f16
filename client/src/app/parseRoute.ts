// Which page a path is: `/` home, `/r/<id>` a review (token in the `#t=` fragment), anything unknown a not-found page.
import { LINK_FRAGMENT_KEY, READER_PAGE_PATH, REPLAY_PAGE_PATH, REVIEW_PAGE_PATH } from '@hindsight/protocol';

export type Route =
  | { page: 'home' }
  | { page: 'review'; reviewId: string; token: string | null }
  | { page: 'replay'; reviewId: string; token: string | null }
  | { page: 'read'; reviewId: string; token: string | null }
  | { page: 'report'; reviewId: string; token: string | null }
  | { page: 'actions' }
  | { page: 'insights' }
  | { page: 'quarter' }
  | { page: 'template' }
  | { page: 'templateDiff' }
  | { page: 'guide' }
  | { page: 'notFound'; path: string };

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { page: 'home' };
  // Follow-up pages across reviews (/metrics is the server's Prometheus endpoint, hence /insights).
  if (pathname === '/actions' || pathname === '/actions/') return { page: 'actions' };
  if (pathname === '/insights' || pathname === '/insights/') return { page: 'insights' };
  if (pathname === '/insights/quarter') return { page: 'quarter' };
  if (pathname === '/insights/template') return { page: 'template' };
  if (pathname === '/insights/template/diff') return { page: 'templateDiff' };
  if (pathname === '/guide') return { page: 'guide' };
  // `/replay/<id>`: the read-only incident replay and edit history; `/read/<id>`: the published review
  // (where a reader link opens). The token is in the fragment for both.
  for (const [prefix, page] of [
    [REPLAY_PAGE_PATH, 'replay'],
    [READER_PAGE_PATH, 'read'],
  ] as const) {
    const match = new RegExp(`^${prefix}/([^/]+)/?$`).exec(pathname);
    if (!match) continue;
    const token = new URLSearchParams(hash.replace(/^#/, '')).get(LINK_FRAGMENT_KEY);
    return { page, reviewId: decodeURIComponent(match[1]!), token: token || null };
  }
  // `/r/<id>` a review, `/r/<id>/report` its published report; anything deeper is not a page.
  const review = new RegExp(`^${REVIEW_PAGE_PATH}/([^/]+)(?:/(report))?/?$`).exec(pathname);
  if (review) {
    const token = new URLSearchParams(hash.replace(/^#/, '')).get(LINK_FRAGMENT_KEY);
    const reviewId = decodeURIComponent(review[1]!);
    return { page: review[2] ? 'report' : 'review', reviewId, token: token || null };
  }
  return { page: 'notFound', path: pathname };
}
