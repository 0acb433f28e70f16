// SQLite adapter of the store (better-sqlite3, WAL). Appends go through the shared
// batcher: under load, those of one commit window (COMMIT_WINDOW_MS; 0: one tick) commit together,
// so a burst of small updates, or many small reviews' updates, cost one fsync; each
// caller's promise resolves only after that commit. Checkpoints and
// follow-up index rows ride in the same commit (many small reviews would otherwise
// pay one fsync'd transaction each).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  AppendBatcher,
  type Committed,
  type SideWrite,
  assignSeqs,
  countByReview,
  type PendingAppend,
} from './batcher.ts';
import {
  type IndexJoinRow,
  LINK_COLUMNS,
  LOG_META_COLUMNS,
  type LinkRow,
  type LogMetaRow,
  type PublicationRow,
  type ReviewRow,
  type UpdateRow,
  linkValues,
  toIndexRow,
  toLink,
  toLogMeta,
  toPublication,
  toReview,
  toStoredUpdate,
} from './rows.ts';
import { sqliteFeedback } from './sqliteFeedback.ts';
import { sqliteTemplates } from './sqliteTemplates.ts';
import { sqliteTeamLinks } from './sqliteTeamLinks.ts';
import { sqliteEarlierGrants } from './sqliteEarlierGrants.ts';
import { migrateSqlite } from './sqliteMigrations.ts';
import { purgeSqliteHistory } from './sqlitePurge.ts';
import { type Store, StoreWriteError, writeError } from './store.ts';

export interface SqliteStoreOptions {
  /** Directory holding `hindsight.sqlite`; created if missing. Use ':memory:' only in unit tests. */
  dataDir: string;
  /** `FULL` survives power loss; `NORMAL` survives process crashes only. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Group commit: how long an append may wait for others to share its commit (ms; 0: its tick's). */
  commitWindowMs?: number;
}

/**
 * A review's last seq: its log's highest, over `reviews.last_seq` as a floor (releases before this one wrote
 * that column on every append; this one writes it only at checkpoints and on a clean stop). `r` is the
 * reviews row.
 */
const LAST_SEQ = (r: string): string =>
  `MAX(${r}.last_seq, COALESCE((SELECT MAX(seq) FROM updates WHERE review_id = ${r}.id), 0))`;

