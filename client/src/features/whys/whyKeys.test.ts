// Unit tests for the whys tree's keyboard commands, on a real document's read model.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addWhy, moveWhy, readWhysTree, sequenceContext } from '@hindsight/doc';
import { whyCommand, type KeyPress } from './whyKeys.ts';

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

function tree() {
  const doc = new Y.Doc();
  const ctx = sequenceContext();
  const a = addWhy(doc, { text: 'a' }, ctx);
  const b = addWhy(doc, { text: 'b' }, ctx);
  const a1 = addWhy(doc, { parentId: a, text: 'a1' }, ctx);
  return { doc, ctx, a, b, a1 };
}

const shape = (doc: Y.Doc): unknown => {
  const walk = (ns: ReturnType<typeof readWhysTree>): unknown =>
    ns.map((n) => (n.children.length ? [n.text, walk(n.children)] : n.text));
  return walk(readWhysTree(doc));
};

describe('whyCommand', () => {
  it('adds beside with Enter and under with Ctrl+Enter', () => {
    const { doc, a, a1 } = tree();
    const forest = readWhysTree(doc);
    expect(whyCommand(forest, a, key('Enter'))).toEqual({ type: 'add', parentId: null, index: 1 });
    expect(whyCommand(forest, a, key('Enter', { ctrlKey: true }))).toEqual({ type: 'add', parentId: a, index: 1 });
    expect(whyCommand(forest, a1, key('Enter'))).toEqual({ type: 'add', parentId: a, index: 1 });
  });

  it('moves with Alt+arrows, and the moves apply', () => {
    const { doc, ctx, b, a1 } = tree();
    const apply = (id: string, k: string): void => {
      const cmd = whyCommand(readWhysTree(doc), id, key(k, { altKey: true }));
      if (cmd?.type === 'move') moveWhy(doc, cmd, ctx);
    };
    apply(b, 'ArrowUp');
    expect(shape(doc)).toEqual(['b', ['a', ['a1']]]);
    apply(a1, 'ArrowLeft');
    expect(shape(doc)).toEqual(['b', 'a', 'a1']);
    apply(a1, 'ArrowRight');
    expect(shape(doc)).toEqual(['b', ['a', ['a1']]]);
    apply(b, 'ArrowDown');
    expect(shape(doc)).toEqual([['a', ['a1']], 'b']);
    apply(b, 'ArrowRight');
    expect(shape(doc)).toEqual([['a', ['a1', 'b']]]);
  });

  it('ignores moves past the ends and plain arrows', () => {
    const { doc, a } = tree();
    const forest = readWhysTree(doc);
    expect(whyCommand(forest, a, key('ArrowUp', { altKey: true }))).toBeNull();
    expect(whyCommand(forest, a, key('ArrowLeft', { altKey: true }))).toBeNull();
    expect(whyCommand(forest, a, key('ArrowDown'))).toBeNull();
  });
});
