// A review's capability links over the HTTP API (facilitators only): list, create (the URL is shown once), revoke.
import type { LinkInfo, Role } from '@hindsight/protocol';
import { ApiFailure } from '../../app/api.ts';

async function call<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers },
  }).catch(() => null);
  if (!res) throw new ApiFailure(0, 'the server cannot be reached; check the connection and try again');
  const body = (await res.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!res.ok || !body) throw new ApiFailure(res.status, body?.error?.message ?? `request failed (${res.status})`);
  return body;
}

const base = (reviewId: string): string => `/api/reviews/${encodeURIComponent(reviewId)}/links`;

/** Active (not revoked) links of one role, newest first. */
export async function listLinks(reviewId: string, token: string, role: Role): Promise<LinkInfo[]> {
  const { links } = await call<{ links: LinkInfo[] }>(base(reviewId), token);
  return links
    .filter((l) => l.role === role && l.revokedAt === null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Mints a link; its `url` (and for ingest its `token`) is in this answer only. */
export function createLink(
  reviewId: string,
  token: string,
  role: Role,
  label?: string,
): Promise<LinkInfo & { url: string; token?: string }> {
  return call(base(reviewId), token, { method: 'POST', body: JSON.stringify(label ? { role, label } : { role }) });
}

export async function revokeLink(reviewId: string, token: string, linkId: string): Promise<void> {
  await call(`${base(reviewId)}/${encodeURIComponent(linkId)}`, token, { method: 'DELETE' });
}
