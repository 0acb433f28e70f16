// SQLite adapter of the store (better-sqlite3, WAL). Appends are queued and
// committed together once per tick, so a burst of small updates costs one
// fsync; each caller's promise resolves only after that commit.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AppendInput,
  type IndexRow,
  type LinkRecord,
  type LoadedDoc,
  type PublicationRecord,
  type ReviewRecord,
  type Store,
  type LogMeta,
  type StoredUpdate,
  StoreWriteError,
} from './store.ts';
import { type LinkRow, toLink } from './rows.ts';
import { sqliteFeedback } from './sqliteFeedback.ts';
import { sqliteTemplates } from './sqliteTemplates.ts';
import { migrateSqlite } from './sqliteMigrations.ts';

export interface SqliteStoreOptions {
  /** Directory holding `hindsight.sqlite`; created if missing. Use ':memory:' only in unit tests. */
  dataDir: string;
  /** `FULL` survives power loss; `NORMAL` survives process crashes only. */
  synchronous?: 'FULL' | 'NORMAL';
}

interface Pending {
  reviewId: string;
  input: AppendInput;
  resolve: (seq: number) => void;
  reject: (err: Error) => void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS reviews (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS links (
  id TEXT PRIMARY KEY,
  review_id TEXT NOT NULL REFERENCES reviews(id),
  role TEXT NOT NULL,
  label TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS links_review ON links(review_id);
CREATE TABLE IF NOT EXISTS updates (
  review_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  role TEXT NOT NULL,
  link_id TEXT,
  data BLOB NOT NULL,
  PRIMARY KEY (review_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS health (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS review_index (
  review_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS publications (
  review_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  published_at INTEGER NOT NULL,
  published_by TEXT,
  state BLOB NOT NULL,
  PRIMARY KEY (review_id, version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  review_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  state BLOB NOT NULL,
  PRIMARY KEY (review_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  review_id TEXT PRIMARY KEY,
  upto_seq INTEGER NOT NULL,
  state BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
`;

export function openSqliteStore(options: SqliteStoreOptions): Store {
  let file = ':memory:';
  if (options.dataDir !== ':memory:') {
    mkdirSync(options.dataDir, { recursive: true });
    file = join(options.dataDir, 'hindsight.sqlite');
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  migrateSqlite(db);

  const q = {
    readLogMeta: db.prepare<
      [string, number, number],
      { seq: number; received_at: number; role: string; link_id: string | null }
    >('SELECT seq, received_at, role, link_id FROM updates WHERE review_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
    addSnapshot: db.prepare('INSERT OR IGNORE INTO snapshots (review_id, seq, state) VALUES (?, ?, ?)'),
    snapshotAtOrBefore: db.prepare<[string, number], { seq: number; state: Buffer }>(
      'SELECT seq, state FROM snapshots WHERE review_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
    ),
    insertReview: db.prepare('INSERT INTO reviews (id, title, created_at) VALUES (?, ?, ?)'),
    getReview: db.prepare<[string], { id: string; title: string; created_at: number }>(
      'SELECT id, title, created_at FROM reviews WHERE id = ?',
    ),
    insertLink: db.prepare(
      'INSERT INTO links (id, review_id, role, label, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    findLink: db.prepare<[string], LinkRow>('SELECT * FROM links WHERE token_hash = ?'),
    listLinks: db.prepare<[string], LinkRow>('SELECT * FROM links WHERE review_id = ? ORDER BY created_at, id'),
    revokeLink: db.prepare('UPDATE links SET revoked_at = COALESCE(revoked_at, ?) WHERE review_id = ? AND id = ?'),
    reviewExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM reviews WHERE id = ?'),
    maxSeq: db.prepare<[string], { s: number | null }>('SELECT MAX(seq) AS s FROM updates WHERE review_id = ?'),
    insertUpdate: db.prepare(
      'INSERT INTO updates (review_id, seq, received_at, role, link_id, data) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    getCheckpoint: db.prepare<[string], { upto_seq: number; state: Buffer }>(
      'SELECT upto_seq, state FROM checkpoints WHERE review_id = ?',
    ),
    tail: db.prepare<[string, number], { data: Buffer }>(
      'SELECT data FROM updates WHERE review_id = ? AND seq > ? ORDER BY seq',
    ),
    upsertCheckpoint: db.prepare(
      `INSERT INTO checkpoints (review_id, upto_seq, state, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(review_id) DO UPDATE SET upto_seq = excluded.upto_seq, state = excluded.state,
         created_at = excluded.created_at WHERE excluded.upto_seq >= checkpoints.upto_seq`,
    ),
    health: db.prepare(
      'INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at',
    ),
    putIndex: db.prepare(
      `INSERT INTO review_index (review_id, seq, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(review_id) DO UPDATE SET seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at
       WHERE excluded.seq >= review_index.seq`,
    ),
    listIndex: db.prepare<[], { id: string; seq: number | null; data: string | null; last: number | null }>(
      `SELECT r.id, i.seq, i.data, (SELECT MAX(u.seq) FROM updates u WHERE u.review_id = r.id) AS last
       FROM reviews r LEFT JOIN review_index i ON i.review_id = r.id ORDER BY r.created_at, r.id`,
    ),
    maxVersion: db.prepare<[string], { v: number | null }>(
      'SELECT MAX(version) AS v FROM publications WHERE review_id = ?',
    ),
    insertPublication: db.prepare(
      'INSERT INTO publications (review_id, version, published_at, published_by, state) VALUES (?, ?, ?, ?, ?)',
    ),
    listPublications: db.prepare<
      [string],
      { version: number; published_at: number; published_by: string | null; state: Buffer }
    >('SELECT version, published_at, published_by, state FROM publications WHERE review_id = ? ORDER BY version'),
    readLog: db.prepare<
      [string, number, number],
      { seq: number; received_at: number; role: string; link_id: string | null; data: Buffer }
    >('SELECT seq, received_at, role, link_id, data FROM updates WHERE review_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
  };

  // Fail at start, not at the first edit, when the directory cannot be written.
  try {
    q.health.run(Date.now());
  } catch (cause) {
    db.close();
    throw new StoreWriteError(`${file} is not writable: ${(cause as Error).message}`, { cause });
  }

  // The next seq is read from the log inside the write transaction, not cached:
  // another store over the same file may have appended since our last commit.
  const firstSeq = (reviewId: string): number => (q.maxSeq.get(reviewId)?.s ?? 0) + 1;

  let queue: Pending[] = [];
  let scheduled = false;
  let closed = false;

  // Returns each append's seq, or null when its review does not exist (refused).
  const commitBatch = db.transaction((batch: Pending[]): (number | null)[] => {
    const next = new Map<string, number | null>();
    return batch.map(({ reviewId, input }) => {
      let seq = next.get(reviewId);
      if (seq === undefined) seq = q.reviewExists.get(reviewId) ? firstSeq(reviewId) : null;
      next.set(reviewId, seq === null ? null : seq + 1);
      if (seq !== null) q.insertUpdate.run(reviewId, seq, input.receivedAt, input.role, input.linkId, input.update);
      return seq;
    });
  });

  const flush = (): void => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let seqs: (number | null)[];
    try {
      // IMMEDIATE takes the write lock before the seqs are read, so two
      // connections to one file cannot both pick the same next seq.
      seqs = commitBatch.immediate(batch);
    } catch (cause) {
      const err = new StoreWriteError(`could not commit ${batch.length} update(s): ${(cause as Error).message}`, {
        cause,
      });
      for (const p of batch) p.reject(err);
      return;
    }
    batch.forEach((p, i) => {
      const seq = seqs[i];
      if (seq === null || seq === undefined) p.reject(new StoreWriteError(`no review ${p.reviewId}: update refused`));
      else p.resolve(seq);
    });
  };

  const guardOpen = (): void => {
    if (closed) throw new StoreWriteError('store is closed');
  };

  return {
    async createReview(review: ReviewRecord, links: LinkRecord[], initialUpdate: Uint8Array): Promise<void> {
      guardOpen();
      try {
        db.transaction(() => {
          q.insertReview.run(review.id, review.title, review.createdAt);
          for (const l of links) {
            q.insertLink.run(l.id, l.reviewId, l.role, l.label, l.tokenHash, l.createdAt, l.revokedAt);
          }
          q.insertUpdate.run(review.id, firstSeq(review.id), review.createdAt, 'system', null, initialUpdate);
        })();
      } catch (cause) {
        throw new StoreWriteError(`could not create review: ${(cause as Error).message}`, { cause });
      }
    },
    async getReview(id: string): Promise<ReviewRecord | null> {
      const r = q.getReview.get(id);
      return r ? { id: r.id, title: r.title, createdAt: r.created_at } : null;
    },
    async createLink(l: LinkRecord): Promise<void> {
      guardOpen();
      try {
        q.insertLink.run(l.id, l.reviewId, l.role, l.label, l.tokenHash, l.createdAt, l.revokedAt);
      } catch (cause) {
        throw new StoreWriteError(`could not create link: ${(cause as Error).message}`, { cause });
      }
    },
    async findLinkByTokenHash(tokenHash: string): Promise<LinkRecord | null> {
      const r = q.findLink.get(tokenHash);
      return r ? toLink(r) : null;
    },
    async listLinks(reviewId: string): Promise<LinkRecord[]> {
      return q.listLinks.all(reviewId).map(toLink);
    },
    async revokeLink(reviewId: string, linkId: string, at: number): Promise<boolean> {
      guardOpen();
      try {
        return q.revokeLink.run(at, reviewId, linkId).changes > 0;
      } catch (cause) {
        throw new StoreWriteError(`could not revoke link: ${(cause as Error).message}`, { cause });
      }
    },
    append(reviewId: string, input: AppendInput): Promise<number> {
      if (closed) return Promise.reject(new StoreWriteError('store is closed'));
      return new Promise<number>((resolve, reject) => {
        queue.push({ reviewId, input, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    async load(reviewId: string): Promise<LoadedDoc> {
      const cp = q.getCheckpoint.get(reviewId);
      const checkpointSeq = cp?.upto_seq ?? 0;
      const tail = q.tail.all(reviewId, checkpointSeq).map((r) => new Uint8Array(r.data));
      const lastSeq = q.maxSeq.get(reviewId)?.s ?? 0;
      return { checkpoint: cp ? new Uint8Array(cp.state) : null, checkpointSeq, tail, lastSeq };
    },
    async compact(reviewId: string, state: Uint8Array, uptoSeq: number): Promise<void> {
      guardOpen();
      try {
        q.upsertCheckpoint.run(reviewId, uptoSeq, state, Date.now());
      } catch (cause) {
        throw new StoreWriteError(`could not write checkpoint: ${(cause as Error).message}`, { cause });
      }
    },
    async readLog(reviewId: string, afterSeq: number, limit: number): Promise<StoredUpdate[]> {
      return q.readLog.all(reviewId, afterSeq, limit).map((r) => ({
        seq: r.seq,
        receivedAt: r.received_at,
        role: r.role as StoredUpdate['role'],
        linkId: r.link_id,
        update: new Uint8Array(r.data),
      }));
    },
    async readLogMeta(reviewId: string, afterSeq: number, limit: number): Promise<LogMeta[]> {
      return q.readLogMeta.all(reviewId, afterSeq, limit).map((r) => ({
        seq: r.seq,
        receivedAt: r.received_at,
        role: r.role as LogMeta['role'],
        linkId: r.link_id,
      }));
    },
    async addSnapshot(reviewId: string, seq: number, state: Uint8Array): Promise<void> {
      guardOpen();
      try {
        q.addSnapshot.run(reviewId, seq, state);
      } catch (cause) {
        throw new StoreWriteError(`could not write a history snapshot: ${(cause as Error).message}`, { cause });
      }
    },
    async snapshotAtOrBefore(reviewId: string, seq: number): Promise<{ seq: number; state: Uint8Array } | null> {
      const row = q.snapshotAtOrBefore.get(reviewId, seq);
      return row ? { seq: row.seq, state: new Uint8Array(row.state) } : null;
    },
    async putIndex(reviewId: string, seq: number, data: string): Promise<void> {
      guardOpen();
      try {
        q.putIndex.run(reviewId, seq, data, Date.now());
      } catch (cause) {
        throw new StoreWriteError(`could not write the follow-up index: ${(cause as Error).message}`, { cause });
      }
    },
    async listIndex(): Promise<IndexRow[]> {
      return q.listIndex
        .all()
        .map((r) => ({ reviewId: r.id, indexedSeq: r.seq ?? 0, lastSeq: r.last ?? 0, data: r.data }));
    },
    async addPublication(
      reviewId: string,
      input: { publishedAt: number; by: string | null; state: Uint8Array },
    ): Promise<number> {
      guardOpen();
      try {
        return db.transaction(() => {
          const version = (q.maxVersion.get(reviewId)?.v ?? 0) + 1;
          q.insertPublication.run(reviewId, version, input.publishedAt, input.by, input.state);
          return version;
        })();
      } catch (cause) {
        throw new StoreWriteError(`could not record the publication: ${(cause as Error).message}`, { cause });
      }
    },
    async listPublications(reviewId: string): Promise<PublicationRecord[]> {
      return q.listPublications.all(reviewId).map((r) => ({
        reviewId,
        version: r.version,
        publishedAt: r.published_at,
        by: r.published_by,
        state: new Uint8Array(r.state),
      }));
    },
    async ping(): Promise<void> {
      guardOpen();
      // A real, tiny committed write: fails on a read-only or full disk.
      try {
        q.health.run(Date.now());
      } catch (cause) {
        throw new StoreWriteError(`store cannot write: ${(cause as Error).message}`, { cause });
      }
    },
    ...sqliteFeedback(db, guardOpen),
    ...sqliteTemplates(db, guardOpen),
    async close(): Promise<void> {
      if (closed) return;
      flush();
      closed = true;
      db.close();
    },
  };
}
