// The published review as a reader link gets it (`GET /api/reviews/:id/published`), and its timeline as the
// replay's entries. Nothing here touches the live document.
import { callApi, type PublishedInfo } from '@hindsight/api';
import { LINK_FRAGMENT_KEY, READER_PAGE_PATH } from '@hindsight/protocol';
import type { EntryView, IncidentMarker, TimePrecision } from '@hindsight/doc';
import type { PublishedEntry, PublishedExport } from '@hindsight/report';

export function fetchPublished(reviewId: string, token: string): Promise<PublishedInfo> {
  return callApi('GET /api/reviews/:id/published', { params: { id: reviewId }, token });
}

const ms = (iso: string | null): number | null => {
  const t = iso === null ? NaN : Date.parse(iso);
  return Number.isFinite(t) ? t : null;
};

/** A published entry as the replay reads entries (fields the published review leaves out stay empty). */
export function publishedEntryView(e: PublishedEntry): EntryView {
  const at = ms(e.at) ?? 0;
  return {
    id: e.id,
    at,
    precision: e.precision as TimePrecision,
    approxMinutes: e.approxMinutes,
    kind: e.kind,
    summary: e.summary,
    notes: e.notes,
    source: { type: 'manual', ref: null, url: null, urlText: null },
    tags: e.tags,
    starred: e.starred,
    createdAt: at,
    createdBy: null,
    author: null,
    importKey: null,
    replyTo: null,
    problems: [],
  };
}

/** The published markers as epoch ms. */
export function publishedMarkers(review: PublishedExport): Record<IncidentMarker, number | null> {
  return Object.fromEntries(Object.entries(review.markers).map(([k, v]) => [k, ms(v)])) as Record<
    IncidentMarker,
    number | null
  >;
}

/**
 * For a link the live pages refused: when it is a reader link (it may read the published review), sends
 * the browser to the published review and resolves true.
 */
export async function openAsReader(reviewId: string, token: string): Promise<boolean> {
  const ok = await fetchPublished(reviewId, token).then(
    () => true,
    () => false,
  );
  if (ok) location.replace(`${READER_PAGE_PATH}/${encodeURIComponent(reviewId)}#${LINK_FRAGMENT_KEY}=${token}`);
  return ok;
}
