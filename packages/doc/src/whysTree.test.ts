import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ctxFor, exchange, fork, newReview } from './testSupport.ts';
import { addWhy, moveWhy } from './whys.ts';
import { flattenWhys, readWhysTree, resolveParents } from './whysTree.ts';

describe('whys tree read model', () => {
  it('resolveParents: orphans and self-parents go to the root, each cycle lifts its smallest id', () => {
    const records = new Map<string, { storedParentId: string | null }>([
      ['a', { storedParentId: null }],
      ['b', { storedParentId: 'gone' }],
      ['c', { storedParentId: 'c' }],
      ['x', { storedParentId: 'z' }],
      ['y', { storedParentId: 'x' }],
      ['z', { storedParentId: 'y' }],
      ['w', { storedParentId: 'y' }],
    ]);
    const out = resolveParents(records);
    expect(Object.fromEntries(out)).toEqual({
      a: { parentId: null, detached: null },
      b: { parentId: null, detached: 'orphan' },
      c: { parentId: null, detached: 'cycle' },
      x: { parentId: null, detached: 'cycle' },
      y: { parentId: 'x', detached: null },
      z: { parentId: 'y', detached: null },
      w: { parentId: 'y', detached: null },
    });
  });

  it('a three-way concurrent cycle (x under z, y under x, z under y) shows every node once on every replica', () => {
    const base = newReview();
    const s = ctxFor('s');
    const x = addWhy(base, { text: 'x' }, s);
    const y = addWhy(base, { text: 'y' }, s);
    const z = addWhy(base, { text: 'z' }, s);
    const [a, b, c] = [fork(base), fork(base), fork(base)];
    moveWhy(a!, { id: x, parentId: z }, ctxFor('a'));
    moveWhy(b!, { id: y, parentId: x }, ctxFor('b'));
    moveWhy(c!, { id: z, parentId: y }, ctxFor('c'));
    exchange(a!, b!);
    exchange(b!, c!);
    exchange(a!, b!);
    for (const d of [a!, b!, c!]) {
      const nodes = flattenWhys(readWhysTree(d));
      expect(nodes.map((v) => [v.id, v.parentId, v.depth])).toEqual([
        [x, null, 0],
        [y, x, 1],
        [z, y, 2],
      ]);
    }
  });

  it('tolerates foreign data: non-map values, missing fields, plain-string text', () => {
    const doc = newReview();
    doc.transact(() => {
      const whys = doc.getMap<unknown>('whys');
      whys.set('junk', 42);
      const m = new Y.Map<unknown>();
      whys.set('bare', m);
      m.set('text', 'plain');
      m.set('status', 'weird');
    });
    expect(readWhysTree(doc)).toEqual([
      expect.objectContaining({
        id: 'bare',
        text: 'plain',
        status: 'hypothesis',
        factor: null,
        evidence: [],
        order: '',
      }),
    ]);
  });
});
