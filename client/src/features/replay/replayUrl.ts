// The replay page's URL: `/replay/<id>?at=<ISO or ms>#t=<token>` points at a moment of the incident.

/** The moment `?at=` names (epoch ms or ISO-8601), or null. */
export function parseAt(search: string): number | null {
  const raw = new URLSearchParams(search).get('at');
  if (!raw) return null;
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  return Number.isFinite(ms) ? ms : null;
}

/** The same page pointing at `at` (kept as a readable UTC ISO time, to the second). */
export function withAt(href: string, at: number): string {
  const url = new URL(href);
  url.searchParams.set('at', new Date(Math.round(at / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
  return url.toString();
}

/** The replay page of a review, with the token in the fragment. */
export function replayPath(reviewId: string, token: string | null): string {
  return `/replay/${encodeURIComponent(reviewId)}${token ? `#t=${token}` : ''}`;
}
