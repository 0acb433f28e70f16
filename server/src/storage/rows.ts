// Row shapes both SQL adapters share (snake_case columns, BIGINTs read as numbers),
// and their mapping to the store's records.
import type { Role } from '@hindsight/protocol';
import type { LinkRecord, LogMeta, PublicationRecord, ReviewRecord, StoredUpdate, WriterRole } from './store.ts';

export interface ReviewRow {
  id: string;
  title: string;
  created_at: number;
}

export const toReview = (r: ReviewRow): ReviewRecord => ({ id: r.id, title: r.title, createdAt: r.created_at });

/** A `links` row. */
export interface LinkRow {
  id: string;
  review_id: string;
  role: string;
  label: string;
  token_hash: string;
  created_at: number;
  revoked_at: number | null;
}

export const toLink = (r: LinkRow): LinkRecord => ({
  id: r.id,
  reviewId: r.review_id,
  role: r.role as Role,
  label: r.label,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** Columns of the `links` insert, in the order of `linkValues`. */
export const LINK_COLUMNS = 'id, review_id, role, label, token_hash, created_at, revoked_at';
export const linkValues = (l: LinkRecord): unknown[] => [
  l.id,
  l.reviewId,
  l.role,
  l.label,
  l.tokenHash,
  l.createdAt,
  l.revokedAt,
];

/** An `updates` row without its bytes. */
export interface LogMetaRow {
  seq: number;
  received_at: number;
  role: string;
  link_id: string | null;
}

export const toLogMeta = (r: LogMetaRow): LogMeta => ({
  seq: r.seq,
  receivedAt: r.received_at,
  role: r.role as WriterRole,
  linkId: r.link_id,
});

export interface UpdateRow extends LogMetaRow {
  data: Uint8Array;
}

export const toStoredUpdate = (r: UpdateRow): StoredUpdate => ({ ...toLogMeta(r), update: new Uint8Array(r.data) });

export interface PublicationRow {
  version: number;
  published_at: number;
  published_by: string | null;
  state: Uint8Array;
}

export const toPublication =
  (reviewId: string) =>
  (r: PublicationRow): PublicationRecord => ({
    reviewId,
    version: r.version,
    publishedAt: r.published_at,
    by: r.published_by,
    state: new Uint8Array(r.state),
  });

/** A `reviews` row joined with its `review_index` row (absent when never indexed). */
export interface IndexJoinRow {
  id: string;
  seq: number | null;
  data: string | null;
  last_seq: number;
}

export const toIndexRow = (r: IndexJoinRow) => ({
  reviewId: r.id,
  indexedSeq: r.seq ?? 0,
  lastSeq: r.last_seq,
  data: r.data,
});

/** The columns every log read selects, in both adapters. */
export const LOG_META_COLUMNS = 'seq, received_at, role, link_id';
