// Entry point, kept small: sets the theme; on a review page starts the session and first-screen requests and
// the review's sync (before React and the page's chunks load, so the network and IndexedDB work while they
// do); then mounts the app shell.
// The base stylesheet first: every feature's own CSS (imported by its components) comes after it.
import './app/styles.css';
import { loadName, loadToken } from './app/localStore.ts';
import { parseRoute } from './app/parseRoute.ts';
import { loadReviewRoute } from './app/routeChunks.ts';
import { startTheme } from './app/theme.ts';
import { callApi } from '@hindsight/api';
import { startFirstScreen } from './features/timeline/firstScreen.ts';

startTheme();
const route = parseRoute(location.pathname, location.hash);
let pageChunk: Promise<unknown> = Promise.resolve();
if (route.page === 'review') {
  const token = route.token ?? loadToken(route.reviewId);
  if (token) {
    // The two small requests go out now, not once the sync's chunk is in: the page renders from them.
    const session = callApi('GET /api/reviews/:id/session', { params: { id: route.reviewId }, token });
    // Whoever takes it handles a failure; an untaken one must not report an unhandled rejection.
    session.catch(() => undefined);
    void startFirstScreen(route.reviewId, token);
    void import('./app/earlyReview.ts').then((m) => m.startEarlyReview(route.reviewId, token, loadName(), session));
  }
  // The page's own chunk loads alongside the shell, and the shell mounts once both are in: it then renders
  // the page at once, where a lazy page would show its fallback first and React hold that for 300 ms.
  pageChunk = loadReviewRoute().catch(() => undefined);
}
void Promise.all([import('./app/mount.tsx'), pageChunk]).then(([shell]) => shell.mount());
