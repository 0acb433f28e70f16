// Series for the metrics page, computed from the review index: reviews per
// month, time from incident to published report, action completion over
// time, and time to detect and resolve per review.
import { markerSpan } from '@hindsight/doc';
import type { ReviewIndexEntry } from './indexEntry.ts';

export interface ReviewMetrics {
  /** Per calendar month (UTC) of the incident (or creation): reviews created and published. */
  reviewsPerMonth: { month: string; reviews: number; published: number }[];
  /** Hours from the incident start (or creation) to the first publication, per published review. */
  timeToPublish: { reviewId: string; title: string; publishedAt: number; hours: number }[];
  /** Per month: items created, items completed, and the completion rate of all items created so far. */
  actionCompletion: { month: string; created: number; completed: number; cumulativeRate: number | null }[];
  /** Minutes to detect and to resolve, per review with a start time. */
  detectResolve: {
    reviewId: string;
    title: string;
    startedAt: number;
    detectMinutes: number | null;
    resolveMinutes: number | null;
  }[];
  /** Medians of the series above (null when empty). */
  medians: { hoursToPublish: number | null; detectMinutes: number | null; resolveMinutes: number | null };
}

const month = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Whole minutes of a span as packages/doc measures it (null when unknown or negative). */
const minutes = (from: number, to: number | null): number | null => {
  const ms = markerSpan(from, to);
  return ms === null ? null : Math.round(ms / 60_000);
};

/** All metric series over the indexed reviews. */
export function reviewMetrics(entries: readonly ReviewIndexEntry[]): ReviewMetrics {
  const perMonth = new Map<string, { reviews: number; published: number }>();
  for (const e of entries) {
    const at = e.startedAt ?? e.createdAt;
    if (at === null) continue;
    const m = perMonth.get(month(at)) ?? { reviews: 0, published: 0 };
    m.reviews++;
    if (e.publishedAt !== null) m.published++;
    perMonth.set(month(at), m);
  }
  const timeToPublish = entries
    .filter((e) => e.publishedAt !== null && (e.startedAt ?? e.createdAt) !== null)
    .map((e) => ({
      reviewId: e.reviewId,
      title: e.title,
      publishedAt: e.publishedAt!,
      hours: Math.round(((e.publishedAt! - (e.startedAt ?? e.createdAt)!) / 3_600_000) * 10) / 10,
    }))
    .sort((a, b) => a.publishedAt - b.publishedAt);
  const created = new Map<string, number>();
  const completed = new Map<string, number>();
  for (const a of entries.flatMap((e) => e.actions)) {
    created.set(month(a.createdAt), (created.get(month(a.createdAt)) ?? 0) + 1);
    if (a.status === 'done' && a.completedAt !== null)
      completed.set(month(a.completedAt), (completed.get(month(a.completedAt)) ?? 0) + 1);
  }
  let c = 0;
  let d = 0;
  const actionCompletion = [...new Set([...created.keys(), ...completed.keys()])].sort().map((m) => {
    c += created.get(m) ?? 0;
    d += completed.get(m) ?? 0;
    return {
      month: m,
      created: created.get(m) ?? 0,
      completed: completed.get(m) ?? 0,
      cumulativeRate: c === 0 ? null : Math.round((d / c) * 1000) / 1000,
    };
  });
  const detectResolve = entries
    .filter((e) => e.startedAt !== null)
    .map((e) => ({
      reviewId: e.reviewId,
      title: e.title,
      startedAt: e.startedAt!,
      detectMinutes: minutes(e.startedAt!, e.detectedAt), // DURATION_SPANS.detect
      resolveMinutes: minutes(e.startedAt!, e.resolvedAt), // DURATION_SPANS.resolve
    }))
    .sort((a, b) => a.startedAt - b.startedAt);
  return {
    reviewsPerMonth: [...perMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([m, v]) => ({ month: m, ...v })),
    timeToPublish,
    actionCompletion,
    detectResolve,
    medians: {
      hoursToPublish: median(timeToPublish.map((t) => t.hours)),
      detectMinutes: median(detectResolve.flatMap((r) => (r.detectMinutes === null ? [] : [r.detectMinutes]))),
      resolveMinutes: median(detectResolve.flatMap((r) => (r.resolveMinutes === null ? [] : [r.resolveMinutes]))),
    },
  };
}
