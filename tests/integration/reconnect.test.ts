// A writer back online: what it types as it reconnects may build on changes it made offline, which reach
// the server only in its answer to the server's sync step 1. The stock client sends both as they come.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry, defaultContext, insertSummaryText, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
let review: ReviewHandle;
beforeAll(async () => {
  server = await startServer();
  review = await server.createReview('Back online');
}, 60_000);
afterAll(async () => {
  await server.stop();
});

describe('a writer reconnecting after working offline', () => {
  it('keeps what it typed the moment it reconnected: held until its offline changes arrive, then stored', async () => {
    const a = connect(server, review.id, review.tokens.editor);
    const b = connect(server, review.id, review.tokens.editor);
    await Promise.all([synced(a), synced(b)]);
    const ctx = defaultContext('Ana');
    const id = addEntry(a.doc, { at: 1_700_000_000_000, summary: 'restarted the primary' }, ctx);
    await waitFor(() => readTimeline(b.doc).length === 1, 'the entry to reach the other writer');
    const closes: number[] = [];
    a.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closes.push(event.code);
    });
    a.provider.disconnect();
    insertSummaryText(a.doc, id, 0, 'offline: ', ctx);
    // Typed as the socket opens: before the server's sync step 1 arrives, so before the client's answer.
    a.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected' && !readTimeline(a.doc)[0]!.summary.includes('back:'))
        insertSummaryText(a.doc, id, 0, 'back: ', ctx);
    });
    a.provider.connect();
    const both = 'back: offline: restarted the primary';
    await waitFor(() => readTimeline(b.doc)[0]?.summary === both, 'both edits to reach the other writer', 15_000);
    expect(closes).toEqual([]);
    const exported = (await exportJson(server, review.id, review.tokens.facilitator)) as {
      timeline: { summary: string }[];
    };
    expect(exported.timeline.map((e) => e.summary)).toEqual([both]);
    a.destroy();
    b.destroy();
  }, 60_000);
});
