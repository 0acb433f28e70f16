// The earlier reviews a published review links (repeat incidents): each one's title and status, and their
// unfinished actions, while the link pasted for it is valid; otherwise its id and why it is not shown.
import type { PublishedEarlier as Earlier } from '@hindsight/protocol';

export function PublishedEarlier({ earlier }: { earlier: Earlier | undefined }) {
  if (!earlier || earlier.reviews.length === 0) return null;
  const titles = new Map(earlier.reviews.flatMap((r) => (r.valid ? [[r.reviewId, r.title] as const] : [])));
  return (
    <section className="published-earlier" aria-labelledby="published-earlier-h" data-testid="published-earlier">
      <h2 id="published-earlier-h">Related earlier reviews</h2>
      <ul>
        {earlier.reviews.map((r) => (
          <li key={r.reviewId}>
            {r.valid ? (
              <>
                {r.title} <span className="muted small">· {r.status}</span>
              </>
            ) : (
              <>
                <code>{r.reviewId}</code> <span className="error-text small">— {r.message}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {earlier.unfinished.length > 0 && (
        <>
          <h3>Still unfinished there</h3>
          <ul>
            {earlier.unfinished.map((a, i) => (
              <li key={`${a.reviewId}:${i}`}>
                {a.title || 'Untitled action'}{' '}
                <span className="muted small">
                  · {a.due ? `due ${a.due}` : 'no deadline'}
                  {a.overdue && <strong> · overdue</strong>} · {titles.get(a.reviewId) ?? a.reviewId}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
