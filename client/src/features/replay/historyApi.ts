// The edit-history API (index, and the review as of a seq), cached in memory and in Cache Storage for offline use.
import { apiHeaders, apiPath, checkAnswer } from '@hindsight/api';
import type { HistoryIndex } from '@hindsight/protocol';

const CACHE = 'hindsight-history-v1';
const memory = new Map<string, Promise<Uint8Array>>();

async function cached(url: string, token: string, fresh: boolean): Promise<Response> {
  const store = typeof caches === 'undefined' ? null : await caches.open(CACHE).catch(() => null);
  if (!fresh) {
    const hit = await store?.match(url);
    if (hit) return hit;
  }
  try {
    const res = await checkAnswer(await fetch(url, { headers: apiHeaders(token) }));
    await store?.put(url, res.clone()).catch(() => undefined);
    return res;
  } catch (err) {
    // Offline: what was loaded before is still there.
    const hit = await store?.match(url);
    if (hit) return hit;
    throw err instanceof TypeError ? new Error('the server cannot be reached and this was not loaded before') : err;
  }
}

/** The history index, always asked fresh (it grows); the last copy when offline. */
export async function fetchHistoryIndex(reviewId: string, token: string): Promise<HistoryIndex> {
  const url = apiPath('GET /api/reviews/:id/history', { params: { id: reviewId } });
  return (await (await cached(url, token, true)).json()) as HistoryIndex;
}

/**
 * The review as of `seq`, one Yjs update; with `since`, only what changed after
 * that seq. Immutable per seq, so cached for good.
 */
export function fetchStateAt(
  reviewId: string,
  token: string,
  seq: number,
  since: number | null = null,
): Promise<Uint8Array> {
  const url = apiPath('GET /api/reviews/:id/history/state', {
    params: { id: reviewId },
    query: { seq: String(seq), ...(since === null ? {} : { since: String(since) }) },
  });
  let pending = memory.get(url);
  if (!pending) {
    pending = cached(url, token, false).then(async (res) => new Uint8Array(await res.arrayBuffer()));
    pending.catch(() => memory.delete(url));
    memory.set(url, pending);
  }
  return pending;
}