function prepare(db: Database.Database) {
  return {
    insertReview: db.prepare('INSERT INTO reviews (id, title, created_at, last_seq) VALUES (?, ?, ?, 1)'),
    getReview: db.prepare<[string], ReviewRow>('SELECT id, title, created_at FROM reviews WHERE id = ?'),
    insertLink: db.prepare(`INSERT INTO links (${LINK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    findLink: db.prepare<[string], LinkRow>('SELECT * FROM links WHERE token_hash = ?'),
    listLinks: db.prepare<[string], LinkRow>('SELECT * FROM links WHERE review_id = ? ORDER BY created_at, id'),
    revokeLink: db.prepare('UPDATE links SET revoked_at = COALESCE(revoked_at, ?) WHERE review_id = ? AND id = ?'),
    // Read, not written, by appends: an append that also rewrote the review's row wrote a second page per
    // review to the WAL, about 40% of a commit's CPU with many small reviews (bench 'rooms'). Null for a
    // review that does not exist. Within a write transaction no other connection can append.
    lastSeq: db.prepare<[string], { last_seq: number }>(
      `SELECT ${LAST_SEQ('reviews')} AS last_seq FROM reviews WHERE id = ?`,
    ),
    // Brings reviews.last_seq up to its log (one review, or all with NULL) where a checkpoint or a clean stop
    // writes anyway, so an older release, which reads that column as the last seq, can open the file.
    syncLastSeq: db.prepare<[string | null, string | null]>(
      `UPDATE reviews SET last_seq = ${LAST_SEQ('reviews')} WHERE ? IS NULL OR id = ?`,
    ),
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
    readLog: db.prepare<[string, number, number], UpdateRow>(
      `SELECT ${LOG_META_COLUMNS}, data FROM updates WHERE review_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    readLogMeta: db.prepare<[string, number, number], LogMetaRow>(
      `SELECT ${LOG_META_COLUMNS} FROM updates WHERE review_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    // Not below the log's first row: a builder that read the log before a purge writes nothing after it.
    addSnapshot: db.prepare<{ review: string; seq: number; state: Uint8Array }>(
      `INSERT OR IGNORE INTO snapshots (review_id, seq, state)
       SELECT @review, @seq, @state WHERE @seq >= (SELECT MIN(seq) FROM updates WHERE review_id = @review)`,
    ),
    // After its checkpoint's upsert, in the same transaction: skipped when that checkpoint lost to a later one.
    addCheckpointSnapshot: db.prepare<{ review: string; seq: number; state: Uint8Array; gap: number }>(
      `INSERT OR IGNORE INTO snapshots (review_id, seq, state)
       SELECT @review, @seq, @state
       WHERE NOT EXISTS (SELECT 1 FROM checkpoints WHERE review_id = @review AND upto_seq > @seq)
         AND NOT EXISTS (SELECT 1 FROM snapshots WHERE review_id = @review AND seq > @seq - @gap AND seq <= @seq)`,
    ),
    snapshotAtOrBefore: db.prepare<[string, number], { seq: number; state: Buffer }>(
      'SELECT seq, state FROM snapshots WHERE review_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
    ),
    health: db.prepare(
      'INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at',
    ),
    putIndex: db.prepare(
      `INSERT INTO review_index (review_id, seq, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(review_id) DO UPDATE SET seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at
       WHERE excluded.seq >= review_index.seq`,
    ),
    // Not kept when a later checkpoint (or a purge's) was written since it was read: it may hold purged text.
    putFirstScreen: db.prepare<{ review: string; seq: number; data: string; at: number }>(
      `INSERT INTO first_screens (review_id, seq, data, updated_at)
       SELECT @review, @seq, @data, @at
       WHERE NOT EXISTS (SELECT 1 FROM checkpoints WHERE review_id = @review AND upto_seq > @seq)
       ON CONFLICT(review_id) DO UPDATE SET seq = excluded.seq, data = excluded.data, updated_at = excluded.updated_at
       WHERE excluded.seq >= first_screens.seq`,
    ),
    getFirstScreen: db.prepare<[string], { seq: number; data: string }>(
      'SELECT seq, data FROM first_screens WHERE review_id = ?',
    ),
    listIndex: db.prepare<[], IndexJoinRow>(
      `SELECT r.id, i.seq, i.data,
         ${LAST_SEQ('r')} AS last_seq
       FROM reviews r LEFT JOIN review_index i ON i.review_id = r.id
       ORDER BY r.created_at, r.id`,
    ),
    maxVersion: db.prepare<[string], { v: number | null }>(
      'SELECT MAX(version) AS v FROM publications WHERE review_id = ?',
    ),
    insertPublication: db.prepare(
      'INSERT INTO publications (review_id, version, published_at, published_by, state) VALUES (?, ?, ?, ?, ?)',
    ),
    listPublications: db.prepare<[string], PublicationRow>(
      'SELECT version, published_at, published_by, state FROM publications WHERE review_id = ? ORDER BY version',
    ),
  };
}

export function openSqliteStore(options: SqliteStoreOptions): Store {
  let file = ':memory:';
  if (options.dataDir !== ':memory:') {
    mkdirSync(options.dataDir, { recursive: true });
    file = join(options.dataDir, 'hindsight.sqlite');
  }
  const db = new Database(file);
  let q: ReturnType<typeof prepare>;
  // Fail at start, not at the first edit, when the directory cannot be written.
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrateSqlite(db);
    q = prepare(db);
    q.health.run(Date.now());
  } catch (cause) {
    db.close();
    throw new StoreWriteError(`${file} is not writable: ${(cause as Error).message}`, { cause });
  }

  // IMMEDIATE takes the write lock before any seq is read, so two connections to
  // one file serialise their batches and each reads the other's committed rows.
  const commitBatch = db.transaction((batch: readonly PendingAppend[], alongside: readonly SideWrite[]): Committed => {
    const reserved = new Map<string, number>();
    for (const [reviewId, n] of countByReview(batch)) {
      const row = q.lastSeq.get(reviewId);
      if (row) reserved.set(reviewId, row.last_seq + n);
    }
    const seqs = assignSeqs(batch, reserved);
    batch.forEach(({ reviewId, input }, i) => {
      const seq = seqs[i];
      if (seq != null) q.insertUpdate.run(reviewId, seq, input.receivedAt, input.role, input.linkId, input.update);
    });
    return { seqs, sideErrors: alongside.map(inSavepoint) };
  });
  // A nested better-sqlite3 transaction is a savepoint: a failed side write is undone alone,
  // unless SQLite gave up the whole transaction (a full disk), which then fails every caller.
  const inSavepoint = (run: SideWrite): Error | undefined => {
    try {
      db.transaction(run)();
      return undefined;
    } catch (err) {
      if (!db.inTransaction) throw err;
      return err instanceof Error ? err : new Error(String(err));
    }
  };
  const batcher = new AppendBatcher((batch, alongside) => commitBatch.immediate(batch, alongside), {
    windowMs: options.commitWindowMs,
  });

  let closed = false;
  const guardOpen = (): void => {
    if (closed) throw new StoreWriteError('store is closed');
  };
  /** A guarded write: refused once closed, failures wrapped as StoreWriteError saying `what`. */
  const write = <T>(what: string, run: () => T): T => {
    guardOpen();
    try {
      return run();
    } catch (cause) {
      throw writeError(what, cause);
    }
  };

  return {
    async createReview(review, links, initialUpdate) {
      write('could not create review', () =>
        db.transaction(() => {
          // The initial update below takes seq 1 (last_seq, a floor, says so too).
          q.insertReview.run(review.id, review.title, review.createdAt);
          for (const l of links) q.insertLink.run(...linkValues(l));
          q.insertUpdate.run(review.id, 1, review.createdAt, 'system', null, initialUpdate);
        })(),
      );
    },
    async getReview(id) {
      const r = q.getReview.get(id);
      return r ? toReview(r) : null;
    },
    async createLink(l) {
      write('could not create link', () => q.insertLink.run(...linkValues(l)));
    },
    async findLinkByTokenHash(tokenHash) {
      const r = q.findLink.get(tokenHash);
      return r ? toLink(r) : null;
    },
    async listLinks(reviewId) {
      return q.listLinks.all(reviewId).map(toLink);
    },
    async revokeLink(reviewId, linkId, at) {
      return write('could not revoke link', () => q.revokeLink.run(at, reviewId, linkId).changes > 0);
    },
    append: (reviewId, input) => batcher.append(reviewId, input),
    async load(reviewId) {
      // One read transaction: checkpoint, tail and last seq agree while another connection appends.
      return db.transaction(() => {
        const cp = q.getCheckpoint.get(reviewId);
        const checkpointSeq = cp?.upto_seq ?? 0;
        const tail = q.tail.all(reviewId, checkpointSeq).map((r) => new Uint8Array(r.data));
        const lastSeq = q.lastSeq.get(reviewId)?.last_seq ?? 0;
        return { checkpoint: cp ? new Uint8Array(cp.state) : null, checkpointSeq, tail, lastSeq };
      })();
    },
    async compact(reviewId, state, uptoSeq, asSnapshot) {
      guardOpen();
      await batcher.alongside('could not write checkpoint', () => {
        q.upsertCheckpoint.run(reviewId, uptoSeq, state, Date.now());
        q.syncLastSeq.run(reviewId, reviewId);
        if (asSnapshot) q.addCheckpointSnapshot.run({ review: reviewId, seq: uptoSeq, state, gap: asSnapshot.minGap });
      });
    },
    async readLog(reviewId, afterSeq, limit) {
      return q.readLog.all(reviewId, afterSeq, limit).map(toStoredUpdate);
    },
    async readLogMeta(reviewId, afterSeq, limit) {
      return q.readLogMeta.all(reviewId, afterSeq, limit).map(toLogMeta);
    },
    async addSnapshot(reviewId, seq, state) {
      write('could not write a history snapshot', () => q.addSnapshot.run({ review: reviewId, seq, state }));
    },
    async purgeHistory(reviewId, state, uptoSeq, at) {
      write('could not purge the edit history', () => purgeSqliteHistory(db, reviewId, state, uptoSeq, at));
    },
    async snapshotAtOrBefore(reviewId, seq) {
      const row = q.snapshotAtOrBefore.get(reviewId, seq);
      return row ? { seq: row.seq, state: new Uint8Array(row.state) } : null;
    },
    async putIndex(reviewId, seq, data) {
      guardOpen();
      await batcher.alongside('could not write the follow-up index', () =>
        q.putIndex.run(reviewId, seq, data, Date.now()),
      );
    },
    async putFirstScreen(reviewId, seq, data) {
      guardOpen();
      await batcher.alongside('could not keep the first screen', () =>
        q.putFirstScreen.run({ review: reviewId, seq, data, at: Date.now() }),
      );
    },
    async getFirstScreen(reviewId) {
      return q.getFirstScreen.get(reviewId) ?? null;
    },
    async listIndex() {
      return q.listIndex.all().map(toIndexRow);
    },
    async addPublication(reviewId, input) {
      return write('could not record the publication', () =>
        db.transaction(() => {
          const version = (q.maxVersion.get(reviewId)?.v ?? 0) + 1;
          q.insertPublication.run(reviewId, version, input.publishedAt, input.by, input.state);
          return version;
        })(),
      );
    },
    async listPublications(reviewId) {
      return q.listPublications.all(reviewId).map(toPublication(reviewId));
    },
    async ping() {
      // A real, tiny committed write: fails on a read-only or full disk.
      write('store cannot write', () => q.health.run(Date.now()));
    },
    ...sqliteFeedback(db, write),
    ...sqliteTemplates(db, write),
    ...sqliteTeamLinks(db, write),
    ...sqliteEarlierGrants(db, write),
    async close() {
      if (closed) return;
      await batcher.close();
      closed = true;
      try {
        q.syncLastSeq.run(null, null);
      } catch {
        // Only for going back to an older release; nothing this one reads.
      }
      db.close();
    },
  };
}
