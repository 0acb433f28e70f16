// The app shell: picks the page for the current route; every page (Tiptap too) loads on demand, so the
// shell holds React and routing only.
import { lazy, Suspense } from 'react';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useRoute } from './router.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { loadedReviewRoute, loadReviewRoute } from './routeChunks.ts';

const HomePage = lazy(() => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const ReportPage = lazy(() => import('../features/report/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const ActionsPage = lazy(() =>
  import('../features/followup/ActionsPage.tsx').then((m) => ({ default: m.ActionsPage })),
);
const InsightsPage = lazy(() =>
  import('../features/followup/InsightsPage.tsx').then((m) => ({ default: m.InsightsPage })),
);
const QuarterPage = lazy(() => import('../features/quarter/QuarterPage.tsx').then((m) => ({ default: m.QuarterPage })));
const TemplatePage = lazy(() =>
  import('../features/template/TemplatePage.tsx').then((m) => ({ default: m.TemplatePage })),
);
const TemplateDiffPage = lazy(() =>
  import('../features/template/TemplateDiffPage.tsx').then((m) => ({ default: m.TemplateDiffPage })),
);
const GuidePage = lazy(() => import('../features/guide/GuidePage.tsx').then((m) => ({ default: m.GuidePage })));
const ReplayRoute = lazy(() => import('../features/replay/ReplayRoute.tsx').then((m) => ({ default: m.ReplayRoute })));
const PublishedRoute = lazy(() =>
  import('../features/published/PublishedRoute.tsx').then((m) => ({ default: m.PublishedRoute })),
);
const ReviewRoute = lazy(() => loadReviewRoute().then((m) => ({ default: m.ReviewRoute })));

export function App() {
  const route = useRoute();
  const LoadedReviewRoute = loadedReviewRoute()?.ReviewRoute ?? ReviewRoute;
  return (
    <ErrorBoundary>
      {route.page === 'replay' ? (
        <Suspense fallback={<p className="centered muted">Opening the replay…</p>}>
          <ReplayRoute key={route.reviewId} reviewId={route.reviewId} linkToken={route.token} />
        </Suspense>
      ) : route.page === 'read' ? (
        <Suspense fallback={<p className="centered muted">Opening the review…</p>}>
          <PublishedRoute key={route.reviewId} reviewId={route.reviewId} linkToken={route.token} />
        </Suspense>
      ) : route.page === 'report' ||
        route.page === 'actions' ||
        route.page === 'insights' ||
        route.page === 'quarter' ||
        route.page === 'template' ||
        route.page === 'templateDiff' ||
        route.page === 'guide' ? (
        <Suspense fallback={<p className="centered muted">Loading…</p>}>
          {route.page === 'report' && <ReportPage reviewId={route.reviewId} linkToken={route.token} />}
          {route.page === 'actions' && <ActionsPage />}
          {route.page === 'insights' && <InsightsPage />}
          {route.page === 'quarter' && <QuarterPage />}
          {route.page === 'template' && <TemplatePage />}
          {route.page === 'templateDiff' && <TemplateDiffPage />}
          {route.page === 'guide' && <GuidePage />}
        </Suspense>
      ) : route.page === 'review' ? (
        <Suspense fallback={<p className="centered muted">Opening the review…</p>}>
          <LoadedReviewRoute key={route.reviewId} reviewId={route.reviewId} linkToken={route.token} />
        </Suspense>
      ) : route.page === 'notFound' ? (
        <NotFoundPage what="page" detail={route.path} />
      ) : (
        <Suspense fallback={<p className="centered muted">Loading…</p>}>
          <HomePage />
        </Suspense>
      )}
    </ErrorBoundary>
  );
}
