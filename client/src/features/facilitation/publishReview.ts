// Publishing through the server (it records the published state); falls back to the status field if it cannot.
import { setStatus, type OpContext, type ReviewStatus } from '@hindsight/doc';
import type * as Y from 'yjs';
import { loadToken } from '../../app/localStore.ts';

/**
 * Moves the review to `status`. `published` goes through `POST /api/reviews/:id/publish`
 * (a server-side change that also keeps the publication); where that route does not
 * exist (404) the status is set in the document like the others.
 */
export async function changeStatus(doc: Y.Doc, reviewId: string, status: ReviewStatus, ctx: OpContext): Promise<void> {
  if (status !== 'published') {
    setStatus(doc, status, ctx);
    return;
  }
  const token = loadToken(reviewId);
  let res: Response;
  try {
    res = await fetch(`/api/reviews/${encodeURIComponent(reviewId)}/publish`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new Error('The server cannot be reached: publishing needs a connection. Try again when you are back online.');
  }
  if (res.status === 404) {
    setStatus(doc, status, ctx);
    return;
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(`Publishing failed: ${body?.error?.message ?? `the server answered ${res.status}`}.`);
  }
}
