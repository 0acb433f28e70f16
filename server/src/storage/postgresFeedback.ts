// The Postgres side of the feedback repository (storage/feedback.ts).
import type pg from 'pg';
import type { FeedbackAnswer } from '@hindsight/protocol';
import {
  FEEDBACK_INSERT,
  FEEDBACK_ORDER,
  type FeedbackRepository,
  type FeedbackRow,
  feedbackValues,
  toFeedback,
} from './feedback.ts';

export interface PostgresFeedbackDeps {
  pool: pg.Pool;
  /** Runs `work` in one transaction (the adapter's inTransaction). */
  transaction: <T>(work: (c: pg.PoolClient) => Promise<T>) => Promise<T>;
  /** Guards a write: refuses when closed, wraps failures in StoreWriteError. */
  write: <T>(what: string, run: () => Promise<T>) => Promise<T>;
}

export function postgresFeedback(deps: PostgresFeedbackDeps): FeedbackRepository {
  return {
    addFeedback(reviewId: string, receipt: string, answer: FeedbackAnswer): Promise<boolean> {
      return deps.write('could not store the feedback', () =>
        deps.transaction(async (c) => {
          const r = await c.query('INSERT INTO feedback_receipts (receipt) VALUES ($1) ON CONFLICT DO NOTHING', [
            receipt,
          ]);
          if (r.rowCount === 0) return false;
          await c.query(`${FEEDBACK_INSERT}($1, $2, $3, $4, $5, $6, $7)`, feedbackValues(reviewId, answer));
          return true;
        }),
      );
    },
    async listFeedback(reviewId: string | null) {
      const res =
        reviewId === null
          ? await deps.pool.query<FeedbackRow>(`SELECT * FROM feedback ${FEEDBACK_ORDER}`)
          : await deps.pool.query<FeedbackRow>(`SELECT * FROM feedback WHERE review_id = $1 ${FEEDBACK_ORDER}`, [
              reviewId,
            ]);
      return res.rows.map(toFeedback);
    },
  };
}
