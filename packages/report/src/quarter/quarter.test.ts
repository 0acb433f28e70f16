import { describe, expect, it } from 'vitest';
import type { FeedbackAnswer } from '@hindsight/protocol';
import type { ReviewIndexEntry } from '../followup/indexEntry.ts';
import { quarterOf, quarterRange, quarterlyReview } from './quarter.ts';
import { quarterMarkdown } from './quarterMarkdown.ts';

const H = 3_600_000;
const at = (month: number, day: number, hour = 0): number => Date.UTC(2026, month - 1, day, hour);

function review(id: string, over: Partial<ReviewIndexEntry>): ReviewIndexEntry {
  return {
    reviewId: id,
    title: `Review ${id}`,
    status: 'reviewing',
    severity: null,
    createdAt: null,
    publishedAt: null,
    startedAt: null,
    detectedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    earlierReviewIds: [],
    actions: [],
    firstEntryAt: null,
    meetingAt: null,
    factorCategories: [],
    ...over,
  };
}

const action = (id: string, status: string, due: string | null) => ({
  id,
  title: id,
  owner: null,
  due,
  status,
  priority: null,
  link: null,
  createdAt: at(1, 1),
  completedAt: status === 'done' ? at(3, 1) : null,
});

/** The fixture quarter, 2026-Q1, with answers worked out by hand below. */
export const FIXTURE_REVIEWS: ReviewIndexEntry[] = [
  // A: January. First entry after 2 h, meeting after 48 h, published after 96 h.
  review('a', {
    title: 'Checkout outage',
    startedAt: at(1, 10),
    firstEntryAt: at(1, 10, 2),
    meetingAt: at(1, 12),
    publishedAt: at(1, 14),
    status: 'published',
    factorCategories: ['process', 'technology', 'technology'],
    templateVersion: 1,
    actions: [action('a1', 'done', '2026-01-20'), action('a2', 'open', '2026-02-01')],
  }),
  // B: February. First entry after 30 h (late), meeting after 72 h, not published.
  review('b', {
    title: 'Login latency',
    startedAt: at(2, 5),
    firstEntryAt: at(2, 6, 6),
    meetingAt: at(2, 8),
    factorCategories: ['technology', 'people'],
    earlierReviewIds: ['old'],
    templateVersion: 2,
    actions: [action('b1', 'in_progress', '2026-12-01'), action('b2', 'wont_do', null)],
  }),
  // C: March. First entry after 4 h, published after 24 h (no meeting recorded).
  review('c', {
    title: 'Queue backlog',
    startedAt: at(3, 20),
    firstEntryAt: at(3, 20, 4),
    publishedAt: at(3, 21),
    status: 'published',
    factorCategories: ['process'],
    templateVersion: 2,
    actions: [action('c1', 'done', '2026-03-25')],
  }),
  // Outside the quarter: counted nowhere.
  review('old', { title: 'Edge reload loop', startedAt: at(12, 1) - 365 * 24 * H, factorCategories: ['people'] }),
  review('next', { startedAt: Date.UTC(2026, 3, 2), factorCategories: ['people'], templateVersion: 3 }),
];

const answer = (usefulness: number, safety: number, change = ''): FeedbackAnswer => ({
  round: 'meeting',
  usefulness,
  safety,
  timeWellSpent: 4,
  keep: '',
  change,
});

export const FIXTURE_FEEDBACK = [
  { reviewId: 'a', answer: answer(5, 4, 'Send the timeline a day earlier') },
  { reviewId: 'a', answer: answer(4, 4) },
  { reviewId: 'a', answer: answer(3, 5, 'Shorter agenda') },
  { reviewId: 'b', answer: answer(2, 3, 'Invite support') },
  { reviewId: 'next', answer: answer(1, 1, 'Not this quarter') },
];

describe('the quarterly process review', () => {
  const now = at(3, 31, 12);
  const q = quarterlyReview(FIXTURE_REVIEWS, FIXTURE_FEEDBACK, '2026-Q1', now);

  it('names quarters and their months in UTC', () => {
    expect(quarterOf(at(3, 31, 23))).toBe('2026-Q1');
    expect(quarterOf(Date.UTC(2026, 3, 1))).toBe('2026-Q2');
    expect(quarterRange('2026-Q4').months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(() => quarterRange('2026-Q5')).toThrow(/2026-Q1/);
  });

  it('counts the quarter’s reviews and the medians from the incident', () => {
    expect(q.reviews).toEqual({ held: 3, published: 2 });
    // First entry: 2, 30, 4 h → 4. Meeting: 48, 72 → 60. Publication: 96, 24 → 60.
    expect(q.medianHours).toEqual({ toFirstEntry: 4, toMeeting: 60, toPublication: 60 });
    expect(q.collectionWithin24h).toEqual({ count: 2, of: 3, share: 0.667 });
  });

  it('rolls up the action items as of now', () => {
    // 5 items: 2 done, 1 open + 1 in progress, 1 won't do; a2 is overdue; 2 of 4 countable done.
    expect(q.actions).toMatchObject({ total: 5, done: 2, open: 2, wontDo: 1, overdue: 1, completionRate: 0.5 });
  });

  it('shows feedback means only for months with three answers, and the quarter’s change texts sorted', () => {
    expect(q.answers).toBe(4);
    expect(q.feedbackTrend).toEqual([
      { month: '2026-01', answers: 3, means: { usefulness: 4, safety: 4.3, timeWellSpent: 4 } },
      { month: '2026-02', answers: 1, means: { usefulness: null, safety: null, timeWellSpent: null } },
      { month: '2026-03', answers: 0, means: { usefulness: null, safety: null, timeWellSpent: null } },
    ]);
    expect(q.whatToChange).toEqual(['Invite support', 'Send the timeline a day earlier', 'Shorter agenda']);
  });

  it('ranks factor categories and lists repeat incidents', () => {
    expect(q.factorCategories).toEqual([
      { category: 'technology', count: 3 },
      { category: 'process', count: 2 },
      { category: 'people', count: 1 },
    ]);
    expect(q.repeatIncidents).toEqual([
      { reviewId: 'b', title: 'Login latency', earlier: [{ reviewId: 'old', title: 'Edge reload loop' }] },
    ]);
  });

  it('counts the reviews per template version they started from, oldest version first', () => {
    expect(q.templateVersions).toEqual([
      { version: 1, reviews: 1 },
      { version: 2, reviews: 2 },
    ]);
    const mixed = quarterlyReview(
      [
        ...FIXTURE_REVIEWS,
        review('d', { startedAt: at(3, 22) }),
        review('e', { startedAt: at(3, 23), templateVersion: 0 }),
      ],
      [],
      '2026-Q1',
      now,
    );
    expect(mixed.templateVersions.map((t) => t.version)).toEqual([null, 0, 1, 2]);
  });

  it('hides the change texts of a quarter with fewer than three answers', () => {
    const thin = quarterlyReview(FIXTURE_REVIEWS, FIXTURE_FEEDBACK.slice(3), '2026-Q1', now);
    expect(thin.answers).toBe(1);
    expect(thin.whatToChange).toEqual([]);
  });

  it('exports the quarter as Markdown', async () => {
    await expect(quarterMarkdown(q)).toMatchFileSnapshot('../__golden__/quarter.md');
  });
});
