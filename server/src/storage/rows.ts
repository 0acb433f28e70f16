// Row shapes both SQL adapters share, and their mapping to the store's records.
import type { Role } from '@hindsight/protocol';
import type { LinkRecord } from './store.ts';

/** A `links` row as SQLite and Postgres return it (snake_case columns). */
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
