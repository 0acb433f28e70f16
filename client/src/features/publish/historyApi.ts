// The facilitator's edit-history check and purge over the HTTP API.
import { callApi, type DeletedInfo } from '@hindsight/api';

export function fetchDeleted(reviewId: string, token: string): Promise<DeletedInfo> {
  return callApi('GET /api/reviews/:id/history/deleted', { params: { id: reviewId }, token });
}

export async function purgeHistory(reviewId: string, token: string): Promise<void> {
  await callApi('POST /api/reviews/:id/history/purge', { params: { id: reviewId }, token });
}
