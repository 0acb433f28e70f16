// /api/reviews/:id/history: the edit-history index, and the review as it stood
// at any seq or time (a binary Yjs update), for the replay page. Only the
// writers (facilitator, editor links) may read it: deleted text lives here.
import { Hono } from 'hono';
import { changesBetween, extendSnapshots, logReaches, seqAtTime, stateAt, storedStateAt } from '../history/history.ts';
import { historyIndex } from '../history/historyIndex.ts';
import type { Store } from '../storage/store.ts';
import { requireLink } from './auth.ts';
import { reply } from './reply.ts';
import { badRequest } from './errors.ts';

export interface HistoryRoutesDeps {
  store: Store;
}

export function historyRoutes(deps: HistoryRoutesDeps): Hono {
  const app = new Hono();

  app.get('/:id/history', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'history.read');
    const index = await historyIndex(deps.store, id);
    // A page opened the history: the snapshots its seeks will start from are built now, in the background
    // (the builder takes turns with everything else), not first when a seek finds none near its seq.
    void extendSnapshots(deps.store, id, index.latestSeq).catch(() => undefined);
    return reply(c, 'GET /api/reviews/:id/history', index);
  });

  app.get('/:id/history/state', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'history.read');
    const seqParam = c.req.query('seq');
    const atParam = c.req.query('at');
    let seq: number;
    if (seqParam !== undefined) {
      seq = Number(seqParam);
      if (!Number.isSafeInteger(seq) || seq < 0) throw badRequest('seq must be a non-negative integer');
    } else if (atParam !== undefined) {
      const at = /^\d+$/.test(atParam) ? Number(atParam) : Date.parse(atParam);
      if (!Number.isFinite(at)) throw badRequest('at must be epoch milliseconds or an ISO-8601 time');
      seq = await seqAtTime(deps.store, id, at);
    } else {
      throw badRequest('give ?seq=<n> or ?at=<time>');
    }
    // ?since=M (M <= N): only what changed after M, for a page that holds the state as of M and moves forward.
    // ?nearest=1: the stored state a seek to N starts from, as stored (X-Hindsight-Seq says which seq it is
    // as of); the page follows it with ?since= that seq, so the server never re-encodes a whole state for it.
    const sinceParam = c.req.query('since');
    const nearest = c.req.query('nearest');
    if (nearest !== undefined && nearest !== '1') throw badRequest('nearest must be 1 when given');
    let since: number | null = null;
    if (sinceParam !== undefined) {
      if (nearest !== undefined) throw badRequest('give either since or nearest, not both');
      since = /^\d+$/.test(sinceParam) ? Number(sinceParam) : NaN;
      if (!Number.isSafeInteger(since))
        throw badRequest('since must be a non-negative integer (the seq the page holds)');
      if (since > seq) throw badRequest(`since (${since}) must be no greater than the seq asked for (${seq})`);
      if (!(await logReaches(deps.store, id, since)))
        throw badRequest(`since (${since}) is past the latest seq of this review's history`);
    }
    const { state, seq: reached } =
      since !== null
        ? await changesBetween(deps.store, id, since, seq)
        : nearest !== undefined
          ? await storedStateAt(deps.store, id, seq)
          : await stateAt(deps.store, id, seq);
    c.header('Content-Type', 'application/octet-stream');
    c.header('X-Hindsight-Seq', String(reached));
    // The state as of a seq never changes; which stored state a seek starts from improves as snapshots are built.
    c.header('Cache-Control', nearest === undefined ? 'private, max-age=31536000, immutable' : 'private, no-cache');
    return c.body(new Uint8Array(state).buffer);
  });

  return app;
}
