// Purging a review's edit history in SQLite: the log up to a seq becomes one
// row with the merged state, and the deleted rows' bytes leave the file.
// secure_delete zeroes freed content instead of leaving it in free pages, and
// a truncating WAL checkpoint drops the write-ahead log that still held the
// old pages.
import type Database from 'better-sqlite3';

export function purgeSqliteHistory(
  db: Database.Database,
  reviewId: string,
  state: Uint8Array,
  uptoSeq: number,
  at: number,
): void {
  const previous = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.transaction(() => {
      db.prepare('DELETE FROM updates WHERE review_id = ? AND seq <= ?').run(reviewId, uptoSeq);
      db.prepare('DELETE FROM snapshots WHERE review_id = ?').run(reviewId);
      db.prepare('DELETE FROM first_screens WHERE review_id = ?').run(reviewId);
      db.prepare(
        `INSERT INTO updates (review_id, seq, received_at, role, link_id, data) VALUES (?, ?, ?, 'system', NULL, ?)`,
      ).run(reviewId, uptoSeq, at, state);
      db.prepare(
        `INSERT INTO checkpoints (review_id, upto_seq, state, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(review_id) DO UPDATE SET upto_seq = excluded.upto_seq, state = excluded.state,
           created_at = excluded.created_at WHERE excluded.upto_seq >= checkpoints.upto_seq`,
      ).run(reviewId, uptoSeq, state, at);
    })();
  } finally {
    db.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}
