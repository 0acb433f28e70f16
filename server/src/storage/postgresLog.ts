// The Postgres document log: seqs are reserved in the database under a row lock, appends
// of one tick (the shared batcher) commit in one transaction, a load reads one snapshot.
import type pg from 'pg';
import { AppendBatcher, assignSeqs, countByReview, type PendingAppend } from './batcher.ts';
import { inTransaction, lockHistory, toBuffer } from './postgresPool.ts';
import { LOG_META_COLUMNS, type UpdateRow, toStoredUpdate } from './rows.ts';
import type { DocumentLog, LoadedDoc } from './store.ts';

/**
 * Commits one batch in three statements, however many reviews it touches: lock the review
 * rows in one global order (sorted ids, so two servers flushing batches over the same
 * reviews never deadlock), reserve each review's seqs, insert every row. A row lock is held
 * until COMMIT, so appenders of one review on every server are serialised: a later holder
 * reads the earlier one's committed last_seq, hence seqs are contiguous and a higher seq
 * always commits later than a lower one.
 */
async function commitBatch(pool: pg.Pool, batch: readonly PendingAppend[]): Promise<(number | null)[]> {
  const counts = countByReview(batch);
  const ids = [...counts.keys()];
  return inTransaction(pool, async (c) => {
    await c.query('SELECT id FROM reviews WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [ids]);
    const reserved = await c.query<{ id: string; last_seq: number }>(
      `UPDATE reviews AS r SET last_seq = r.last_seq + v.n
       FROM unnest($1::text[], $2::bigint[]) AS v(id, n) WHERE r.id = v.id
       RETURNING r.id, r.last_seq`,
      [ids, [...counts.values()]],
    );
    const seqs = assignSeqs(batch, new Map(reserved.rows.map((r) => [r.id, Number(r.last_seq)])));
    const rows = batch.flatMap((p, i) => (seqs[i] === null ? [] : [{ ...p, seq: seqs[i] }]));
    if (rows.length > 0)
      await c.query(
        `INSERT INTO updates (review_id, seq, received_at, role, link_id, data)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bytea[])`,
        [
          rows.map((r) => r.reviewId),
          rows.map((r) => r.seq),
          rows.map((r) => r.input.receivedAt),
          rows.map((r) => r.input.role),
          rows.map((r) => r.input.linkId),
          rows.map((r) => toBuffer(r.input.update)),
        ],
      );
    return seqs;
  });
}

async function loadIn(c: pg.PoolClient, reviewId: string): Promise<LoadedDoc> {
  const cp = await c.query<{ upto_seq: number; state: Buffer }>(
    'SELECT upto_seq, state FROM checkpoints WHERE review_id = $1',
    [reviewId],
  );
  const checkpointSeq = cp.rows[0]?.upto_seq ?? 0;
  const tail = await c.query<{ data: Buffer }>(
    'SELECT data FROM updates WHERE review_id = $1 AND seq > $2 ORDER BY seq',
    [reviewId, checkpointSeq],
  );
  const last = await c.query<{ last_seq: number }>('SELECT last_seq FROM reviews WHERE id = $1', [reviewId]);
  return {
    checkpoint: cp.rows[0] ? new Uint8Array(cp.rows[0].state) : null,
    checkpointSeq,
    tail: tail.rows.map((r) => new Uint8Array(r.data)),
    lastSeq: last.rows[0]?.last_seq ?? 0,
  };
}

/** The document log over `pool`; `write` is the adapter's guarded write. Close `batcher` before the pool. */
export function postgresLog(
  pool: pg.Pool,
  write: <T>(what: string, run: () => Promise<T>) => Promise<T>,
): DocumentLog & { batcher: AppendBatcher } {
  const batcher = new AppendBatcher(async (batch, alongside) => {
    // Postgres writes its checkpoints itself; nothing rides along here.
    if (alongside.length > 0) throw new Error('the Postgres log takes no side writes');
    return { seqs: await commitBatch(pool, batch), sideErrors: [] };
  });
  return {
    batcher,
    append: (reviewId, input) => batcher.append(reviewId, input),
    load(reviewId) {
      // One snapshot for checkpoint, tail and last_seq, so they agree even
      // while other servers append or compact the same review.
      return inTransaction(pool, (c) => loadIn(c, reviewId), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    },
    compact(reviewId, state, uptoSeq, asSnapshot) {
      return write('could not write checkpoint', async () => {
        const bytes = toBuffer(state);
        // The WHERE keeps a newer checkpoint when an older compaction (from
        // this or another server) lands after it.
        const upsert = (c: Pick<pg.Pool, 'query'>) =>
          c.query(
            `INSERT INTO checkpoints (review_id, upto_seq, state, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (review_id) DO UPDATE SET upto_seq = excluded.upto_seq, state = excluded.state,
               created_at = excluded.created_at WHERE excluded.upto_seq >= checkpoints.upto_seq`,
            [reviewId, uptoSeq, bytes, Date.now()],
          );
        if (!asSnapshot) {
          await upsert(pool);
          return;
        }
        await inTransaction(pool, async (c) => {
          // Before the checkpoint: a purge holds this lock from before it deletes until it commits.
          await lockHistory(c, reviewId);
          await upsert(c);
          // Skipped when that checkpoint lost to a later one (or a purge's).
          await c.query(
            `INSERT INTO snapshots (review_id, seq, state)
             SELECT $1, $2, $3
             WHERE NOT EXISTS (SELECT 1 FROM checkpoints WHERE review_id = $1 AND upto_seq > $2)
               AND NOT EXISTS (SELECT 1 FROM snapshots WHERE review_id = $1 AND seq > $2 - $4 AND seq <= $2)
             ON CONFLICT DO NOTHING`,
            [reviewId, uptoSeq, bytes, asSnapshot.minGap],
          );
        });
      });
    },
    putFirstScreen(reviewId, seq, data) {
      return write('could not keep the first screen', () =>
        inTransaction(pool, async (c) => {
          // As for a snapshot: a purge holds this lock until it commits, and one read before it is not kept.
          await lockHistory(c, reviewId);
          await c.query(
            `INSERT INTO first_screens (review_id, seq, data, updated_at)
             SELECT $1, $2, $3, $4 WHERE NOT EXISTS (SELECT 1 FROM checkpoints WHERE review_id = $1 AND upto_seq > $2)
             ON CONFLICT (review_id) DO UPDATE SET seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at
             WHERE excluded.seq >= first_screens.seq`,
            [reviewId, seq, data, Date.now()],
          );
        }),
      );
    },
    async getFirstScreen(reviewId) {
      const res = await pool.query<{ seq: number; data: string }>(
        'SELECT seq, data FROM first_screens WHERE review_id = $1',
        [reviewId],
      );
      return res.rows[0] ?? null;
    },
    async readLog(reviewId, afterSeq, limit) {
      const res = await pool.query<UpdateRow>(
        `SELECT ${LOG_META_COLUMNS}, data FROM updates WHERE review_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [reviewId, afterSeq, limit],
      );
      return res.rows.map(toStoredUpdate);
    },
  };
}
