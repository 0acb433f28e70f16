// Links to the pages across reviews (action items, insights) and the theme switch, on the home page and every review.
import { ThemeSwitch } from './ThemeSwitch.tsx';
export function SiteNav({ reviewId }: { reviewId?: string }) {
  return (
    <nav className="site-nav" aria-label="Across reviews">
      <a href={reviewId ? actionsOfReview(reviewId) : '/actions'} data-testid="nav-actions">
        {reviewId ? 'Action items' : 'All action items'}
      </a>
      <a href="/insights" data-testid="nav-insights">
        Insights
      </a>
      <ThemeSwitch />
    </nav>
  );
}

/** The `/actions` page filtered to one review's items. */
export function actionsOfReview(reviewId: string): string {
  return `/actions?review=${encodeURIComponent(reviewId)}`;
}
