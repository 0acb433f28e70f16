// Links to the pages across reviews (action items, insights), shown on the home page and every review.
export function SiteNav({ reviewId }: { reviewId?: string }) {
  return (
    <nav className="site-nav" aria-label="Across reviews">
      <a href={reviewId ? actionsOfReview(reviewId) : '/actions'} data-testid="nav-actions">
        {reviewId ? 'Action items' : 'All action items'}
      </a>
      <a href="/insights" data-testid="nav-insights">
        Insights
      </a>
    </nav>
  );
}

/** The `/actions` page filtered to one review's items. */
export function actionsOfReview(reviewId: string): string {
  return `/actions?review=${encodeURIComponent(reviewId)}`;
}
