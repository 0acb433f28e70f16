// The edit history API over the real server: the index of who wrote when, and
// the review as it stood at any seq or time; only for the writers' links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

interface Index {
  latestSeq: number;
  authors: { role: string; label: string }[];
  seq: number[];
  at: number[];
  author: number[];
}

describe('edit history API', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  const auth = (token = review.tokens.editor) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    server = await startServer();
    review = await server.createReview('History');
  });
  afterAll(async () => {
    await server.stop();
  });

  async function stateAt(query: string): Promise<{ doc: Y.Doc; seq: number }> {
    const res = await server.fetch(`/api/reviews/${review.id}/history/state?${query}`, { headers: auth() });
    expect(res.status).toBe(200);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
    return { doc, seq: Number(res.headers.get('x-hindsight-seq')) };
  }

  it('shows an entry absent before it was added and present after', async () => {
    const client = connect(server, review.id, review.tokens.editor);
    const watcher = connect(server, review.id, review.tokens.observer);
    await Promise.all([synced(client), synced(watcher)]);
    addEntry(client.doc, { at: Date.UTC(2026, 0, 1, 9), summary: 'first' }, defaultContext('a'));
    // Two separate updates in the log: the second is written once the first has come back through the server.
    await waitFor(() => readTimeline(watcher.doc).length === 1, 'the first entry to be stored');
    addEntry(client.doc, { at: Date.UTC(2026, 0, 1, 10), summary: 'second' }, defaultContext('a'));
    await waitFor(() => readTimeline(watcher.doc).length === 2, 'both entries to be stored');
    client.destroy();
    watcher.destroy();

    const res = await server.fetch(`/api/reviews/${review.id}/history`, { headers: auth() });
    const index = (await res.json()) as Index;
    expect(index.seq.length).toBeGreaterThanOrEqual(3);
    expect(index.authors.map((a) => a.label)).toEqual(['Server', 'Responder']);
    const last = index.latestSeq;

    const before = await stateAt(`seq=${last - 1}`);
    expect(readTimeline(before.doc).map((e) => e.summary)).toEqual(['first']);
    const after = await stateAt(`seq=${last}`);
    expect(readTimeline(after.doc).map((e) => e.summary)).toEqual(['first', 'second']);
    const atCreation = await stateAt(`at=${index.at[0]}`);
    expect(atCreation.seq).toBe(1);
    expect(readTimeline(atCreation.doc)).toEqual([]);

    // Moving forward: only what changed since, applied to the state the page holds.
    const res2 = await server.fetch(`/api/reviews/${review.id}/history/state?seq=${last}&since=${last - 1}`, {
      headers: auth(),
    });
    expect(res2.status).toBe(200);
    expect(Number(res2.headers.get('x-hindsight-seq'))).toBe(last);
    const diff = new Uint8Array(await res2.arrayBuffer());
    const full = Y.encodeStateAsUpdate(after.doc);
    expect(diff.length).toBeLessThan(full.length);
    Y.applyUpdate(before.doc, diff);
    expect(readTimeline(before.doc).map((e) => e.summary)).toEqual(['first', 'second']);
  });

  it('needs a link of the review and a valid position', async () => {
    expect((await server.fetch(`/api/reviews/${review.id}/history`)).status).toBe(401);
    expect(
      (await server.fetch(`/api/reviews/${review.id}/history`, { headers: auth(review.tokens.facilitator) })).status,
    ).toBe(200);
    const bad = await server.fetch(`/api/reviews/${review.id}/history/state?seq=abc`, { headers: auth() });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/seq/);
    const backwards = await server.fetch(`/api/reviews/${review.id}/history/state?seq=1&since=2`, { headers: auth() });
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { error: { message: string } }).error.message).toMatch(/since/);
  });

  it('belongs to the writers: observer and reader links are refused, saying why, with no history bytes', async () => {
    for (const token of [review.tokens.observer, review.tokens.reader]) {
      for (const path of ['history', 'history/state?seq=2']) {
        const res = await server.fetch(`/api/reviews/${review.id}/${path}`, { headers: auth(token) });
        expect(res.status, path).toBe(403);
        const body = await res.text();
        expect(JSON.parse(body).error.message).toMatch(
          token === review.tokens.reader ? /published review/ : /edit history/,
        );
        expect(body).not.toContain('first');
      }
    }
  });
});
