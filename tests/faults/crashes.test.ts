// Twenty rounds of kill -9 during a stream of edits: no update that any
// client had received from the server is ever lost.
import { describe, expect, it } from 'vitest';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { exportJson, startServer } from '../helpers/server.ts';

const ROUNDS = 20;

describe('crashes', () => {
  it(`loses nothing any client had seen across ${ROUNDS} kill -9 rounds`, async () => {
    let server = await startServer();
    const review = await server.createReview('Crash rounds');
    const dataDir = server.dataDir;
    const seen = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const writer = connect(server, review.id, review.tokens.editor);
      const watcher = connect(server, review.id, review.tokens.observer);
      await Promise.all([synced(writer), synced(watcher)]);
      const ctx = defaultContext(`writer ${round}`);
      let stop = false;
      const stream = (async () => {
        for (let i = 0; !stop && i < 400; i++) {
          addEntry(writer.doc, { at: 1_700_000_000_000 + round * 1000 + i, summary: `r${round}-u${i}` }, ctx);
          await new Promise((r) => setImmediate(r));
        }
      })();
      const mine = () => readTimeline(watcher.doc).filter((e) => e.summary.startsWith(`r${round}-`)).length;
      // Kill at a different point each round.
      const killAt = 10 + ((round * 37) % 150);
      await waitFor(() => mine() >= killAt, `round ${round}: the watcher to receive ${killAt} updates`);
      await server.kill9();
      stop = true;
      await stream;
      watcher.provider.disconnect();
      for (const e of readTimeline(watcher.doc)) seen.add(e.summary);
      writer.destroy();
      watcher.destroy();
      server = await startServer({ dataDir });
    }
    const exported = await exportJson(server, review.id, review.tokens.observer);
    const stored = new Set((exported.timeline as { summary: string }[]).map((e) => e.summary));
    const lost = [...seen].filter((s) => !stored.has(s));
    expect(seen.size).toBeGreaterThan(ROUNDS * 10);
    expect(lost).toEqual([]);
    await server.stop();
    // Twenty restarts take a while on a loaded 2-core machine; the limit only guards against a hang.
  }, 300_000);
});
