// A seeded fuzzer over the sync endpoint: a thousand malformed frames while
// two honest clients keep editing. The server stays up, every attacker is
// closed with a declared code, honest clients converge, and the store loads
// cleanly afterwards. Reproduce one frame with FUZZ_SEED=<n>.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@hindsight/protocol';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { canonical, connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRawOk } from '../helpers/raw.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';
import { malformedFrame } from './frames.ts';
import { REGRESSION_SEEDS } from './regressions.ts';

const FRAMES = 1000;
const PARALLEL = 25;
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20261128);
// A mangled update that still decodes is judged by its effect: it would stay pending
// (4412) or touch something outside the schema (4422).
const EXPECTED = new Set<number>([
  CloseCode.BadMessage,
  CloseCode.FrameTooLarge,
  CloseCode.UpdateIncomplete,
  CloseCode.SchemaViolation,
]);

describe('sync endpoint fuzzing', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let alice: Client;
  let bob: Client;

  beforeAll(async () => {
    server = await startServer({ env: { MAX_FRAME_BYTES: String(64 * 1024), LOG_LEVEL: 'info' } });
    review = await server.createReview('Fuzzed');
    alice = connect(server, review.id, review.tokens.editor);
    bob = connect(server, review.id, review.tokens.editor);
    await Promise.all([synced(alice), synced(bob)]);
  });
  afterAll(async () => {
    alice?.destroy();
    bob?.destroy();
    await server?.stop();
  });

  /** Sends one frame on its own connection; returns the close code, or null if the server kept it open (15 s). */
  async function attack(seed: number): Promise<{ seed: number; category: string; code: number | null }> {
    const { category, frame } = malformedFrame(seed);
    const peer = await openRawOk(server, review.id, review.tokens.editor);
    peer.send(frame);
    const code = await Promise.race([
      peer.closed.then((c) => c.code),
      // Every malformed frame must close its socket; the window only bounds a wrong answer on a loaded machine.
      new Promise<null>((r) => setTimeout(() => r(null), 15_000)),
    ]);
    if (code === null) peer.ws.terminate();
    return { seed, category, code };
  }

  for (const { seed, found } of REGRESSION_SEEDS) {
    it(`regression seed ${seed}: ${found}`, async () => {
      const result = await attack(seed);
      expect(EXPECTED.has(result.code ?? -1), `seed ${seed} (${result.category}) closed with ${result.code}`).toBe(
        true,
      );
    });
  }

  it(`survives ${FRAMES} malformed frames while honest clients converge`, async () => {
    const failures: { seed: number; category: string; code: number | null }[] = [];
    let round = 0;
    for (let start = 0; start < FRAMES; start += PARALLEL) {
      const seeds = Array.from({ length: Math.min(PARALLEL, FRAMES - start) }, (_, i) => BASE_SEED + start + i);
      const results = await Promise.all(seeds.map(attack));
      failures.push(...results.filter((r) => !EXPECTED.has(r.code ?? -1)));
      // Honest editing goes on between volleys.
      round++;
      addEntry(alice.doc, { at: Date.UTC(2026, 0, 1, 0, round), summary: `alice ${round}` }, defaultContext('alice'));
      addEntry(bob.doc, { at: Date.UTC(2026, 0, 1, 0, round), summary: `bob ${round}` }, defaultContext('bob'));
    }
    if (failures.length > 0) console.log(JSON.stringify(server.logs.filter((l) => Number(l.level) >= 40).slice(-15)));
    expect(failures, `failing seeds (add them to regressions.ts): ${JSON.stringify(failures.slice(0, 20))}`).toEqual(
      [],
    );
    expect(server.process.exitCode).toBeNull();
    await waitFor(
      () => readTimeline(alice.doc).length === round * 2 && canonical(alice.doc) === canonical(bob.doc),
      'honest clients to converge',
    );
    expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);

    // Nothing stored was damaged: after a restart the log loads cleanly and matches.
    const expected = canonical(alice.doc);
    alice.destroy();
    bob.destroy();
    expect(await server.stop()).toBe(0);
    server = await startServer({ dataDir: server.dataDir });
    const fresh = connect(server, review.id, review.tokens.observer);
    await synced(fresh);
    await waitFor(() => canonical(fresh.doc) === expected, 'the restarted server to serve the same document');
    fresh.destroy();
    expect(server.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});
