// Three stock y-websocket clients edit one review at once through the real
// server; all replicas and export.json end identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, defaultContext, insertSummaryText, readTimeline, roots } from '@hindsight/doc';
import { canonical, connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

describe('three clients editing at once', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startServer();
    review = await server.createReview('Checkout outage');
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.stop();
  });

  it('converge on entries added at the same minute and typing into the same entry', async () => {
    const tokens = [review.tokens.facilitator, review.tokens.editor, review.tokens.editor];
    for (const token of tokens) clients.push(connect(server, review.id, token));
    await Promise.all(clients.map(synced));
    expect(clients[0]!.doc.getMap('meta').get('title')).toBe('Checkout outage');

    const minute = Date.UTC(2026, 10, 28, 14, 32);
    const shared = addEntry(clients[0]!.doc, { at: minute, summary: '' }, defaultContext('ana'));
    await waitFor(() => clients.every((c) => roots(c.doc).timeline.has(shared)), 'the shared entry to reach everyone');

    // Everyone adds entries at the same minute and types into the shared entry, interleaved.
    await Promise.all(
      clients.map(async (client, i) => {
        const ctx = defaultContext(`person${i}`);
        for (let k = 0; k < 10; k++) {
          addEntry(client.doc, { at: minute, summary: `p${i} entry ${k}` }, ctx);
          insertSummaryText(client.doc, shared, k % 3 === 0 ? 0 : Number.MAX_SAFE_INTEGER, `${i}`, ctx);
          await new Promise((r) => setTimeout(r, 5));
        }
      }),
    );

    await waitFor(
      () => new Set(clients.map((c) => canonical(c.doc))).size === 1 && readTimeline(clients[0]!.doc).length === 31,
      'all replicas to converge',
    );
    const timeline = readTimeline(clients[1]!.doc);
    const sharedEntry = timeline.find((e) => e.id === shared)!;
    // Every keystroke of every person survives.
    for (const i of [0, 1, 2]) expect(sharedEntry.summary.split(String(i)).length - 1).toBe(10);

    const exported = await exportJson(server, review.id, review.tokens.observer);
    const exportedTimeline = exported.timeline as { id: string; at: string; summary: string }[];
    expect(exportedTimeline.map((e) => [e.id, e.summary])).toEqual(timeline.map((e) => [e.id, e.summary]));
    expect(exportedTimeline.every((e) => e.at === new Date(minute).toISOString())).toBe(true);
    expect(exported.title).toBe('Checkout outage');
  });

  it('a late joiner receives the whole document', async () => {
    const late = connect(server, review.id, review.tokens.observer, new Y.Doc());
    clients.push(late);
    await synced(late);
    await waitFor(() => canonical(late.doc) === canonical(clients[0]!.doc), 'the late joiner to catch up');
  });
});
