// The facilitator's edit-history check and purge over the HTTP API.
import { request } from '../report/reportApi.ts';

export interface DeletedInfo {
  /** Passages of deleted text the history still holds. */
  deletedRuns: number;
  deletedChars: number;
  /** What looks like a secret in them, masked (at most 20 listed). */
  secrets: { rule: string; masked: string }[];
  secretCount: number;
}

const base = (id: string): string => `/api/reviews/${encodeURIComponent(id)}/history`;

export async function fetchDeleted(reviewId: string, token: string): Promise<DeletedInfo> {
  return (await request(`${base(reviewId)}/deleted`, token)).json() as Promise<DeletedInfo>;
}

export async function purgeHistory(reviewId: string, token: string): Promise<void> {
  await request(`${base(reviewId)}/purge`, token, { method: 'POST' });
}
