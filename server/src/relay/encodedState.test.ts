import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
