// Asks the server for a new share link (facilitators only; tokens cannot be read back later).
import type { LinkInfo } from '@hindsight/protocol';
import { ApiFailure } from '../../app/api.ts';

export async function mintLink(reviewId: string, token: string, role: 'editor' | 'reader'): Promise<string> {
  const res = await fetch(`/api/reviews/${encodeURIComponent(reviewId)}/links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ role }),
  }).catch(() => null);
  if (!res) throw new ApiFailure(0, 'the server cannot be reached');
  const body = (await res.json().catch(() => null)) as (LinkInfo & { error?: { message: string } }) | null;
  if (!res.ok || !body?.url) throw new ApiFailure(res.status, body?.error?.message ?? 'could not create the link');
  return body.url;
}
