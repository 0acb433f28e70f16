// changesNothing decides a client's echo of what it holds without applying it: it must
// never call a real change a no-op (the gate would then skip judging it).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyWithEffect, changesNothing } from './updateEffect.ts';

function review(): Y.Doc {
  const doc = new Y.Doc();
  const text = doc.getText('narrative.impact');
  text.insert(0, 'checkout returned 502s for everyone');
  text.delete(0, 9); // a deletion, so the state carries a delete set
  doc.getMap('timeline').set('e1', 'first');
  return doc;
}

const copyOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe('changesNothing', () => {
  it('is true for an empty update and for a copy of what the document already holds', () => {
    const doc = review();
    expect(changesNothing(doc, new Uint8Array([0, 0]))).toBe(true);
    expect(changesNothing(doc, Y.encodeStateAsUpdate(copyOf(doc)))).toBe(true);
    expect(changesNothing(doc, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))).toBe(true);
  });

  it('is false for new content, as applyWithEffect then reports', () => {
    const doc = review();
    const other = copyOf(doc);
    other.getMap('timeline').set('e2', 'second');
    const update = Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc));
    expect(changesNothing(doc, update)).toBe(false);
    expect(applyWithEffect(doc, update).writers).toHaveLength(1);
  });

  it('is false for a deletion of something still there, true once it is deleted', () => {
    const doc = review();
    const other = copyOf(doc);
    const before = Y.encodeStateVector(other);
    let deletion: Uint8Array | null = null;
    other.on('update', (u: Uint8Array) => (deletion = u));
    other.getText('narrative.impact').delete(0, 4);
    expect(Y.encodeStateVector(other)).toEqual(before); // a deletion adds no struct
    expect(changesNothing(doc, deletion!)).toBe(false);
    expect(applyWithEffect(doc, deletion!).touched).toHaveLength(1);
    expect(changesNothing(doc, deletion!)).toBe(true);
  });

  it('is false for a deletion of something the document has not seen', () => {
    const doc = review();
    const other = copyOf(doc);
    other.getText('narrative.impact').insert(0, 'new ');
    other.getText('narrative.impact').delete(0, 2);
    const onlyDeletes = Y.encodeStateAsUpdate(other, Y.encodeStateVector(other));
    expect(changesNothing(doc, Y.mergeUpdates([onlyDeletes]))).toBe(false);
  });

  it('throws on bytes that are not an update', () => {
    expect(() => changesNothing(review(), new Uint8Array([200, 1, 2, 3]))).toThrow();
  });
});
