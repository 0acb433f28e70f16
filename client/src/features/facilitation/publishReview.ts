// Publishing through the server (it records the published state); falls back to the status field if it cannot.
import { ApiFailure, callApi } from '@hindsight/api';
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
  try {
    await callApi('POST /api/reviews/:id/publish', { params: { id: reviewId }, token: loadToken(reviewId) });
  } catch (err) {
    if (!(err instanceof ApiFailure)) throw err;
    if (err.status === 404) {
      setStatus(doc, status, ctx);
      return;
    }
    if (err.status === 0) {
      throw new Error(
        'The server cannot be reached: publishing needs a connection. Try again when you are back online.',
      );
    }
    throw new Error(`Publishing failed: ${err.message}.`);
  }
}
