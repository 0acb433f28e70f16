// Reopening a review in the same browser: the timeline comes from IndexedDB, and the server sends only
// what this browser lacks (the socket connects once the cache has loaded), not the whole review again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, defaultContext, readTimeline as readDocTimeline } from '@hindsight/doc';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { startServer, type RunningServer, type ReviewHandle } from '../helpers/server.ts';
import { newPerson, type Person } from './helpers/browser.ts';
import { cachedUpdates, eventually, readTimeline, screenshot, waitForConnection } from './helpers/review.ts';

const ENTRIES = 400;

describe('reopening a review in the same browser', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let seeder: Client;
  let person: Person;
  /** Bytes of every sync frame the page received, in order. */
  const received: number[] = [];

  beforeAll(async () => {
    server = await startServer({ withClient: true });
    review = await server.createReview('Reopened review');
    seeder = connect(server, review.id, review.tokens.editor);
    await synced(seeder);
    const ctx = defaultContext('Seeder');
    const start = Date.UTC(2026, 10, 27, 6, 0);
    seeder.doc.transact(() => {
      for (let i = 0; i < ENTRIES; i++)
        addEntry(seeder.doc, { at: start + i * 60_000, summary: `Log line ${i}: queue depth rising` }, ctx);
    });
    const check = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readDocTimeline(check.doc).length === ENTRIES, 'the server to hold every entry', 60_000);
    check.destroy();
    person = await newPerson();
    await person.context.addInitScript(() => localStorage.setItem('hindsight:name', 'Returning Reader'));
    person.page.on('websocket', (ws) => ws.on('framereceived', (f) => received.push(f.payload.length)));
  });

  afterAll(async () => {
    seeder?.destroy();
    await person?.close();
    await server?.stop();
  });

  it('shows the cached timeline and takes only what was added meanwhile from the server', async () => {
    await person.page.goto(review.links.editor);
    await waitForConnection(person.page, 'Live', 60_000);
    await person.page.getByText(`${ENTRIES} entries`).waitFor({ timeout: 60_000 });
    const firstOpen = received.reduce((a, b) => a + b, 0);
    // The whole review came over the socket the first time.
    expect(firstOpen).toBeGreaterThan(ENTRIES * 40);
    await eventually(async () => {
      const cached = new Y.Doc();
      for (const u of await cachedUpdates(person.page, review.id)) Y.applyUpdate(cached, Buffer.from(u, 'base64'));
      expect(readDocTimeline(cached)).toHaveLength(ENTRIES);
    }, 60_000);

    await person.page.goto('about:blank');
    addEntry(
      seeder.doc,
      { at: Date.UTC(2026, 10, 27, 5, 0), summary: 'Added while the page was closed' },
      defaultContext('Seeder'),
    );
    received.length = 0;
    await person.page.goto(review.links.editor);
    await waitForConnection(person.page, 'Live', 60_000);
    // The new entry is the earliest, so it is the first row once the server's answer is in.
    await eventually(async () =>
      expect((await readTimeline(person.page))[0]?.summary).toBe('Added while the page was closed'),
    );
    await person.page.getByText(`${ENTRIES + 1} entries`).waitFor();
    await screenshot(person.page, 'reopened-review');
    const reopen = received.reduce((a, b) => a + b, 0);
    expect(reopen).toBeLessThan(firstOpen / 10);
  });
});
