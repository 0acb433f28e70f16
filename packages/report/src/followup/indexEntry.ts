// What the server keeps per review for follow-up across reviews: a small,
// JSON-serialisable summary (status, incident times, action items, links to
// earlier reviews) so cross-review pages never load every document.
import type * as Y from 'yjs';
import {
  EntryKey,
  flattenWhys,
  readActionsModel,
  readEarlierReviews,
  readFacilitation,
  readMeta,
  readWhysTree,
  roots,
} from '@hindsight/doc';

export interface IndexedAction {
  id: string;
  title: string;
  owner: string | null;
  due: string | null;
  status: string;
  priority: string | null;
  link: string | null;
  createdAt: number;
  completedAt: number | null;
}

export interface ReviewIndexEntry {
  reviewId: string;
  title: string;
  status: string;
  severity: string | null;
  createdAt: number | null;
  publishedAt: number | null;
  startedAt: number | null;
  detectedAt: number | null;
  mitigatedAt: number | null;
  resolvedAt: number | null;
  earlierReviewIds: string[];
  actions: IndexedAction[];
  /** When the first timeline entry was written (its createdAt), epoch ms; null for an empty timeline. */
  firstEntryAt?: number | null;
  /** When the review meeting started. */
  meetingAt?: number | null;
  /** Category of every contributing factor, one per factor (repeats kept, for counting). */
  factorCategories?: string[];
  /** The instance template version the review started from; null (or absent in older summaries) before templates. */
  templateVersion?: number | null;
}

/** Earliest createdAt among the timeline entries, read without building the timeline view. */
function firstEntryAt(doc: Y.Doc): number | null {
  let first: number | null = null;
  roots(doc).timeline.forEach((entry) => {
    const at = (entry as { get?: (k: string) => unknown }).get?.(EntryKey.createdAt);
    if (typeof at === 'number' && Number.isFinite(at) && at > 0 && (first === null || at < first)) first = at;
  });
  return first;
}

/** The index summary of one review document. Cheap: meta, actions, the whys' factors and one pass over entry times. */
export function reviewIndexEntry(doc: Y.Doc, reviewId: string): ReviewIndexEntry {
  const meta = readMeta(doc);
  return {
    reviewId,
    title: meta.title,
    status: meta.status,
    severity: meta.severity,
    createdAt: meta.createdAt,
    publishedAt: meta.publishedAt,
    startedAt: meta.markers.started,
    detectedAt: meta.markers.detected,
    mitigatedAt: meta.markers.mitigated,
    resolvedAt: meta.markers.resolved,
    earlierReviewIds: readEarlierReviews(doc).map((r) => r.reviewId),
    firstEntryAt: firstEntryAt(doc),
    meetingAt: readFacilitation(doc, 0).meeting.startedAt,
    factorCategories: flattenWhys(readWhysTree(doc)).flatMap((n) => (n.factor === null ? [] : [n.factor])),
    templateVersion: meta.templateVersion,
    actions: readActionsModel(doc).items.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      due: a.due,
      status: a.status,
      priority: a.priority,
      link: a.linkHref,
      createdAt: a.createdAt,
      completedAt: a.completedAt,
    })),
  };
}
