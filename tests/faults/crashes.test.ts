// Twenty rounds of kill -9 during a stream of edits: no update that any
// client had received from the server is ever lost.
//
// A restart (a fresh Node process loading the server) is most of a round's
// time, so the rounds run as four independent servers, each with its own data
// directory, killed five times in a row: the same twenty kill points (and a
// recovery after up to four earlier crashes), with a quarter of the wall time.
import { describe, expect, it } from 'vitest';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { exportJson, startServer } from '../helpers/server.ts';

const SERVERS = 4;
const ROUNDS_EACH = 5;
const ROUNDS = SERVERS * ROUNDS_EACH;

/** One server killed ROUNDS_EACH times; resolves with what its clients had seen and what it kept at the end. */
async function crashRounds(first: number): Promise<{ seen: Set<string>; stored: Set<string> }> {
  let server = await startServer();
  const review = await server.createReview(`Crash rounds ${first}`);
  const dataDir = server.dataDir;
  const seen = new Set<string>();
  for (let round = first; round < first + ROUNDS_EACH; round++) {
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
    // Kill at a different point each round (the same twenty points as one server killed twenty times).
    const killAt = 10 + ((round * 37) % 150);
    await waitFor(() => mine() >= killAt, `round ${round}: the watcher to receive ${killAt} updates`, 30_000);
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
  await server.stop();
  return { seen, stored: new Set((exported.timeline as { summary: string }[]).map((e) => e.summary)) };
}

describe('crashes', () => {
  it(`loses nothing any client had seen across ${ROUNDS} kill -9 rounds`, async () => {
    const results = await Promise.all(Array.from({ length: SERVERS }, (_, s) => crashRounds(s * ROUNDS_EACH)));
    for (const { seen, stored } of results) {
      expect(seen.size).toBeGreaterThan(ROUNDS_EACH * 10);
      expect([...seen].filter((s) => !stored.has(s))).toEqual([]);
    }
    // The limit only guards against a hang (restarts are slow on a loaded 2-core machine).
  }, 300_000);
});
