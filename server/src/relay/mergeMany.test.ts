import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeMany, mergeManyYielding } from './mergeMany.ts';

/** Updates of one document: typed text, deletions, a map, from two writers. */
function updatesOf(n: number): Uint8Array[] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const updates: Uint8Array[] = [];
  a.on('update', (u: Uint8Array) => {
    updates.push(u);
    Y.applyUpdate(b, u, 'a');
  });
  b.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin === 'a') return;
    updates.push(u);
    Y.applyUpdate(a, u);
  });
  for (let i = 0; i < n; i++) {
    const doc = i % 3 === 0 ? b : a;
    doc.getText('t').insert(0, String(i % 10));
    if (i % 7 === 0) doc.getText('t').delete(1, 1);
    if (i % 5 === 0) doc.getMap('m').set(`k${i % 4}`, i);
  }
  return updates;
}

const content = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return { t: doc.getText('t').toString(), m: doc.getMap('m').toJSON() };
};

describe('mergeMany', () => {
  it('merges thousands of updates in batches into the same document one merge gives', async () => {
    const updates = updatesOf(3_000);
    const once = content(Y.mergeUpdates(updates));
    expect(content(mergeMany(updates))).toEqual(once);
    expect(content(await mergeManyYielding(updates))).toEqual(once);
    expect(content(await mergeManyYielding(updates.slice(0, 10)))).toEqual(
      content(Y.mergeUpdates(updates.slice(0, 10))),
    );
    expect(content(mergeMany([]))).toEqual({ t: '', m: {} });
  });
});
