import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@hindsight/protocol';
import { updateMessage } from './broadcaster.ts';
import { EncodedState } from './encodedState.ts';
import { StoredReview } from './roomLoad.ts';

/** A review stored as a log of `n` one-item updates and no checkpoint (the server was killed before one). */
async function storedWithTail(n: number): Promise<{ stored: StoredReview; doc: Y.Doc }> {
  const doc = new Y.Doc();
  const tail: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => tail.push(u));
  for (let i = 0; i < n; i++) doc.getArray<number>('a').push([i]);
  const load = async () => ({ checkpoint: null, checkpointSeq: 0, tail, lastSeq: n });
  return { stored: await StoredReview.read({ load }, 'r'), doc };
}

describe('first syncs while a room loads', () => {
  it('answers from the stored updates when the tail is short, exactly the stored review', async () => {
    const { stored, doc } = await storedWithTail(50);
    const encoded = new EncodedState(() => Y.encodeStateAsUpdate(doc));
    encoded.loading(stored);
    expect(encoded.answersWhileLoading).toBe(true);
    const joiner = new Y.Doc();
    const { state, since } = encoded.answer(Y.encodeStateVector(joiner));
    Y.applyUpdate(joiner, state);
    if (since) Y.applyUpdate(joiner, since);
    expect(joiner.getArray('a').toJSON()).toEqual(doc.getArray('a').toJSON());
  });

  it('leaves a long tail (a crash before the checkpoint) to the built document rather than merging it', async () => {
    const { stored, doc } = await storedWithTail(1_001);
    const encoded = new EncodedState(() => Y.encodeStateAsUpdate(doc));
    encoded.loading(stored);
    expect(encoded.answersWhileLoading).toBe(false);
    // Once built, the joiner is answered from the live document, whole.
    encoded.loaded(true);
    const joiner = new Y.Doc();
    const { state, since } = encoded.answer(Y.encodeStateVector(joiner));
    Y.applyUpdate(joiner, state);
    if (since) Y.applyUpdate(joiner, since);
    expect(joiner.getArray('a').length).toBe(1_001);
  });
});

/** Decodes a sync step 2 or update message (as y-protocols does) into `doc`. */
function receive(doc: Y.Doc, message: Uint8Array): number {
  const decoder = decoding.createDecoder(message);
  expect(decoding.readVarUint(decoder)).toBe(MessageType.sync);
  return syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, null);
}

describe('first syncs of a loaded room', () => {
  it('answers every joiner holding nothing from one encoding, then adds what was applied since', () => {
    const live = new Y.Doc();
    for (let i = 0; i < 100; i++) live.getArray<number>('a').push([i]);
    let encodings = 0;
    const encoded = new EncodedState(() => {
      encodings++;
      return Y.encodeStateAsUpdate(live);
    });
    const fresh = Y.encodeStateVector(new Y.Doc());
    for (let i = 0; i < 3; i++) {
      const joiner = new Y.Doc();
      const messages = encoded.messages(fresh);
      expect(messages.map((m) => receive(joiner, m))).toEqual([syncProtocol.messageYjsSyncStep2]);
      expect(joiner.getArray('a').toJSON()).toEqual(live.getArray('a').toJSON());
    }
    expect(encodings).toBe(1);
    live.once('update', (u: Uint8Array) => encoded.applied(u));
    live.getArray<number>('a').push([100]);
    const joiner = new Y.Doc();
    const kinds = encoded.messages(fresh).map((m) => receive(joiner, m));
    expect(kinds).toEqual([syncProtocol.messageYjsSyncStep2, syncProtocol.messageYjsUpdate]);
    expect(joiner.getArray('a').length).toBe(101);
    // A checkpoint's encoding becomes the base: one message again, still no encoding of our own.
    encoded.seed(Y.encodeStateAsUpdate(live));
    const afterCheckpoint = new Y.Doc();
    expect(encoded.messages(fresh).map((m) => receive(afterCheckpoint, m))).toEqual([syncProtocol.messageYjsSyncStep2]);
    expect(afterCheckpoint.getArray('a').length).toBe(101);
    expect(encodings).toBe(1);
  });

  it('frames messages exactly as y-protocols does, whatever the length', () => {
    for (const length of [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 3_000_000]) {
      const update = new Uint8Array(length).fill(7);
      const expected = encoding.createEncoder();
      encoding.writeVarUint(expected, MessageType.sync);
      syncProtocol.writeUpdate(expected, update);
      // (Compared as buffers: a deep equal of megabytes takes minutes.)
      expect(Buffer.from(updateMessage(update)).equals(encoding.toUint8Array(expected)), `length ${length}`).toBe(true);
    }
  });
});
