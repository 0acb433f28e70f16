// The first screen a server stored when its room unloaded is served, by any server, only while the shared
// store has nothing newer: another server may have taken writes since, and a page must not start from what
// was deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirstScreen } from '@hindsight/api';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { startCluster, type Cluster } from '../helpers/cluster.ts';
import type { RunningServer } from '../helpers/server.ts';

const AT = Date.UTC(2026, 10, 28, 9, 0);

describe('first screens across servers', () => {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster(2, {
      IDLE_UNLOAD_MS: '200',
      // No checkpoint on a quiet moment: a first screen is stored when a room unloads, not before.
      COMPACT_DEBOUNCE_MS: '600000',
    });
  });
  afterAll(() => cluster?.stop());

  it('a stored first screen is not served once another server stored a write after it', async () => {
    const [a, b] = cluster!.servers as [RunningServer, RunningServer];
    const review = await a.createReview('Two servers');
    const get = async (server: RunningServer) => {
      const res = await server.fetch(`/api/reviews/${review.id}/first-screen`, {
        headers: { authorization: `Bearer ${review.tokens.editor}` },
      });
      return { status: res.status, body: res.status === 200 ? ((await res.json()) as FirstScreen) : null };
    };
    const unloaded = (server: RunningServer, after: number) =>
      waitFor(
        () => server.logs.slice(after).some((l) => l.msg === 'room unloaded' && l.reviewId === review.id),
        'the room to unload',
      );

    const first = connect(a, review.id, review.tokens.editor);
    await synced(first);
    addEntry(first.doc, { at: AT, summary: 'written on A' }, defaultContext('a'));
    const watcherA = connect(a, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(watcherA.doc).length === 1, 'the entry stored by A');
    let mark = a.logs.length;
    first.destroy();
    watcherA.destroy();
    await unloaded(a, mark);
    expect((await get(a)).body?.entries.map((e) => e.summary)).toEqual(['written on A']);

    // B takes a write; A holds no room, and the screen it stored is now behind the store.
    const second = connect(b, review.id, review.tokens.editor);
    await synced(second);
    addEntry(second.doc, { at: AT - 60_000, summary: 'written on B' }, defaultContext('b'));
    const watcherB = connect(b, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(watcherB.doc).length === 2, 'the entry stored by B');
    expect((await get(a)).status).toBe(204);
    // B's live room answers with both.
    expect((await get(b)).body?.entries.map((e) => e.summary)).toEqual(['written on B', 'written on A']);

    // B's room unloads and stores its screen: A serves it from the store, without loading the review.
    mark = a.logs.length;
    const markB = b.logs.length;
    second.destroy();
    watcherB.destroy();
    await unloaded(b, markB);
    expect((await get(a)).body?.entries.map((e) => e.summary)).toEqual(['written on B', 'written on A']);
    expect(a.logs.slice(mark).some((l) => l.msg === 'room loaded')).toBe(false);

    // Once A loads the review again, it answers from its live copy.
    mark = a.logs.length;
    const third = connect(a, review.id, review.tokens.observer);
    await synced(third);
    await waitFor(() => readTimeline(third.doc).length === 2, 'A to hold both entries');
    await waitFor(() => a.logs.slice(mark).some((l) => l.msg === 'room loaded'), 'A to load the room');
    expect((await get(a)).body?.entries.map((e) => e.summary)).toEqual(['written on B', 'written on A']);
    third.destroy();
  }, 60_000);
});
