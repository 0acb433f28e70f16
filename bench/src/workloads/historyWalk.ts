// What the replay page's edit-history scrubber costs per stop, done the way the page does it: the page's
// own HistoryCursor (client/src/features/replay/historyDoc.ts) over the HTTP API, one document carried
// along (keeping deleted content): a stop forward fetches and applies only the difference, a stop back
// within what it holds is read as of that moment, one before it starts again from the stored state nearest
// before it; every stop reads the view the page renders (timeline, annotations, whys).
import { HistoryCursor, type HistoryAnswer, type LiveCopy } from '../../../client/src/features/replay/historyDoc.ts';
import type { RoomAccess } from '../servers/types.ts';

export interface Stop {
  seq: number;
  /** moveTo called until the view of the stop is read. */
  ms: number;
  /** Of which waiting for HTTP answers (request sent until the body is in). */
  fetchMs: number;
  /** Bytes and requests the stop fetched. */
  bytes: number;
  requests: number;
  entries: number;
}

export interface Walk {
  /** The page opening on the latest seq (its first stop, a fresh cursor), read from the page's live copy when given. */
  first: Stop;
  /** The same stop by a fresh cursor without a live copy (a page offline or not yet synced): fetched. */
  firstFetched: Stop;
  /** Right after, the first jump back: to the middle of the history. */
  firstBack: Stop;
  /** Stops forward through spread-out seqs, like dragging or stepping forward (each from the one before). */
  forward: Stop[];
  /** ▶ "next update", one seq at a time. */
  steps: Stop[];
  /** Jumps back to an earlier moment (each below the one before): the page starts again. */
  back: Stop[];
}

/** A fixed, spread-out set of seqs in 1..latest (a seeded LCG), so runs and builds are comparable. */
export function moments(latest: number, count: number, seed = 12345): number[] {
  let x = seed;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(1 + (x % latest));
  }
  return out;
}

function fetcher(baseUrl: string, access: RoomAccess, counts: { bytes: number; requests: number; ms: number }) {
  return async (seq: number, from: number | 'nearest'): Promise<HistoryAnswer> => {
    const query = from === 'nearest' ? `seq=${seq}&nearest=1` : `seq=${seq}&since=${from}`;
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api/reviews/${access.room}/history/state?${query}`, {
      headers: { authorization: `Bearer ${access.params.token}` },
    });
    if (!res.ok) throw new Error(`history/state?${query} answered ${res.status}: ${await res.text()}`);
    const update = new Uint8Array(await res.arrayBuffer());
    counts.ms += performance.now() - t0;
    counts.bytes += update.length;
    counts.requests++;
    // A build that does not know ?nearest= answers the whole state at `seq` (its X-Hindsight-Seq says so).
    return { update, seq: Number(res.headers.get('x-hindsight-seq') ?? seq) };
  };
}

/**
 * Walks the history of `access`'s review (latest seq `latest`) the way the page does, timing each stop.
 * `live`: the review's document as the page holds it, synced (the replay page syncs it before any tab shows).
 */
export async function walkHistory(
  baseUrl: string,
  access: RoomAccess,
  latest: number,
  count: number,
  onStop: (kind: string, stop: Stop) => void,
  live: LiveCopy | null = null,
): Promise<Walk> {
  const counts = { bytes: 0, requests: 0, ms: 0 };
  const cursor = new HistoryCursor(fetcher(baseUrl, access, counts), () => live);
  const stop = async (kind: string, seq: number, on = cursor): Promise<Stop> => {
    const before = { ...counts };
    const t0 = performance.now();
    // The page passes the seq before the stop's (the history index is every seq), to mark what it added.
    const view = await on.moveTo(seq, seq - 1);
    const s: Stop = {
      seq,
      ms: performance.now() - t0,
      fetchMs: counts.ms - before.ms,
      bytes: counts.bytes - before.bytes,
      requests: counts.requests - before.requests,
      entries: view.total,
    };
    onStop(kind, s);
    return s;
  };
  try {
    const first = await stop('first', latest);
    const offline = new HistoryCursor(fetcher(baseUrl, access, counts));
    let firstFetched: Stop;
    try {
      firstFetched = await stop('first, fetched', latest, offline);
    } finally {
      offline.destroy();
    }
    const firstBack = await stop('first back', Math.floor(latest / 2));
    const back: Stop[] = [];
    const forwardSeqs = [...new Set(moments(latest - 1, count + 1))].sort((a, b) => a - b);
    // The walk starts with a jump back to its first stop.
    back.push(await stop('back', forwardSeqs[0]!));
    const forward: Stop[] = [];
    for (const seq of forwardSeqs.slice(1)) forward.push(await stop('forward', seq));
    const steps: Stop[] = [];
    const from = forwardSeqs[forwardSeqs.length - 1]!;
    for (let seq = from + 1; seq <= Math.min(latest, from + 10); seq++) steps.push(await stop('step', seq));
    const backSeqs = [...new Set(moments(from - 1, Math.max(3, Math.floor(count / 3)), 777))].sort((a, b) => b - a);
    for (const seq of backSeqs) back.push(await stop('back', seq));
    return { first, firstFetched, firstBack, forward, steps, back };
  } finally {
    cursor.destroy();
  }
}
