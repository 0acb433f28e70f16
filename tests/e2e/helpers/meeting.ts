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
 * Routes the page's sync socket through the test so messages from the server can be
 * held back (as if the network stalled one way) while the page's own messages still go out.
 */
export async function holdableSync(context: BrowserContext): Promise<{ hold(on: boolean): void }> {
  let holding = false;
  await context.routeWebSocket(/\/sync\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => {
      if (!holding) ws.send(m);
    });
    server.onClose((code, reason) => ws.close({ code, reason }));
    ws.onClose((code, reason) => server.close({ code, reason }));
  });
  return { hold: (on) => void (holding = on) };
}

/** The row of an entry, by id. */
export function rowOf(page: Page, entryId: string) {
  return page.locator(`[data-entry-id="${entryId}"]`);
}
