// The published review as a reader link gets it (`GET /api/reviews/:id/published`), and its timeline as the
// replay's entries. Nothing here touches the live document.
import { LINK_FRAGMENT_KEY, READER_PAGE_PATH, type PublishedEarlier } from '@hindsight/protocol';
import type { DelayThresholds, EntryView, IncidentMarker, TimePrecision } from '@hindsight/doc';
import type { PublishedEntry, PublishedExport, ReportSections } from '@hindsight/report';
import { request } from '../report/reportApi.ts';

export type PublishedInfo =
  | { published: false; startedAt: string }
  | {
      published: true;
      version: number;
      publishedAt: string;
      versions: { version: number; publishedAt: string }[];
      /** Report sections this version changed compared with the previous one. */
      amendedSections: string[];
      /** The section titles of the template version the review started from. */
      sections: ReportSections;
      html: string;
      review: PublishedExport;
      thresholds: DelayThresholds;
      /** The earlier reviews this version links, named only while the link pasted for each is valid. */
      earlier?: PublishedEarlier;
    };

export async function fetchPublished(reviewId: string, token: string): Promise<PublishedInfo> {
  return (
    await request(`/api/reviews/${encodeURIComponent(reviewId)}/published`, token)
  ).json() as Promise<PublishedInfo>;
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
