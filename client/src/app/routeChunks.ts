// Loaders of the page chunks the entry module may start fetching before the app shell asks for them.

/** The review page (`/r/<id>`): fetched from the entry module while React loads. */
export const loadReviewRoute = () => import('../features/review/ReviewRoute.tsx');
