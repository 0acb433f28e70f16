// Participant feedback storage, kept apart from the review's document and
// update log so answers never reach the replay, the history or an export.
// Two tables with nothing joining them: `feedback` holds answers without who
// or when; `feedback_receipts` holds one opaque hash per person and round
// (server/src/routes/feedback.ts derives it from the link and a random key the
// browser keeps), so a second answer is refused without storing who answered.
import type { FeedbackAnswer } from '@hindsight/protocol';

export interface FeedbackRepository {
  /**
   * Stores `answer` for the review unless `receipt` was used before; resolves
   * false (and stores nothing) when it was. Receipt and answer commit together.
   */
  addFeedback(reviewId: string, receipt: string, answer: FeedbackAnswer): Promise<boolean>;
  /** The review's answers (null: every review's), sorted by content, never by arrival. */
  listFeedback(reviewId: string | null): Promise<{ reviewId: string; answer: FeedbackAnswer }[]>;
}

/** The columns of one answer row as both adapters read them. */
export interface FeedbackRow {
  review_id: string;
  round: string;
  usefulness: number;
  safety: number;
  time_well_spent: number;
  keep_text: string;
  change_text: string;
}

export const FEEDBACK_INSERT =
  'INSERT INTO feedback (review_id, round, usefulness, safety, time_well_spent, keep_text, change_text) VALUES ';
/** Content order: the order answers arrived in is never exposed. */
export const FEEDBACK_ORDER = 'ORDER BY review_id, round, usefulness, safety, time_well_spent, keep_text, change_text';

export const feedbackValues = (reviewId: string, a: FeedbackAnswer): unknown[] => [
  reviewId,
  a.round,
  a.usefulness,
  a.safety,
  a.timeWellSpent,
  a.keep,
  a.change,
];

export const toFeedback = (r: FeedbackRow): { reviewId: string; answer: FeedbackAnswer } => ({
  reviewId: r.review_id,
  answer: {
    round: r.round === 'published' ? 'published' : 'meeting',
    usefulness: r.usefulness,
    safety: r.safety,
    timeWellSpent: r.time_well_spent,
    keep: r.keep_text,
    change: r.change_text,
  },
});

/**
 * The two tables, the same in SQLite and Postgres (numbered migrations in each adapter).
 * IF NOT EXISTS: SQLite files from before numbered migrations may hold them already.
 */
export const FEEDBACK_TABLES_SQL = `
CREATE TABLE IF NOT EXISTS feedback (
  review_id TEXT NOT NULL REFERENCES reviews(id),
  round TEXT NOT NULL,
  usefulness SMALLINT NOT NULL,
  safety SMALLINT NOT NULL,
  time_well_spent SMALLINT NOT NULL,
  keep_text TEXT NOT NULL,
  change_text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_review ON feedback(review_id);
CREATE TABLE IF NOT EXISTS feedback_receipts (
  receipt TEXT PRIMARY KEY
);
`;
