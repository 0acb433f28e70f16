// A seeded fuzzer over the write gate: random updates an editor link could
// send (gateUpdates.ts: writes across every root, facilitator-only values,
// deletes, pending structs and deletes, out-of-order changes, writes as the
// facilitator's Yjs client, roots of the wrong type), sent with raw sockets to
// a real server while a facilitator and an editor keep working with stock
// clients, first with the timeline open, then frozen. Afterwards no
// facilitator-only value changed and the frozen timeline held, every stored
// record fits the schema, the read models read the result, the edit history
// replays at every sampled seq, and a restarted server loads the same review.
// Reproduce one update with GATE_FUZZ_SEED=<n>; keep seeds that found a bug in
// gateRegressions.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, MessageType } from '@hindsight/protocol';
import {
  FACILITATOR_META_KEYS,
  FACILITATOR_ROOTS,
  ROOT_SCHEMAS,
  Root,
  addEntry,
  addQuestion,
  defaultContext,
  exportReview,
  migrate,
  readActionsModel,
  readAnnotations,
  readEvidenceIndex,
  readFacilitation,
  readHumanFactors,
  readMeta,
  readNarrative,
  readPeople,
  readTimeline,
  readWhysTree,
  roots,
  setAnswer,
  setStatus,
  setTimelineFrozen,
  startMeeting,
  pinReminder,
  validateTouched,
} from '@hindsight/doc';
import { buildReportModel, renderMarkdown } from '@hindsight/report';
import { canonical, connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRawOk, syncStep1Message, syncStep2Message, updateMessage, type RawPeer } from '../helpers/raw.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';
import { CATEGORY_NAMES, craftUpdate, type CraftedUpdate } from './gateUpdates.ts';
import { GATE_REGRESSION_SEEDS } from './gateRegressions.ts';

const ROUNDS = Number(process.env.GATE_FUZZ_ROUNDS ?? 320);
const PARALLEL = 8;
const BASE_SEED = Number(process.env.GATE_FUZZ_SEED ?? 20261206);
const ctx = defaultContext('gate fuzz');

type Outcome = { seed: number; category: string; expect: CraftedUpdate['expect']; code: number | 'stored' | 'silent' };

/** Codes an update that decodes may be refused with. */
const REFUSALS = new Set<number>([
  CloseCode.ChangeRefused,
  CloseCode.SchemaViolation,
  CloseCode.UpdateIncomplete,
  CloseCode.DocumentTooLarge,
]);

/** Whether `message` is a sync step 2 (the server's answer to our step 1). */
function isStep2(message: Uint8Array): boolean {
  const d = decoding.createDecoder(message);
  return decoding.readVarUint(d) === MessageType.sync && decoding.readVarUint(d) === syncProtocol.messageYjsSyncStep2;
}

/** Facilitator-only state as plain JSON. */
function facilitatorOnly(doc: Y.Doc): string {
  roots(doc);
  const meta = doc.getMap<unknown>(Root.meta);
  const out: Record<string, unknown> = {};
  for (const key of FACILITATOR_META_KEYS) out[`meta/${key}`] = meta.get(key) ?? null;
  for (const root of FACILITATOR_ROOTS) out[root] = doc.getMap(root).toJSON();
  return JSON.stringify(out);
}

