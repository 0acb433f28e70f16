// Home: start a review, or reopen one this browser has seen.
import { CreateReviewForm } from './CreateReviewForm.tsx';
import { RecentReviews } from './RecentReviews.tsx';
import { SiteNav } from '../../app/SiteNav.tsx';
import { TeamLinkClaim } from './TeamLinkClaim.tsx';
import './home.css';

export function HomePage() {
  return (
    <main className="home">
      <header className="home-hero">
        <h1>Hindsight</h1>
        <p className="muted">
          Rebuild an incident together, minute by minute, within 24 hours — then learn from it without blame.
        </p>
        <SiteNav />
      </header>
      <TeamLinkClaim />
      <CreateReviewForm />
      <RecentReviews />
    </main>
  );
}
