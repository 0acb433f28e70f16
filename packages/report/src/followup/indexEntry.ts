// What the server keeps per review for follow-up across reviews: a small,
// JSON-serialisable summary (status, incident times, action items, links to
// earlier reviews) so cross-review pages never load every document.
import type * as Y from 'yjs';
import { readActionsModel, readEarlierReviews, readMeta } from '@hindsight/doc';

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
}

/** The index summary of one review document. Cheap: reads meta and actions only, never the timeline. */
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
    actions: readActionsModel(doc).items.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      due: a.due,
      status: a.status,
      priority: a.priority,
      link: a.link,
      createdAt: a.createdAt,
      completedAt: a.completedAt ?? (a.status === 'done' ? a.updatedAt : null),
    })),
  };
}
