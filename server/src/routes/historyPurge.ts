// The facilitator's edit-history purge: GET /api/reviews/:id/history/deleted
// says how much deleted text the history still holds and whether any of it
// looks like a secret (masked); POST /api/reviews/:id/history/purge compacts
// the log to the current document, so deleted text leaves the store.
import { Hono } from 'hono';
import { deletedTexts } from '../history/deletedText.ts';
import { findSecrets } from '../history/secrets.ts';
import type { RoomRegistry } from '../relay/registry.ts';
import type { Store } from '../storage/store.ts';
import { requireLink } from './auth.ts';
import { reply } from './reply.ts';

export interface HistoryPurgeRoutesDeps {
  store: Store;
  registry: RoomRegistry;
}

/** At most this many findings are listed (the rest are counted). */
const LISTED = 20;

export function historyPurgeRoutes(deps: HistoryPurgeRoutesDeps): Hono {
  const app = new Hono();

  app.get('/:id/history/deleted', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'review.facilitate');
    const texts = await deletedTexts(deps.store, id);
    const secrets = (await Promise.all(texts.map(findSecrets))).flat();
    return reply(c, 'GET /api/reviews/:id/history/deleted', {
      deletedRuns: texts.length,
      deletedChars: texts.reduce((n, t) => n + t.length, 0),
      secrets: secrets.slice(0, LISTED),
      secretCount: secrets.length,
    });
  });

  app.post('/:id/history/purge', async (c) => {
    const id = c.req.param('id');
    await requireLink(c, deps.store, id, 'review.facilitate');
    const { state, seq } = await deps.registry.settledState(id);
    await deps.store.purgeHistory(id, state, seq, Date.now());
    await deps.registry.firstScreenPurged(id);
    return reply(c, 'POST /api/reviews/:id/history/purge', { purged: true, uptoSeq: seq });
  });

  return app;
}
