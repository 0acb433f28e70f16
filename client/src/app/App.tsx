// The app shell: picks the page for the current route; the review page (and Tiptap) load on demand.
import { lazy, Suspense } from 'react';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useRoute } from './router.ts';
import { HomePage } from '../features/home/HomePage.tsx';

const ReviewRoute = lazy(() => import('../features/review/ReviewRoute.tsx').then((m) => ({ default: m.ReviewRoute })));

export function App() {
  const route = useRoute();
  return (
    <ErrorBoundary>
      {route.page === 'review' ? (
        <Suspense fallback={<p className="centered muted">Opening the review…</p>}>
          <ReviewRoute key={route.reviewId} reviewId={route.reviewId} linkToken={route.token} />
        </Suspense>
      ) : (
        <HomePage />
      )}
    </ErrorBoundary>
  );
}
