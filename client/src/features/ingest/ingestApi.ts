// The ingest links of a review over the HTTP API (facilitators only): list, create (URL + token, shown once), revoke.
import type { LinkInfo } from '@hindsight/protocol';
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

/** Active (not revoked) ingest links, newest first. */
export async function listIngestLinks(reviewId: string, token: string): Promise<LinkInfo[]> {
  const { links } = await call<{ links: LinkInfo[] }>(base(reviewId), token);
  return links
    .filter((l) => l.role === 'ingest' && l.revokedAt === null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function createIngestLink(
  reviewId: string,
  token: string,
  label: string,
): Promise<LinkInfo & { url: string; token: string }> {
  return call(base(reviewId), token, { method: 'POST', body: JSON.stringify({ role: 'ingest', label }) });
}

export async function revokeLink(reviewId: string, token: string, linkId: string): Promise<void> {
  await call(`${base(reviewId)}/${encodeURIComponent(linkId)}`, token, { method: 'DELETE' });
}

/** The Alertmanager receiver that posts to this review. */
export function alertmanagerSnippet(url: string, token: string): string {
  return [
    'receivers:',
    '  - name: hindsight',
    '    webhook_configs:',
    `      - url: ${url}`,
    '        send_resolved: true',
    '        max_alerts: 50',
    '        http_config:',
    '          authorization:',
    `            credentials: ${token}`,
  ].join('\n');
}