/** Every record of every root of `doc` against the one schema; the problems found. */
function schemaProblems(doc: Y.Doc): string[] {
  const problems: string[] = [];
  for (const [root, type] of doc.share) {
    if (!ROOT_SCHEMAS.has(root)) {
      problems.push(`${root} is not a root of the schema`);
      continue;
    }
    const keys: (string | null)[] = [null, ...type._map.keys()];
    for (const key of keys) {
      const problem = validateTouched(doc, { root, key });
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** Every read model the client and the report use; throws when one does. */
function readEverything(doc: Y.Doc): number {
  const now = Date.now();
  readMeta(doc);
  readFacilitation(doc, now);
  readHumanFactors(doc);
  readAnnotations(doc);
  readActionsModel(doc);
  readWhysTree(doc);
  readEvidenceIndex(doc);
  readNarrative(doc);
  readPeople(doc);
  exportReview(doc);
  renderMarkdown(buildReportModel(doc));
  return readTimeline(doc).length;
}

describe('write gate fuzzing', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let facilitator: Client;
  let editor: Client;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { LOG_LEVEL: 'info' } });
    review = await server.createReview('Fuzzed gate');
    facilitator = connect(server, review.id, review.tokens.facilitator);
    editor = connect(server, review.id, review.tokens.editor);
    await Promise.all([synced(facilitator), synced(editor)]);
    setStatus(facilitator.doc, 'reviewing', ctx);
    startMeeting(facilitator.doc, { minutes: 60 }, ctx);
    pinReminder(facilitator.doc, 'Systems, not people', ctx);
    await settle();
  });
  afterAll(async () => {
    facilitator?.destroy();
    editor?.destroy();
    await server?.stop();
  });

  /** Both stock clients hold each other's latest change: everything sent before was handled. */
  async function settle(): Promise<void> {
    const fromFacilitator = addQuestion(facilitator.doc, { prompt: `facilitator ${Math.random()}` }, ctx);
    const fromEditor = addQuestion(editor.doc, { prompt: `editor ${Math.random()}` }, ctx);
    await waitFor(
      () =>
        readHumanFactors(editor.doc).some((q) => q.id === fromFacilitator) &&
        readHumanFactors(facilitator.doc).some((q) => q.id === fromEditor),
      'both honest clients to see each other’s change',
      30_000,
    );
  }

  /**
   * Sends seed's update on its own editor connection, then a step 1: a step 2 back means it was stored.
   * It answers the server's sync step 1 first, as clients do: a change that builds on what the server has
   * not seen, sent before that answer, waits for it (reconnect.test.ts).
   */
  async function attack(seed: number): Promise<Outcome> {
    const crafted = craftUpdate(seed, editor.doc, facilitator.doc.clientID);
    const peer: RawPeer = await openRawOk(server, review.id, review.tokens.editor);
    peer.send(syncStep2Message(Y.encodeStateAsUpdate(new Y.Doc())));
    peer.send(updateMessage(crafted.update));
    peer.send(syncStep1Message(new Y.Doc()));
    const deadline = Date.now() + 30_000;
    let code: Outcome['code'] = 'silent';
    const closed = peer.closed.then((c) => (code = c.code));
    while (code === 'silent' && Date.now() < deadline) {
      if (peer.received.some(isStep2)) {
        code = 'stored';
        break;
      }
      await Promise.race([closed, new Promise((r) => setTimeout(r, 20))]);
    }
    peer.ws.terminate();
    return { seed, category: crafted.category, expect: crafted.expect, code };
  }

  function problemOf(o: Outcome): string | null {
    const what = `seed ${o.seed} (${o.category}) ended with ${o.code}`;
    if (o.code === 'silent') return `${what}: neither stored nor refused in 30 s`;
    if (o.expect === 'pending' && o.code !== CloseCode.UpdateIncomplete) return `${what}, expected 4412`;
    if (o.expect === 'refused' && o.code !== CloseCode.ChangeRefused) return `${what}, expected 4409`;
    if (o.code !== 'stored' && !REFUSALS.has(o.code)) return `${what}, not a declared refusal`;
    return null;
  }

  for (const { seed, found } of GATE_REGRESSION_SEEDS) {
    it(`regression seed ${seed}: ${found}`, async () => {
      const outcome = await attack(seed);
      expect(problemOf(outcome)).toBeNull();
      await settle();
      expect(schemaProblems(editor.doc)).toEqual([]);
      expect(() => readEverything(editor.doc)).not.toThrow();
    });
  }

  async function volleys(from: number, count: number): Promise<void> {
    for (let start = from; start < from + count; start += PARALLEL) {
      const seeds = Array.from({ length: Math.min(PARALLEL, from + count - start) }, (_, i) => BASE_SEED + start + i);
      outcomes.push(...(await Promise.all(seeds.map(attack))));
      // Honest work between volleys: an answer, and (while open) an entry.
      const [question] = readHumanFactors(editor.doc);
      if (question) setAnswer(editor.doc, { id: question.id, text: `answer after ${start}` }, ctx);
      if (!readFacilitation(facilitator.doc, Date.now()).frozen)
        addEntry(editor.doc, { at: Date.UTC(2026, 0, 1, 0, start % 60), summary: `honest ${start}` }, ctx);
      await settle();
    }
  }

  it(`judges ${ROUNDS} random editor updates by their effect; the facilitator's state, the freeze and the store hold`, async () => {
    const before = facilitatorOnly(facilitator.doc);
    await volleys(0, ROUNDS / 2);

    setTimelineFrozen(facilitator.doc, true, ctx);
    await settle();
    const frozenFacilitator = facilitatorOnly(facilitator.doc);
    const frozenTimeline = JSON.stringify(roots(facilitator.doc).timeline.toJSON());
    await volleys(ROUNDS / 2, ROUNDS / 2);

    const problems = outcomes.map(problemOf).filter((p): p is string => p !== null);
    expect(problems, problems.slice(0, 10).join('\n')).toEqual([]);
    // The fuzzer did reach both sides of the gate in every category that can be stored.
    const stored = outcomes.filter((o) => o.code === 'stored');
    expect(stored.length).toBeGreaterThan(ROUNDS / 20);
    expect(outcomes.length - stored.length).toBeGreaterThan(ROUNDS / 4);
    expect(new Set(outcomes.map((o) => o.category))).toEqual(new Set(CATEGORY_NAMES));
    console.log(
      `gate fuzz: ${outcomes.length} updates, ${stored.length} stored; refusals by code:`,
      JSON.stringify(
        outcomes.reduce<Record<string, number>>(
          (acc, o) => ((acc[String(o.code)] = (acc[String(o.code)] ?? 0) + 1), acc),
          {},
        ),
      ),
    );

    // The facilitator's state changed only by the facilitator; the frozen timeline held.
    expect(frozenFacilitator).not.toBe(before);
    const late = connect(server, review.id, review.tokens.facilitator);
    await synced(late);
    await waitFor(
      () => readHumanFactors(late.doc).length === readHumanFactors(facilitator.doc).length,
      'a late joiner to hold the whole review',
    );
    expect(facilitatorOnly(late.doc)).toBe(frozenFacilitator);
    expect(JSON.stringify(roots(late.doc).timeline.toJSON())).toBe(frozenTimeline);

    // What is stored fits the schema and reads, on every replica.
    expect(schemaProblems(late.doc)).toEqual([]);
    for (const doc of [late.doc, editor.doc, facilitator.doc]) expect(readEverything(doc)).toBeGreaterThan(0);
    const state = canonical(late.doc);
    // What a server that loads the review may make of it: the stored state, migrated once.
    const migrated = new Y.Doc();
    Y.applyUpdate(migrated, Y.encodeStateAsUpdate(late.doc));
    migrate(migrated);
    late.destroy();

    // The edit history replays at sampled seqs and ends where the live review is.
    const index = (await (
      await server.fetch(`/api/reviews/${review.id}/history`, {
        headers: { authorization: `Bearer ${review.tokens.editor}` },
      })
    ).json()) as { seq: number[] };
    const seqs = index.seq;
    expect(seqs.length).toBeGreaterThan(10);
    const sampled = [...seqs.filter((_, i) => i % Math.ceil(seqs.length / 12) === 0), seqs.at(-1)!];
    let lastState = '';
    for (const seq of sampled) {
      const res = await server.fetch(`/api/reviews/${review.id}/history/state?seq=${seq}`, {
        headers: { authorization: `Bearer ${review.tokens.editor}` },
      });
      expect(res.status, `history state at seq ${seq}`).toBe(200);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
      expect(() => readEverything(doc)).not.toThrow();
      lastState = canonical(doc);
    }
    expect(lastState).toBe(state);

    // A restarted server loads the same review from the store.
    await server.stop();
    server = await startServer({ dataDir: server.dataDir, env: { LOG_LEVEL: 'info' } });
    const reloaded = connect(server, review.id, review.tokens.facilitator);
    await synced(reloaded);
    // The same review, or the same review migrated once by the load (when it was written by an older schema).
    expect([state, canonical(migrated)]).toContain(canonical(reloaded.doc));
    expect(facilitatorOnly(reloaded.doc)).toBe(frozenFacilitator);
    reloaded.destroy();
  });
});
