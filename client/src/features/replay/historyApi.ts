// The edit-history API (index, and the review as of a seq), cached in memory and in Cache Storage for offline use.
import { apiHeaders, apiPath, checkAnswer } from '@hindsight/api';
import type { HistoryIndex } from '@hindsight/protocol';
import type { HistoryAnswer } from './historyDoc.ts';

const CACHE = 'hindsight-history-v1';
const memory = new Map<string, Promise<HistoryAnswer>>();

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
 * For `seq`: with a number, only what changed after that seq; with 'nearest', the stored state a seek to
 * `seq` starts from (its seq in X-Hindsight-Seq). A change is immutable per URL, so cached for good.
 */
export function fetchStateAt(
  reviewId: string,
  token: string,
  seq: number,
  from: number | 'nearest',
): Promise<HistoryAnswer> {
  const url = apiPath('GET /api/reviews/:id/history/state', {
    params: { id: reviewId },
    query: { seq: String(seq), ...(from === 'nearest' ? { nearest: '1' as const } : { since: String(from) }) },
  });
  let pending = memory.get(url);
  if (!pending) {
    // The stored state to start from improves as the server builds snapshots: asked fresh (the copy when offline).
    pending = cached(url, token, from === 'nearest').then(async (res) => {
      const at = Number(res.headers.get('X-Hindsight-Seq'));
      return { update: new Uint8Array(await res.arrayBuffer()), seq: Number.isSafeInteger(at) ? at : seq };
    });
    pending.catch(() => memory.delete(url));
    memory.set(url, pending);
  }
  return pending;
}
