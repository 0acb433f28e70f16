// Postgres adapter of the store (pg Pool) for the multi-server mode: the document log
// (postgresLog.ts), the review repository below, feedback (postgresFeedback.ts), over one
// pool (postgresPool.ts) and a schema kept by numbered migrations (postgresMigrations.ts).
import type pg from 'pg';
import { postgresFeedback } from './postgresFeedback.ts';
import { postgresLog } from './postgresLog.ts';
import { postgresTemplates } from './postgresTemplates.ts';
import { postgresTeamLinks } from './postgresTeamLinks.ts';
import { postgresEarlierGrants } from './postgresEarlierGrants.ts';
import { migratePostgres } from './postgresMigrations.ts';
import { type PostgresStoreOptions, createPool, inTransaction, lockHistory, toBuffer } from './postgresPool.ts';
import {
  type IndexJoinRow,
  LINK_COLUMNS,
  LOG_META_COLUMNS,
  type LinkRow,
  type LogMetaRow,
  type PublicationRow,
  type ReviewRow,
  linkValues,
  toIndexRow,
  toLink,
  toLogMeta,
  toPublication,
  toReview,
} from './rows.ts';
import { type LinkRecord, type ReviewRepository, type Store, StoreWriteError, writeError } from './store.ts';

export type { PostgresStoreOptions } from './postgresPool.ts';

/** Opens a Postgres store: connects, runs pending migrations, and returns the Store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const pool = createPool(options);
  try {
    await migratePostgres(pool, options.schema);
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw writeError('could not open Postgres store', cause);
  }
  return createPostgresStore(pool);
}

function createPostgresStore(pool: pg.Pool): Store {
  let closed = false;
  /** A guarded write: refused once closed, failures wrapped as StoreWriteError saying `what`. */
  const write = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    if (closed) throw new StoreWriteError('store is closed');
    try {
      return await run();
    } catch (cause) {
      throw writeError(what, cause);
    }
  };
  const { batcher, ...log } = postgresLog(pool, write);
  return {
    ...log,
    ...reviewRepository(pool, write),
    ...postgresFeedback({ pool, transaction: (work) => inTransaction(pool, work), write }),
    ...postgresTemplates({ pool, transaction: (work) => inTransaction(pool, work), write }),
    ...postgresTeamLinks({ pool, transaction: (work) => inTransaction(pool, work), write }),
    ...postgresEarlierGrants({ pool, transaction: (work) => inTransaction(pool, work), write }),
    ping(): Promise<void> {
      // A real, tiny committed write: fails when Postgres is down or read-only.
      return write('store cannot write', async () => {
        await pool.query(
          'INSERT INTO health (id, checked_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
          [Date.now()],
        );
      });
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await batcher.close();
      await pool.end();
    },
  };
}

