// The reviews this browser has opened, newest first, so nobody has to keep the links elsewhere.
import { useState } from 'react';
import { forgetReview, loadRecent } from '../../app/localStore.ts';
import { navigate, reviewPath } from '../../app/router.ts';
import { StatusBadge } from '../../ui/StatusBadge.tsx';

export function RecentReviews() {
  const [recent, setRecent] = useState(loadRecent);
  if (recent.length === 0) {
    return (
      <section className="recent" aria-labelledby="recent-h">
        <h2 id="recent-h">Your reviews</h2>
        <p className="muted">Reviews you open in this browser are listed here.</p>
      </section>
    );
  }
  return (
    <section className="recent" aria-labelledby="recent-h">
      <h2 id="recent-h">Your reviews</h2>
      <ul className="recent-list card">
        {recent.map((r) => (
          <li key={r.id}>
            <a
              href={reviewPath(r.link)}
              onClick={(e) => {
                e.preventDefault();
                navigate(reviewPath(r.link));
              }}
            >
              {r.title}
            </a>
            <StatusBadge status={r.status} />
            <span className="muted" title={new Date(r.lastOpened).toISOString()}>
              {r.role} · opened {new Date(r.lastOpened).toLocaleDateString()}
            </span>
            <button
              type="button"
              className="btn-icon"
              aria-label={`Remove “${r.title}” from this list`}
              onClick={() => {
                forgetReview(r.id);
                setRecent(loadRecent());
              }}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
