// The quarterly process review: how the review process itself did over one
// calendar quarter (UTC), from the follow-up index and the survey answers.
// A review belongs to the quarter of its incident start (or, without one, of
// its creation). Pure: the same entries, answers and `now` give the same figures.
import { FEEDBACK_MIN_ANSWERS, FEEDBACK_SCALES, type FeedbackAnswer, type FeedbackScale } from '@hindsight/protocol';
import { meanOf } from '../feedback/aggregate.ts';
import type { ReviewIndexEntry } from '../followup/indexEntry.ts';
import { actionRows, actionStats, type ActionStats } from '../followup/rollup.ts';

export interface QuarterReport {
  /** `2026-Q1`. */
  quarter: string;
  /** First day and the day after the last, `YYYY-MM-DD`. */
  from: string;
  until: string;
  reviews: { held: number; published: number };
  /** Medians in hours from the incident start (null when no review has it). */
  medianHours: { toFirstEntry: number | null; toMeeting: number | null; toPublication: number | null };
  /** Reviews whose first timeline entry was written within 24 hours of the start, of those with both. */
  collectionWithin24h: { count: number; of: number; share: number | null };
  /** The quarter's reviews' action items as of `now`. */
  actions: ActionStats;
  /** Per month of the quarter: answers and mean scores (null below FEEDBACK_MIN_ANSWERS answers). */
  feedbackTrend: { month: string; answers: number; means: Record<FeedbackScale, number | null> }[];
  /** Factor categories by how often they were marked, most frequent first. */
  factorCategories: { category: string; count: number }[];
  /** Reviews of the quarter that link earlier reviews (the same kind of incident again). */
  repeatIncidents: { reviewId: string; title: string; earlier: { reviewId: string; title: string | null }[] }[];
  /** Every "what to change" answer of the quarter, sorted (none when the quarter has fewer than three answers). */
  whatToChange: string[];
  /** Answers the quarter's reviews received. */
  answers: number;
  /** The template versions the quarter's reviews started from, oldest first; null: made before templates. */
  templateVersions: { version: number | null; reviews: number }[];
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The quarter (`YYYY-Qn`, UTC) an instant falls in. */
export function quarterOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** Start (inclusive) and end (exclusive) of a quarter, epoch ms; throws on a malformed name. */
export function quarterRange(quarter: string): { start: number; end: number; months: string[] } {
  const m = QUARTER.exec(quarter);
  if (!m) throw new Error(`a quarter is written like 2026-Q1, got ${JSON.stringify(quarter)}`);
  const year = Number(m[1]);
  const first = (Number(m[2]) - 1) * 3;
  const months = [0, 1, 2].map((i) => new Date(Date.UTC(year, first + i, 1)).toISOString().slice(0, 7));
  return { start: Date.UTC(year, first, 1), end: Date.UTC(year, first + 3, 1), months };
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const hours = (from: number, to: number | null | undefined): number[] =>
  to === null || to === undefined || to < from ? [] : [Math.round(((to - from) / 3_600_000) * 10) / 10];

/** The quarter's figures. `feedback` may hold every review's answers; only the quarter's reviews count. */
export function quarterlyReview(
  entries: readonly ReviewIndexEntry[],
  feedback: readonly { reviewId: string; answer: FeedbackAnswer }[],
  quarter: string,
  now: number,
): QuarterReport {
  const { start, end, months } = quarterRange(quarter);
  const anchor = (e: ReviewIndexEntry): number | null => e.startedAt ?? e.createdAt;
  const inQuarter = entries.filter((e) => {
    const at = anchor(e);
    return at !== null && at >= start && at < end;
  });
  const ids = new Set(inQuarter.map((e) => e.reviewId));
  const monthOf = new Map(inQuarter.map((e) => [e.reviewId, new Date(anchor(e)!).toISOString().slice(0, 7)]));
  const answers = feedback.filter((f) => ids.has(f.reviewId));
  const withStart = inQuarter.flatMap((e) => (e.startedAt === null ? [] : [{ ...e, startedAt: e.startedAt }]));
  const collected = withStart.filter((e) => e.firstEntryAt !== null && e.firstEntryAt !== undefined);
  const within = collected.filter((e) => e.firstEntryAt! - e.startedAt <= 24 * 3_600_000).length;
  const factors = new Map<string, number>();
  for (const c of inQuarter.flatMap((e) => e.factorCategories ?? [])) factors.set(c, (factors.get(c) ?? 0) + 1);
  const titles = new Map(entries.map((e) => [e.reviewId, e.title]));
  return {
    quarter,
    from: new Date(start).toISOString().slice(0, 10),
    until: new Date(end).toISOString().slice(0, 10),
    reviews: { held: inQuarter.length, published: inQuarter.filter((e) => e.publishedAt !== null).length },
    medianHours: {
      toFirstEntry: median(withStart.flatMap((e) => hours(e.startedAt, e.firstEntryAt))),
      toMeeting: median(withStart.flatMap((e) => hours(e.startedAt, e.meetingAt))),
      toPublication: median(withStart.flatMap((e) => hours(e.startedAt, e.publishedAt))),
    },
    collectionWithin24h: {
      count: within,
      of: collected.length,
      share: collected.length === 0 ? null : Math.round((within / collected.length) * 1000) / 1000,
    },
    actions: actionStats(actionRows(inQuarter, now)),
    feedbackTrend: months.map((month) => {
      const mine = answers.filter((f) => monthOf.get(f.reviewId) === month).map((f) => f.answer);
      const enough = mine.length >= FEEDBACK_MIN_ANSWERS;
      const means = Object.fromEntries(
        FEEDBACK_SCALES.map(({ key }) => [key, enough ? meanOf(mine.map((a) => a[key])) : null]),
      ) as Record<FeedbackScale, number | null>;
      return { month, answers: mine.length, means };
    }),
    factorCategories: [...factors.entries()]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    repeatIncidents: inQuarter
      .filter((e) => e.earlierReviewIds.length > 0)
      .map((e) => ({
        reviewId: e.reviewId,
        title: e.title,
        earlier: e.earlierReviewIds.map((id) => ({ reviewId: id, title: titles.get(id) ?? null })),
      })),
    whatToChange:
      answers.length < FEEDBACK_MIN_ANSWERS
        ? []
        : answers
            .map((f) => f.answer.change.trim())
            .filter((t) => t.length > 0)
            .sort((a, b) => a.localeCompare(b)),
    answers: answers.length,
    templateVersions: templateCounts(inQuarter),
  };
}

/** Reviews per template version, oldest version first (reviews made before templates first of all). */
function templateCounts(entries: readonly ReviewIndexEntry[]): { version: number | null; reviews: number }[] {
  const counts = new Map<number | null, number>();
  for (const e of entries) {
    const v = typeof e.templateVersion === 'number' ? e.templateVersion : null;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([version, reviews]) => ({ version, reviews }))
    .sort((a, b) => (a.version ?? -1) - (b.version ?? -1));
}
