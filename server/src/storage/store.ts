// The store interfaces: everything the server keeps. The relay codes against the
// document log only; routes use the review repository. Every adapter (SQLite by
// default, Postgres for the scale-out mode) implements both and passes store.contract.ts.
import type { Role } from '@hindsight/protocol';
import type { FeedbackRepository } from './feedback.ts';
import type { TeamLinkRepository } from './teamLinks.ts';
import type { EarlierGrantRepository } from './earlierGrants.ts';
import type { TemplateRepository } from './templates.ts';

export interface ReviewRecord {
  id: string;
  title: string;
  createdAt: number;
}

export interface LinkRecord {
  id: string;
  reviewId: string;
  role: Role;
  label: string;
  /** sha256 of the token, hex. The token itself is never stored. */
  tokenHash: string;
  createdAt: number;
  revokedAt: number | null;
}

/** Who wrote an update: the link's role, or `system` for the server's own writes. */
export type WriterRole = Role | 'system';

export interface AppendInput {
  update: Uint8Array;
  /** Server receive time, epoch ms. */
  receivedAt: number;
  role: WriterRole;
  linkId: string | null;
}

/** One row of the update log without its bytes. */
export type LogMeta = Omit<StoredUpdate, 'update'>;

export interface StoredUpdate extends AppendInput {
  seq: number;
}

export interface LoadedDoc {
  /** Merged state up to and including `checkpointSeq`, or null when never compacted. */
  checkpoint: Uint8Array | null;
  checkpointSeq: number;
  /** Updates after the checkpoint, in commit order. */
  tail: Uint8Array[];
  /** Highest seq in the log (0 when empty). */
  lastSeq: number;
}

/** One review's row in the follow-up index (server/src/followup): its summary and how fresh it is. */
export interface IndexRow {
  reviewId: string;
  /** Seq the stored summary reflects; 0 when never indexed. */
  indexedSeq: number;
  /** The review's highest update seq. */
  lastSeq: number;
  /** The summary as JSON text; null when never indexed. */
  data: string | null;
}

/** A publication of a review: the document state that was published, kept so later edits show as amendments. */
export interface PublicationRecord {
  reviewId: string;
  /** 1 for the first publication, then 2, 3 ... */
  version: number;
  publishedAt: number;
  /** Display name of the facilitator link that published. */
  by: string | null;
  /** Y.encodeStateAsUpdate of the published document. */
  state: Uint8Array;
}

/**
 * The document log: all the relay needs (server/src/relay). Updates are appended in
 * commit order under increasing seqs; a checkpoint is the merged state up to a seq.
 */
export interface DocumentLog {
  /**
   * Appends one update to the review's log and resolves with its seq once it
   * is durably committed. Appends made in the same tick share one commit (with
   * SQLite, those of one commit window: see COMMIT_WINDOW_MS).
   */
  append(reviewId: string, input: AppendInput): Promise<number>;
  /** Loads the latest checkpoint plus the tail after it. */
  load(reviewId: string): Promise<LoadedDoc>;
  /**
   * Records `state` as the merged document up to `uptoSeq`. Older checkpoints may be dropped; the log is kept.
   * With `asSnapshot` (the caller knows `state` is exactly the document as of `uptoSeq`), the same
   * transaction also keeps it as the history snapshot at `uptoSeq`, unless one exists within
   * `asSnapshot.minGap` seqs before it or the stored checkpoint is past `uptoSeq` (a later checkpoint, or a
   * history purge: a snapshot from before a purge could hold text the purge removed).
   */
  compact(reviewId: string, state: Uint8Array, uptoSeq: number, asSnapshot?: CheckpointAsSnapshot): Promise<void>;
  /**
   * Keeps the top of the review's timeline (opaque JSON text) as read from its document exactly as of
   * `seq`, for a page opening the review before the server has loaded it; a lower seq never replaces a
   * higher one. A history purge deletes it, and one read before a later checkpoint
   * (or a purge) was written is not kept: it may hold text the purge removed.
   */
  putFirstScreen(reviewId: string, seq: number, data: string): Promise<void>;
  /** The first screen kept last, with its seq, or null. */
  getFirstScreen(reviewId: string): Promise<{ seq: number; data: string } | null>;
  /** The raw log after `afterSeq`, oldest first, at most `limit` rows: for catching up, replay and edit history. */
  readLog(reviewId: string, afterSeq: number, limit: number): Promise<StoredUpdate[]>;
}

