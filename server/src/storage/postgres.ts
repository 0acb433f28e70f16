// Postgres adapter of the store (pg Pool) for the multi-server mode: seqs are assigned in the database under a row lock, appends are batched per tick into one transaction.
import pg from 'pg';
import {
  type AppendInput,
  type IndexRow,
  type LinkRecord,
  type LoadedDoc,
  type LogMeta,
  type PublicationRecord,
  type ReviewRecord,
  type Store,
  type StoredUpdate,
  StoreWriteError,
} from './store.ts';
import { type LinkRow, toLink } from './rows.ts';
import { FEEDBACK_TABLES_SQL } from './feedback.ts';
import { postgresFeedback } from './postgresFeedback.ts';
import { postgresTemplates } from './postgresTemplates.ts';
import { TEMPLATE_TABLES_SQL } from './templates.ts';

export interface PostgresStoreOptions {
  /** A postgres:// URL. */
  connectionString: string;
  /** Most connections this store opens (default 10). */
  poolSize?: number;
  /** Schema holding the tables, created if missing (default: the connection's own search_path, usually `public`). */
  schema?: string;
  /** How long to wait for a connection before a call fails, ms (default 5000). */
  connectTimeoutMs?: number;
}

interface Pending {
  reviewId: string;
  input: AppendInput;
  resolve: (seq: number) => void;
  reject: (err: Error) => void;
}

/** Numbered migrations; an applied number is never edited, only new ones added. */
const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE reviews (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE links (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id),
  role TEXT NOT NULL,
  label TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX links_review ON links(review_id);
CREATE TABLE updates (
  review_id TEXT NOT NULL REFERENCES reviews(id),
  seq BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  role TEXT NOT NULL,
  link_id TEXT,
  data BYTEA NOT NULL,
  PRIMARY KEY (review_id, seq)
);
CREATE TABLE checkpoints (
  review_id TEXT PRIMARY KEY,
  upto_seq BIGINT NOT NULL,
  state BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE health (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at BIGINT NOT NULL
);
`,
  },
  {
    version: 2,
    sql: `
CREATE TABLE review_index (
  review_id TEXT PRIMARY KEY REFERENCES reviews(id),
  seq BIGINT NOT NULL,
  data TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE publications (
  review_id TEXT NOT NULL REFERENCES reviews(id),
  version INTEGER NOT NULL,
  published_at BIGINT NOT NULL,
  published_by TEXT,
  state BYTEA NOT NULL,
  PRIMARY KEY (review_id, version)
);
`,
  },
  {
    version: 3,
    sql: `
CREATE TABLE snapshots (
  review_id TEXT NOT NULL REFERENCES reviews(id),
  seq BIGINT NOT NULL,
  state BYTEA NOT NULL,
  PRIMARY KEY (review_id, seq)
);
`,
  },
  { version: 4, sql: FEEDBACK_TABLES_SQL },
  { version: 5, sql: TEMPLATE_TABLES_SQL },
];

const INT8_OID = 20;

/** BIGINT columns hold epoch ms and seqs, both far below 2^53: read them as numbers, not strings. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

const toBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

const message = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

const writeError = (what: string, cause: unknown): StoreWriteError =>
  cause instanceof StoreWriteError ? cause : new StoreWriteError(`${what}: ${message(cause)}`, { cause });

const quoteIdent = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name ${JSON.stringify(name)}`);
  return `"${name}"`;
};

/** Runs `work` in one transaction on one pooled connection; rolls back on any error. */
async function inTransaction<T>(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // The pool listens for errors on idle connections only. A connection lost
  // while checked out (between two statements) emits 'error' here: unhandled,
  // that would crash the server; the next statement fails and we roll back.
  const onError = (e: Error): void => void (broken = e);
  client.on('error', onError);
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A failed ROLLBACK means the connection itself is gone: drop it from the pool.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}

/** Applies missing migrations; safe when several servers open the same database at once. */
async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  await inTransaction(pool, async (c) => {
    // One transaction-scoped lock per schema: concurrent starters queue here, and
    // the second sees the first's committed schema_migrations rows instead of
    // racing it to CREATE TABLE. The lock is released by COMMIT/ROLLBACK.
    await c.query(`SELECT pg_advisory_xact_lock(hashtext('hindsight.migrate:' || $1))`, [schema ?? '']);
    if (schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await c.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const done = await c.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.rows.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, Date.now()]);
    }
  });
}

