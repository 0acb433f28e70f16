// Bad input closes only the offending socket, with the code packages/protocol
// declares, while honest clients carry on converging and nothing stored changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { CloseCode, MessageType } from '@hindsight/protocol';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { canonical, connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRawOk, syncStep2Message, updateMessage } from '../helpers/raw.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

/** Deterministic bytes (mulberry32), so a failure reproduces. */
function seededBytes(seed: number, length: number): Uint8Array {
  let a = seed;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

function validUpdate(): Uint8Array {
  const doc = new Y.Doc();
  addEntry(doc, { at: Date.UTC(2026, 0, 1), summary: 'half of an update' }, defaultContext('x'));
  return Y.encodeStateAsUpdate(doc);
}

const FRAME_LIMIT = 64 * 1024;

describe('bad input', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let alice: Client;
  let bob: Client;
  let round = 0;

  beforeAll(async () => {
    server = await startServer({ env: { MAX_FRAME_BYTES: String(FRAME_LIMIT) } });
    review = await server.createReview('Bad input');
    alice = connect(server, review.id, review.tokens.editor);
    bob = connect(server, review.id, review.tokens.facilitator);
    await Promise.all([synced(alice), synced(bob)]);
  });
  afterAll(async () => {
    alice.destroy();
    bob.destroy();
    await server.stop();
  });

  /** Honest clients keep editing and converging after each attack. */
  async function honestClientsStillConverge(): Promise<void> {
    round++;
    addEntry(alice.doc, { at: Date.UTC(2026, 0, 2, 0, round), summary: `alice ${round}` }, defaultContext('alice'));
    addEntry(bob.doc, { at: Date.UTC(2026, 0, 2, 0, round), summary: `bob ${round}` }, defaultContext('bob'));
    await waitFor(
      () => canonical(alice.doc) === canonical(bob.doc) && readTimeline(alice.doc).length === round * 2,
      'honest clients to converge',
    );
  }

  const attacks: [string, () => Uint8Array, number][] = [
    ['random bytes', () => seededBytes(1, 64), CloseCode.BadMessage],
    ['random bytes after a sync header', () => new Uint8Array([0, 2, ...seededBytes(7, 40)]), CloseCode.BadMessage],
    ['a truncated varint', () => new Uint8Array([0x80]), CloseCode.BadMessage],
    ['an unknown message type', () => new Uint8Array([42, 0]), CloseCode.BadMessage],
    ['an unknown sync message type', () => new Uint8Array([MessageType.sync, 9, 0]), CloseCode.BadMessage],
    [
      'a length that claims more bytes than follow',
      () => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.sync);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint(e, 1_000_000);
        encoding.writeUint8Array(e, new Uint8Array(10));
        return encoding.toUint8Array(e);
      },
      CloseCode.BadMessage,
    ],
    ['an update that fails to decode', () => updateMessage(validUpdate().slice(0, 25)), CloseCode.BadMessage],
    ['a sync step 2 that fails to decode', () => syncStep2Message(seededBytes(3, 30)), CloseCode.BadMessage],
    [
      'an awareness update that is not JSON',
      () => new Uint8Array([MessageType.awareness, 5, 1, 7, 1, 2, 0x7b, 0x7b]),
      CloseCode.BadMessage,
    ],
    ['a frame over the size limit', () => updateMessage(new Uint8Array(FRAME_LIMIT + 10)), CloseCode.FrameTooLarge],
  ];

  for (const [name, frame, code] of attacks) {
    it(`${name} closes only that socket (${code})`, async () => {
      const before = await exportJson(server, review.id, review.tokens.observer);
      const attacker = await openRawOk(server, review.id, review.tokens.editor);
      attacker.send(frame());
      expect((await attacker.closed).code).toBe(code);
      expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
      const after = await exportJson(server, review.id, review.tokens.observer);
      expect(after).toEqual(before);
      await honestClientsStillConverge();
    });
  }

  it('rate-limits a connection that floods updates, and nobody else', async () => {
    const flooder = await openRawOk(server, review.id, review.tokens.editor);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 1000; i++) doc.getText('narrative.impact').insert(i, 'x');
    for (const u of updates) flooder.send(updateMessage(u));
    expect((await flooder.closed).code).toBe(CloseCode.RateLimited);
    await honestClientsStillConverge();
    expect(server.process.exitCode).toBeNull();
  });
});