/** A checkpoint kept as a history snapshot too (see DocumentLog.compact). */
export interface CheckpointAsSnapshot {
  /** No snapshot is added within this many seqs after an existing one: the history's density. */
  minGap: number;
}

/** Everything about a review that is not its document: links, the edit-history index, publications, the follow-up index. */
export interface ReviewRepository {
  /** Creates a review with its links and the document's first update, atomically. */
  createReview(review: ReviewRecord, links: LinkRecord[], initialUpdate: Uint8Array): Promise<void>;
  getReview(id: string): Promise<ReviewRecord | null>;
  createLink(link: LinkRecord): Promise<void>;
  findLinkByTokenHash(tokenHash: string): Promise<LinkRecord | null>;
  listLinks(reviewId: string): Promise<LinkRecord[]>;
  /** Marks a link revoked; false when the review has no such link. */
  revokeLink(reviewId: string, linkId: string, at: number): Promise<boolean>;
  /** Metadata of the log after `afterSeq` (no update bytes), oldest first, at most `limit` rows: the edit-history index. */
  readLogMeta(reviewId: string, afterSeq: number, limit: number): Promise<LogMeta[]>;
  /**
   * Purges the edit history up to `uptoSeq`: every logged update and history
   * snapshot of the review up to it is deleted (their bytes overwritten where
   * the database allows) and replaced by one `system` update holding `state`,
   * the merged document as of `uptoSeq`, which is also the checkpoint. Text
   * deleted before then is no longer stored. Later updates are kept.
   */
  purgeHistory(reviewId: string, state: Uint8Array, uptoSeq: number, at: number): Promise<void>;
  /**
   * Keeps `state` as the document exactly as of `seq`, for seeking in the edit history. Idempotent. Not
   * kept below the log's first seq: after a purge, a snapshot from before it (read before it) is dropped.
   */
  addSnapshot(reviewId: string, seq: number, state: Uint8Array): Promise<void>;
  /** The latest history snapshot at or before `seq`, or null. */
  snapshotAtOrBefore(reviewId: string, seq: number): Promise<{ seq: number; state: Uint8Array } | null>;
  /** Stores a review's follow-up summary (opaque JSON text) as of `seq`; a lower seq never replaces a higher one. */
  putIndex(reviewId: string, seq: number, data: string): Promise<void>;
  /** One row per review, never-indexed ones included (data null), oldest review first. */
  listIndex(): Promise<IndexRow[]>;
  /** Records a publication; resolves with its version (1, 2, ...). */
  addPublication(reviewId: string, input: PublicationInput): Promise<number>;
  /** The review's publications, oldest first. */
  listPublications(reviewId: string): Promise<PublicationRecord[]>;
}

export type PublicationInput = Omit<PublicationRecord, 'reviewId' | 'version'>;

/**
 * What an adapter (SQLite, Postgres) implements: the document log, the review repository,
 * participant feedback (kept in its own tables, storage/feedback.ts, never in the document)
 * and the instance template's versions (storage/templates.ts). Every adapter passes store.contract.ts.
 */
export interface Store
  extends
    DocumentLog,
    ReviewRepository,
    FeedbackRepository,
    TemplateRepository,
    TeamLinkRepository,
    EarlierGrantRepository {
  /** Resolves when the store can both read and write. */
  ping(): Promise<void>;
  /** Flushes pending appends and releases resources. */
  close(): Promise<void>;
}

/** Thrown by adapters when a write cannot be committed (disk full, read-only, closed). */
export class StoreWriteError extends Error {
  override readonly name = 'StoreWriteError';
}

/** Wraps a failed write as a StoreWriteError saying `what` could not be done (kept as is if it already is one). */
export const writeError = (what: string, cause: unknown): StoreWriteError =>
  cause instanceof StoreWriteError
    ? cause
    : new StoreWriteError(`${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