/** Groups a batch by review, keeping each review's appends in arrival order. */
function groupByReview(batch: Pending[]): Map<string, Pending[]> {
  const groups = new Map<string, Pending[]>();
  for (const p of batch) {
    const list = groups.get(p.reviewId);
    if (list) list.push(p);
    else groups.set(p.reviewId, [p]);
  }
  return groups;
}

/**
 * Commits one batch in three statements, however many reviews it touches: lock the review
 * rows in one global order (sorted ids, so two servers flushing batches over the same
 * reviews never deadlock), reserve each review's seqs, insert every row. A row lock is held
 * until COMMIT, so appenders of one review on every server are serialised: a later holder
 * reads the earlier one's committed last_seq, hence seqs are contiguous and a higher seq
 * always commits later than a lower one. Returns each append's seq, or null for an unknown review.
 */
async function commitBatch(pool: pg.Pool, batch: Pending[]): Promise<Map<Pending, number | null>> {
  const groups = groupByReview(batch);
  const ids = [...groups.keys()].sort();
  const seqs = new Map<Pending, number | null>();
  await inTransaction(pool, async (c) => {
    await c.query('SELECT id FROM reviews WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [ids]);
    const reserved = await c.query<{ id: string; last_seq: string | number }>(
      `UPDATE reviews AS r SET last_seq = r.last_seq + v.n
       FROM unnest($1::text[], $2::bigint[]) AS v(id, n) WHERE r.id = v.id
       RETURNING r.id, r.last_seq`,
      [ids, ids.map((id) => groups.get(id)!.length)],
    );
    const lastSeq = new Map(reserved.rows.map((r) => [r.id, Number(r.last_seq)]));
    const rows: { reviewId: string; seq: number; p: Pending }[] = [];
    for (const id of ids) {
      const group = groups.get(id)!;
      const last = lastSeq.get(id);
      const first = last === undefined ? null : last - group.length + 1;
      group.forEach((p, i) => {
        seqs.set(p, first === null ? null : first + i);
        if (first !== null) rows.push({ reviewId: id, seq: first + i, p });
      });
    }
    if (rows.length === 0) return;
    await c.query(
      `INSERT INTO updates (review_id, seq, received_at, role, link_id, data)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bytea[])`,
      [
        rows.map((r) => r.reviewId),
        rows.map((r) => r.seq),
        rows.map((r) => r.p.input.receivedAt),
        rows.map((r) => r.p.input.role),
        rows.map((r) => r.p.input.linkId),
        rows.map((r) => toBuffer(r.p.input.update)),
      ],
    );
  });
  return seqs;
}

/** Opens a Postgres store: connects, runs pending migrations, and returns the Store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const schema = options.schema;
  if (schema) quoteIdent(schema);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    keepAlive: true,
    types,
    // Set at connection start-up, so every pooled connection (also those made
    // after a Postgres restart) resolves table names in this schema.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by a Postgres restart emits 'error' on the pool;
  // unhandled it would crash the process. The pool discards it and reconnects.
  pool.on('error', () => undefined);
  try {
    await migrate(pool, schema);
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new StoreWriteError(`could not open Postgres store: ${message(cause)}`, { cause });
  }
  return createPostgresStore(pool);
}

function createPostgresStore(pool: pg.Pool): Store {
  let queue: Pending[] = [];
  let scheduled = false;
  let inFlight: Promise<void> | null = null;
  let closed = false;

  const schedule = (): void => {
    if (scheduled || inFlight) return;
    scheduled = true;
    setImmediate(() => void flush());
  };

  // One flush in flight at a time: appends arriving meanwhile wait in `queue`
  // and go out together when it settles, so load never fans out into many
  // parallel transactions and order across flushes is preserved.
  const flush = (): Promise<void> => {
    scheduled = false;
    if (inFlight) return inFlight;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return Promise.resolve();
    inFlight = settle(batch).finally(() => {
      inFlight = null;
      if (queue.length > 0) schedule();
    });
    return inFlight;
  };

  const settle = async (batch: Pending[]): Promise<void> => {
    let seqs: Map<Pending, number | null>;
    try {
      seqs = await commitBatch(pool, batch);
    } catch (cause) {
      const err = writeError(`could not commit ${batch.length} update(s)`, cause);
      for (const p of batch) p.reject(err);
      return;
    }
    for (const p of batch) {
      const seq = seqs.get(p);
      if (seq === null || seq === undefined) p.reject(new StoreWriteError(`no review ${p.reviewId}: update refused`));
      else p.resolve(seq);
    }
  };

  /** Resolves when everything queued before the call has settled. */
  const drain = async (): Promise<void> => {
    while (inFlight || queue.length > 0) await (inFlight ?? flush());
  };

  const guardOpen = (): void => {
    if (closed) throw new StoreWriteError('store is closed');
  };

  const write = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    guardOpen();
    try {
      return await run();
    } catch (cause) {
      throw writeError(what, cause);
    }
  };

  const insertLink = (c: pg.Pool | pg.PoolClient, l: LinkRecord) =>
    c.query(
      'INSERT INTO links (id, review_id, role, label, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [l.id, l.reviewId, l.role, l.label, l.tokenHash, l.createdAt, l.revokedAt],
    );

  return {
    createReview(review: ReviewRecord, links: LinkRecord[], initialUpdate: Uint8Array): Promise<void> {
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
    async getReview(id: string): Promise<ReviewRecord | null> {
      const res = await pool.query<{ id: string; title: string; created_at: number }>(
        'SELECT id, title, created_at FROM reviews WHERE id = $1',
        [id],
      );
      const r = res.rows[0];
      return r ? { id: r.id, title: r.title, createdAt: r.created_at } : null;
    },
    async createLink(l: LinkRecord): Promise<void> {
      await write('could not create link', () => insertLink(pool, l));
    },
    async findLinkByTokenHash(tokenHash: string): Promise<LinkRecord | null> {
      const res = await pool.query<LinkRow>('SELECT * FROM links WHERE token_hash = $1', [tokenHash]);
      return res.rows[0] ? toLink(res.rows[0]) : null;
    },
    async listLinks(reviewId: string): Promise<LinkRecord[]> {
      const res = await pool.query<LinkRow>('SELECT * FROM links WHERE review_id = $1 ORDER BY created_at, id', [
        reviewId,
      ]);
      return res.rows.map(toLink);
    },
    revokeLink(reviewId: string, linkId: string, at: number): Promise<boolean> {
      return write('could not revoke link', async () => {
        const res = await pool.query(
          'UPDATE links SET revoked_at = COALESCE(revoked_at, $1) WHERE review_id = $2 AND id = $3',
          [at, reviewId, linkId],
        );
        return (res.rowCount ?? 0) > 0;
      });
    },
    append(reviewId: string, input: AppendInput): Promise<number> {
      if (closed) return Promise.reject(new StoreWriteError('store is closed'));
      return new Promise<number>((resolve, reject) => {
        queue.push({ reviewId, input, resolve, reject });
        schedule();
      });
    },
    load(reviewId: string): Promise<LoadedDoc> {
      // One snapshot for checkpoint, tail and last_seq, so they agree even
      // while other servers append or compact the same review.
      return inTransaction(pool, (c) => loadIn(c, reviewId), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    },
    compact(reviewId: string, state: Uint8Array, uptoSeq: number): Promise<void> {
      return write('could not write checkpoint', async () => {
        // The WHERE keeps a newer checkpoint when an older compaction (from
        // this or another server) lands after it.
        await pool.query(
          `INSERT INTO checkpoints (review_id, upto_seq, state, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (review_id) DO UPDATE SET upto_seq = excluded.upto_seq, state = excluded.state,
             created_at = excluded.created_at WHERE excluded.upto_seq >= checkpoints.upto_seq`,
          [reviewId, uptoSeq, toBuffer(state), Date.now()],
        );
      });
    },
    async readLogMeta(reviewId: string, afterSeq: number, limit: number): Promise<LogMeta[]> {
      const res = await pool.query<{ seq: number; received_at: number; role: string; link_id: string | null }>(
        'SELECT seq, received_at, role, link_id FROM updates WHERE review_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [reviewId, afterSeq, limit],
      );
      return res.rows.map((r) => ({
        seq: r.seq,
        receivedAt: r.received_at,
        role: r.role as LogMeta['role'],
        linkId: r.link_id,
      }));
    },
    addSnapshot(reviewId: string, seq: number, state: Uint8Array): Promise<void> {
      return write('could not write a history snapshot', async () => {
        await pool.query('INSERT INTO snapshots (review_id, seq, state) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          reviewId,
          seq,
          toBuffer(state),
        ]);
      });
    },
    async snapshotAtOrBefore(reviewId: string, seq: number): Promise<{ seq: number; state: Uint8Array } | null> {
      const res = await pool.query<{ seq: number; state: Buffer }>(
        'SELECT seq, state FROM snapshots WHERE review_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1',
        [reviewId, seq],
      );
      const row = res.rows[0];
      return row ? { seq: row.seq, state: new Uint8Array(row.state) } : null;
    },
    async readLog(reviewId: string, afterSeq: number, limit: number): Promise<StoredUpdate[]> {
      const res = await pool.query<{
        seq: number;
        received_at: number;
        role: string;
        link_id: string | null;
        data: Buffer;
      }>(
        'SELECT seq, received_at, role, link_id, data FROM updates WHERE review_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [reviewId, afterSeq, limit],
      );
      return res.rows.map((r) => ({
        seq: r.seq,
        receivedAt: r.received_at,
        role: r.role as StoredUpdate['role'],
        linkId: r.link_id,
        update: new Uint8Array(r.data),
      }));
    },
    putIndex(reviewId: string, seq: number, data: string): Promise<void> {
      return write('could not write the follow-up index', async () => {
        await pool.query(
          `INSERT INTO review_index (review_id, seq, data, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (review_id) DO UPDATE SET seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at
           WHERE excluded.seq >= review_index.seq`,
          [reviewId, seq, data, Date.now()],
        );
      });
    },
    async listIndex(): Promise<IndexRow[]> {
      const res = await pool.query<{ id: string; seq: number | null; data: string | null; last_seq: number }>(
        `SELECT r.id, i.seq, i.data, r.last_seq FROM reviews r LEFT JOIN review_index i ON i.review_id = r.id
         ORDER BY r.created_at, r.id`,
      );
      return res.rows.map((r) => ({ reviewId: r.id, indexedSeq: r.seq ?? 0, lastSeq: r.last_seq, data: r.data }));
    },
    addPublication(
      reviewId: string,
      input: { publishedAt: number; by: string | null; state: Uint8Array },
    ): Promise<number> {
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
    async listPublications(reviewId: string): Promise<PublicationRecord[]> {
      const res = await pool.query<{
        version: number;
        published_at: number;
        published_by: string | null;
        state: Buffer;
      }>('SELECT version, published_at, published_by, state FROM publications WHERE review_id = $1 ORDER BY version', [
        reviewId,
      ]);
      return res.rows.map((r) => ({
        reviewId,
        version: r.version,
        publishedAt: r.published_at,
        by: r.published_by,
        state: new Uint8Array(r.state),
      }));
    },
    ping(): Promise<void> {
      // A real, tiny committed write: fails when Postgres is down or read-only.
      return write('store cannot write', async () => {
        await pool.query(
          'INSERT INTO health (id, checked_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
          [Date.now()],
        );
      });
    },
    ...postgresFeedback({ pool, transaction: (work) => inTransaction(pool, work), write }),
    ...postgresTemplates({ pool, transaction: (work) => inTransaction(pool, work), write }),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await drain();
      await pool.end();
    },
  };
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
