// Loaders of the page chunks the entry module may start fetching before the app shell asks for them.

import type * as ReviewRoute from '../features/review/ReviewRoute.tsx';

type ReviewRouteModule = typeof ReviewRoute;
let reviewRoute: ReviewRouteModule | null = null;

/** The review page (`/r/<id>`): fetched from the entry module while React loads. */
export const loadReviewRoute = (): Promise<ReviewRouteModule> =>
  import('../features/review/ReviewRoute.tsx').then((m) => (reviewRoute = m));

/**
 * The review page's module once loaded, else null. The shell renders it directly then: a lazy component
 * suspends once even when its chunk is in, and React holds a shown fallback for at least 300 ms.
 */
export const loadedReviewRoute = (): ReviewRouteModule | null => reviewRoute;
