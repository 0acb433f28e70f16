// A real not-found page: for an unknown path, and for a review or replay id this server does not know.
import { useEffect } from 'react';
import { SiteNav } from './SiteNav.tsx';

export function NotFoundPage({ what, detail }: { what: 'page' | 'review'; detail?: string }) {
  useEffect(() => {
    document.title = 'Not found · Hindsight';
  }, []);
  return (
    <main className="centered">
      <div className="card not-found" role="alert" data-testid="not-found">
        <h1>{what === 'page' ? 'There is no such page' : 'There is no such review'}</h1>
        <p>
          {what === 'page'
            ? `Nothing lives at ${detail ?? 'this address'}. Check the link, or start from your reviews.`
            : 'This server has no review with the id in this link. It may have been deleted, or the link was cut short: ask whoever shared it for the full link.'}
        </p>
        <p>
          <a className="btn btn-primary" href="/">
            Back to your reviews
          </a>
        </p>
        <SiteNav />
      </div>
    </main>
  );
}
