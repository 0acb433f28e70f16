// The SQLite side of the feedback repository (storage/feedback.ts).
import type Database from 'better-sqlite3';
import type { FeedbackAnswer } from '@hindsight/protocol';
import {
  FEEDBACK_INSERT,
  FEEDBACK_ORDER,
  type FeedbackRepository,
  type FeedbackRow,
  feedbackValues,
  toFeedback,
} from './feedback.ts';

/** `write` is the adapter's guarded write: refused once closed, failures wrapped as StoreWriteError. */
export function sqliteFeedback(db: Database.Database, write: <T>(what: string, run: () => T) => T): FeedbackRepository {
  const q = {
    receipt: db.prepare('INSERT OR IGNORE INTO feedback_receipts (receipt) VALUES (?)'),
    insert: db.prepare(`${FEEDBACK_INSERT}(?, ?, ?, ?, ?, ?, ?)`),
    one: db.prepare<[string], FeedbackRow>(`SELECT * FROM feedback WHERE review_id = ? ${FEEDBACK_ORDER}`),
    all: db.prepare<[], FeedbackRow>(`SELECT * FROM feedback ${FEEDBACK_ORDER}`),
  };
  return {
    async addFeedback(reviewId: string, receipt: string, answer: FeedbackAnswer): Promise<boolean> {
      return write('could not store the feedback', () =>
        db.transaction(() => {
          if (q.receipt.run(receipt).changes === 0) return false;
          q.insert.run(...feedbackValues(reviewId, answer));
          return true;
        })(),
      );
    },
    async listFeedback(reviewId: string | null) {
      return (reviewId === null ? q.all.all() : q.one.all(reviewId)).map(toFeedback);
    },
  };
}
