// A review's capability links over the HTTP API (facilitators only): list, create (the URL is shown once), revoke.
import { callApi, type CreatedLink } from '@hindsight/api';
import type { LinkInfo, Role } from '@hindsight/protocol';

/** Active (not revoked) links of one role, newest first. */
export async function listLinks(reviewId: string, token: string, role: Role): Promise<LinkInfo[]> {
  const { links } = await callApi('GET /api/reviews/:id/links', { params: { id: reviewId }, token });
  return links
    .filter((l) => l.role === role && l.revokedAt === null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Mints a link; its `url` (and for ingest its `token`) is in this answer only. */
export function createLink(reviewId: string, token: string, role: Role, label?: string): Promise<CreatedLink> {
  return callApi('POST /api/reviews/:id/links', {
    params: { id: reviewId },
    token,
    body: label ? { role, label } : { role },
  });
}

export async function revokeLink(reviewId: string, token: string, linkId: string): Promise<void> {
  await callApi('DELETE /api/reviews/:id/links/:linkId', { params: { id: reviewId, linkId }, token });
}
