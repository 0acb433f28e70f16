// The edit-history API (index, and the review as of a seq), cached in memory and in Cache Storage for offline use.
import type { HistoryIndex } from '@hindsight/protocol';

export type { HistoryIndex };

const CACHE = 'hindsight-history-v1';
const memory = new Map<string, Promise<Uint8Array>>();

async function cached(url: string, token: string, fresh: boolean): Promise<Response> {
  const store = typeof caches === 'undefined' ? null : await caches.open(CACHE).catch(() => null);
  if (!fresh) {
    const hit = await store?.match(url);
    if (hit) return hit;
  }
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(body?.error?.message ?? `the server answered ${res.status}`);
    }
    await store?.put(url, res.clone()).catch(() => undefined);
    return res;
  } catch (err) {
    // Offline: what was loaded before is still there.
    const hit = await store?.match(url);
    if (hit) return hit;
    throw err instanceof TypeError ? new Error('the server cannot be reached and this was not loaded before') : err;
  }
}

const base = (reviewId: string): string => `/api/reviews/${encodeURIComponent(reviewId)}/history`;

/** The history index, always asked fresh (it grows); the last copy when offline. */
export async function fetchHistoryIndex(reviewId: string, token: string): Promise<HistoryIndex> {
  return (await (await cached(base(reviewId), token, true)).json()) as HistoryIndex;
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
  const url = `${base(reviewId)}/state?seq=${seq}${since === null ? '' : `&since=${since}`}`;
  let pending = memory.get(url);
  if (!pending) {
    pending = cached(url, token, false).then(async (res) => new Uint8Array(await res.arrayBuffer()));
    pending.catch(() => memory.delete(url));
    memory.set(url, pending);
  }
  return pending;
}
