// Nothing lost: a clean restart keeps everything, and a kill -9 in the middle
// of a stream of updates loses none that any client had received.
import { describe, expect, it } from 'vitest';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { exportJson, startServer } from '../helpers/server.ts';

describe('durability', () => {
  it('keeps every edit across a clean restart (SIGTERM flushes and exits 0)', async () => {
    let server = await startServer();
    const review = await server.createReview('Restart');
    const a = connect(server, review.id, review.tokens.editor);
    await synced(a);
    for (let i = 0; i < 50; i++)
      addEntry(a.doc, { at: 1_700_000_000_000 + i * 60_000, summary: `entry ${i}` }, defaultContext('a'));
    const expected = readTimeline(a.doc).map((e) => e.summary);
    // Wait until a second client has seen them all: then they are committed.
    const b = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(b.doc).length === 50, 'the second client to see all 50');
    a.destroy();
    b.destroy();
    expect(await server.stop()).toBe(0);
    expect(server.logs.some((l) => l.msg === 'stopped')).toBe(true);

    server = await startServer({ dataDir: server.dataDir });
    const exported = await exportJson(server, review.id, review.tokens.observer);
    expect((exported.timeline as { summary: string }[]).map((e) => e.summary)).toEqual(expected);
    const c = connect(server, review.id, review.tokens.observer);
    await synced(c);
    expect(readTimeline(c.doc).map((e) => e.summary)).toEqual(expected);
    c.destroy();
    await server.stop();
  });

  it('kill -9 in the middle of 200 updates loses none that another client had received', async () => {
    let server = await startServer();
    const review = await server.createReview('Crash');
    const writer = connect(server, review.id, review.tokens.editor);
    const watcher = connect(server, review.id, review.tokens.observer);
    await Promise.all([synced(writer), synced(watcher)]);

    const ctx = defaultContext('writer');
    let sent = 0;
    const stream = (async () => {
      for (; sent < 200; sent++) {
        addEntry(writer.doc, { at: 1_700_000_000_000 + sent, summary: `u${sent}` }, ctx);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await waitFor(() => readTimeline(watcher.doc).length >= 80, 'the watcher to receive a good part of the stream');
    await server.kill9();
    // Freeze what the watcher had seen from the server at the moment of death.
    watcher.provider.disconnect();
    writer.provider.disconnect();
    await stream;
    const seen = readTimeline(watcher.doc).map((e) => e.summary);
    expect(seen.length).toBeGreaterThanOrEqual(80);
    expect(seen.length).toBeLessThan(200 + 1);

    server = await startServer({ dataDir: server.dataDir });
    const exported = await exportJson(server, review.id, review.tokens.observer);
    const stored = new Set((exported.timeline as { summary: string }[]).map((e) => e.summary));
    const lost = seen.filter((s) => !stored.has(s));
    expect(lost).toEqual([]);

    // The writer reconnects and its unsent tail merges: nothing at all is lost.
    // (The restarted server listens on a new port, so the writer's doc gets a new provider.)
    writer.provider.destroy();
    const rejoined = connect(server, review.id, review.tokens.editor, writer.doc);
    await synced(rejoined);
    const fresh = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(fresh.doc).length === 200, 'all 200 updates after the writer reconnects');
    [rejoined, watcher, fresh].forEach((c) => c.destroy());
    await server.stop();
  });
});
