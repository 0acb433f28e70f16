// Steps for the meeting and replay end-to-end tests: seed a review over the stock client, hold a page's socket.
import type { BrowserContext, Page } from 'playwright-core';
import { addEntry as addEntryOp, addWhy, defaultContext } from '@hindsight/doc';
import { connect, waitFor } from '../../helpers/clients.ts';
import type { RunningServer } from '../../helpers/server.ts';

/** Adds entries (and whys) as the facilitator through a stock y-websocket client; resolves once stored. */
export async function seedReview(
  server: RunningServer,
  reviewId: string,
  token: string,
  build: (add: {
    entry: (at: number, summary: string, kind?: string) => string;
    why: (text: string) => string;
  }) => void,
): Promise<void> {
  const client = connect(server, reviewId, token);
  await waitFor(() => client.provider.synced, 'the seeding client to sync');
  const ctx = defaultContext('Seed');
  build({
    entry: (at, summary, kind) => addEntryOp(client.doc, { at, summary, kind: kind as never }, ctx),
    why: (text) => addWhy(client.doc, { parentId: null, text }, ctx),
  });
  // Stored once a second, independent client sees the same timeline.
  const check = connect(server, reviewId, token);
  const size = client.doc.getMap('timeline').size;
  await waitFor(() => check.provider.synced && check.doc.getMap('timeline').size === size, 'the seeded entries');
  check.destroy();
  client.destroy();
}

/**
 * Routes the page's sync sockets through the test so that what the server sends can be
 * held back, as if the network stalled one way: while held, the page's own messages still
 * go out, and the server's messages and closes queue up; on release they arrive in order,
 * late but complete (as TCP would deliver them). Sockets opened while held are held too.
 */
export async function holdableSync(context: BrowserContext): Promise<{ hold(on: boolean): void }> {
  let holding = false;
  const queued: (() => void)[] = [];
  const deliver = (send: () => void): void => {
    if (holding) queued.push(send);
    else send();
  };
  await context.routeWebSocket(/\/sync\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => deliver(() => ws.send(m)));
    server.onClose((code, reason) => deliver(() => ws.close({ code, reason })));
    ws.onClose((code, reason) => server.close({ code, reason }));
  });
  return {
    hold(on) {
      holding = on;
      if (!on) for (const send of queued.splice(0)) send();
    },
  };
}

/** The row of an entry, by id. */
export function rowOf(page: Page, entryId: string) {
  return page.locator(`[data-entry-id="${entryId}"]`);
}
