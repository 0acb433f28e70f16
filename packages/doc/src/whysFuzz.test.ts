// Seeded fuzz: three replicas add, move and delete whys nodes with partial
// syncs in between. After a full sync all replicas are equal and the tree
// shows every stored node exactly once. Failing seeds belong in SEEDS.
import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { canonical, ctxFor, exchange, fork, newReview } from './testSupport.ts';
import { addWhy, deleteWhy, moveWhy } from './whys.ts';
import { flattenWhys, readWhysTree } from './whysTree.ts';

const SEEDS = [1, 2, 3, 7, 42, 1234];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function step(doc: Y.Doc, rand: () => number, ctx: ReturnType<typeof ctxFor>): void {
  const ids = [...doc.getMap('whys').keys()].sort();
  const pick = (): string | null => (ids.length === 0 ? null : (ids[Math.floor(rand() * ids.length)] as string));
  const r = rand();
  try {
    if (r < 0.3 || ids.length < 4)
      addWhy(doc, { parentId: rand() < 0.3 ? null : pick(), index: Math.floor(rand() * 3) }, ctx);
    else if (r < 0.95) moveWhy(doc, { id: pick() as string, parentId: rand() < 0.2 ? null : pick(), index: 0 }, ctx);
    else deleteWhy(doc, pick() as string, ctx);
  } catch {
    // Locally refused moves (under itself / a descendant) are part of the game.
  }
}

describe('whys fuzz', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: replicas converge and every node shows once`, () => {
      const rand = rng(seed);
      const base = newReview();
      const replicas = [fork(base), fork(base), fork(base)];
      const ctxs = [ctxFor(`a${seed}-`), ctxFor(`b${seed}-`), ctxFor(`c${seed}-`)];
      for (let round = 0; round < 150; round++) {
        const i = Math.floor(rand() * 3);
        step(replicas[i]!, rand, ctxs[i]!);
        if (rand() < 0.1) exchange(replicas[Math.floor(rand() * 3)]!, replicas[Math.floor(rand() * 3)]!);
      }
      exchange(replicas[0]!, replicas[1]!);
      exchange(replicas[1]!, replicas[2]!);
      exchange(replicas[0]!, replicas[1]!);
      const json = canonical(replicas[0]!);
      for (const d of replicas) expect(canonical(d)).toBe(json);
      for (const d of replicas) {
        const shown = flattenWhys(readWhysTree(d)).map((v) => v.id);
        expect(new Set(shown).size).toBe(shown.length);
        expect([...shown].sort()).toEqual([...d.getMap('whys').keys()].sort());
      }
      const shape = (d: Y.Doc) => flattenWhys(readWhysTree(d)).map((v) => `${v.id}<${v.parentId}`);
      expect(shape(replicas[1]!)).toEqual(shape(replicas[0]!));
      expect(shape(replicas[2]!)).toEqual(shape(replicas[0]!));
    });
  }
});

describe('whys fuzz: concurrent moves on a small tree (cycle-prone)', () => {
  it('converges and shows every node once; cycles do occur and are broken', () => {
    let cycles = 0;
    for (const seed of SEEDS) {
      const rand = rng(seed);
      const base = newReview();
      const s = ctxFor(`s${seed}-`);
      const ids = [addWhy(base, { text: 'n0' }, s)];
      for (let n = 1; n < 5; n++) ids.push(addWhy(base, { parentId: ids[Math.floor(rand() * n)]!, text: `n${n}` }, s));
      const replicas = [fork(base), fork(base), fork(base)];
      const ctxs = [ctxFor(`a${seed}-`), ctxFor(`b${seed}-`), ctxFor(`c${seed}-`)];
      for (let round = 0; round < 10; round++) {
        replicas.forEach((d, i) => {
          const id = ids[Math.floor(rand() * ids.length)]!;
          const parent = rand() < 0.15 ? null : ids[Math.floor(rand() * ids.length)]!;
          try {
            moveWhy(d, { id, parentId: parent, index: 0 }, ctxs[i]!);
          } catch {
            // refused locally: would form a cycle on this replica
          }
        });
        exchange(replicas[0]!, replicas[1]!);
        exchange(replicas[1]!, replicas[2]!);
        exchange(replicas[0]!, replicas[1]!);
        const json = canonical(replicas[0]!);
        const shape = (d: Y.Doc) => flattenWhys(readWhysTree(d)).map((v) => `${v.id}<${v.parentId}`);
        for (const d of replicas) {
          expect(canonical(d)).toBe(json);
          expect(shape(d)).toEqual(shape(replicas[0]!));
          expect(shape(d).length).toBe(ids.length);
        }
        cycles += flattenWhys(readWhysTree(replicas[0]!)).filter((v) => v.detached === 'cycle').length;
      }
    }
    expect(cycles).toBeGreaterThan(0);
  });
});