const insertLink = (c: pg.Pool | pg.PoolClient, l: LinkRecord) =>
  c.query(`INSERT INTO links (${LINK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, linkValues(l));

function reviewRepository(
  pool: pg.Pool,
  write: <T>(what: string, run: () => Promise<T>) => Promise<T>,
): ReviewRepository {
  return {
    createReview(review, links, initialUpdate) {
      return write('could not create review', () =>
        inTransaction(pool, async (c) => {
          // last_seq starts at 1: the initial update below takes seq 1.
          await c.query('INSERT INTO reviews (id, title, created_at, last_seq) VALUES ($1, $2, $3, 1)', [
            review.id,
            review.title,
            review.createdAt,
          ]);
          for (const l of links) await insertLink(c, l);
          await c.query(
            `INSERT INTO updates (review_id, seq, received_at, role, link_id, data) VALUES ($1, 1, $2, 'system', NULL, $3)`,
            [review.id, review.createdAt, toBuffer(initialUpdate)],
          );
        }),
      );
    },
    async getReview(id) {
      const res = await pool.query<ReviewRow>('SELECT id, title, created_at FROM reviews WHERE id = $1', [id]);
      return res.rows[0] ? toReview(res.rows[0]) : null;
    },
    async createLink(l) {
      await write('could not create link', () => insertLink(pool, l));
    },
    async findLinkByTokenHash(tokenHash) {
      const res = await pool.query<LinkRow>('SELECT * FROM links WHERE token_hash = $1', [tokenHash]);
      return res.rows[0] ? toLink(res.rows[0]) : null;
    },
    async listLinks(reviewId) {
      const res = await pool.query<LinkRow>('SELECT * FROM links WHERE review_id = $1 ORDER BY created_at, id', [
        reviewId,
      ]);
      return res.rows.map(toLink);
    },
    revokeLink(reviewId, linkId, at) {
      return write('could not revoke link', async () => {
        const res = await pool.query(
          'UPDATE links SET revoked_at = COALESCE(revoked_at, $1) WHERE review_id = $2 AND id = $3',
          [at, reviewId, linkId],
        );
        return (res.rowCount ?? 0) > 0;
      });
    },
    async purgeHistory(reviewId, state, uptoSeq, at) {
      await write('could not purge the edit history', () =>
        inTransaction(pool, async (c) => {
          await lockHistory(c, reviewId);
          await c.query('DELETE FROM updates WHERE review_id = $1 AND seq <= $2', [reviewId, uptoSeq]);
          await c.query('DELETE FROM snapshots WHERE review_id = $1', [reviewId]);
          await c.query('DELETE FROM first_screens WHERE review_id = $1', [reviewId]);
          await c.query(
            `INSERT INTO updates (review_id, seq, received_at, role, link_id, data) VALUES ($1, $2, $3, 'system', NULL, $4)`,
            [reviewId, uptoSeq, at, toBuffer(state)],
          );
          await c.query(
            `INSERT INTO checkpoints (review_id, upto_seq, state, created_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (review_id) DO UPDATE SET upto_seq = excluded.upto_seq, state = excluded.state,
               created_at = excluded.created_at WHERE excluded.upto_seq >= checkpoints.upto_seq`,
            [reviewId, uptoSeq, toBuffer(state), at],
          );
        }),
      );
      // The rows are gone; VACUUM lets Postgres reuse (and so overwrite) their space. Best effort: it
      // cannot run in a transaction and may wait for other sessions; the deleted rows are invisible anyway.
      await pool.query('VACUUM updates, snapshots, checkpoints, first_screens').catch(() => undefined);
    },
    async readLogMeta(reviewId, afterSeq, limit) {
      const res = await pool.query<LogMetaRow>(
        `SELECT ${LOG_META_COLUMNS} FROM updates WHERE review_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [reviewId, afterSeq, limit],
      );
      return res.rows.map(toLogMeta);
    },
    addSnapshot(reviewId, seq, state) {
      return write('could not write a history snapshot', () =>
        inTransaction(pool, async (c) => {
          await lockHistory(c, reviewId);
          // Not below the log's first row: a builder that read the log before a purge writes nothing after it.
          await c.query(
            `INSERT INTO snapshots (review_id, seq, state)
             SELECT $1, $2, $3 WHERE $2 >= (SELECT MIN(seq) FROM updates WHERE review_id = $1)
             ON CONFLICT DO NOTHING`,
            [reviewId, seq, toBuffer(state)],
          );
        }),
      );
    },
    async snapshotAtOrBefore(reviewId, seq) {
      const res = await pool.query<{ seq: number; state: Buffer }>(
        'SELECT seq, state FROM snapshots WHERE review_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1',
        [reviewId, seq],
      );
      const row = res.rows[0];
      return row ? { seq: row.seq, state: new Uint8Array(row.state) } : null;
    },
    putIndex(reviewId, seq, data) {
      return write('could not write the follow-up index', async () => {
        await pool.query(
          `INSERT INTO review_index (review_id, seq, data, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (review_id) DO UPDATE SET seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at
           WHERE excluded.seq >= review_index.seq`,
          [reviewId, seq, data, Date.now()],
        );
      });
    },
    async listIndex() {
      const res = await pool.query<IndexJoinRow>(
        `SELECT r.id, i.seq, i.data, r.last_seq FROM reviews r LEFT JOIN review_index i ON i.review_id = r.id
         ORDER BY r.created_at, r.id`,
      );
      return res.rows.map(toIndexRow);
    },
    addPublication(reviewId, input) {
      return write('could not record the publication', () =>
        inTransaction(pool, async (c) => {
          // The review row's lock serialises concurrent publications of one review.
          await c.query('SELECT 1 FROM reviews WHERE id = $1 FOR UPDATE', [reviewId]);
          const res = await c.query<{ version: number }>(
            `INSERT INTO publications (review_id, version, published_at, published_by, state)
             SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4 FROM publications WHERE review_id = $1
             RETURNING version`,
            [reviewId, input.publishedAt, input.by, toBuffer(input.state)],
          );
          return res.rows[0]!.version;
        }),
      );
    },
    async listPublications(reviewId) {
      const res = await pool.query<PublicationRow>(
        'SELECT version, published_at, published_by, state FROM publications WHERE review_id = $1 ORDER BY version',
        [reviewId],
      );
      return res.rows.map(toPublication(reviewId));
    },
  };
}
