// Entry point, kept small: sets the theme, starts a review's sync and session request when the page is a
// review (before React and the page's chunks load, so the socket and IndexedDB work while they do), then
// loads the app shell.
// The base stylesheet first: every feature's own CSS (imported by its components) comes after it.
import './app/styles.css';
import { loadName, loadToken } from './app/localStore.ts';
import { parseRoute } from './app/parseRoute.ts';
import { loadReviewRoute } from './app/routeChunks.ts';
import { startTheme } from './app/theme.ts';

startTheme();
const route = parseRoute(location.pathname, location.hash);
if (route.page === 'review') {
  const token = route.token ?? loadToken(route.reviewId);
  if (token) void import('./app/earlyReview.ts').then((m) => m.startEarlyReview(route.reviewId, token, loadName()));
  // The page's own chunk loads alongside the shell rather than after it has rendered.
  loadReviewRoute().catch(() => undefined);
}
void import('./app/mount.tsx');
