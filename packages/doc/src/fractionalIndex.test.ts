import { describe, expect, it } from 'vitest';
import { isOrderKey, keyBetween, keyForIndex } from './fractionalIndex.ts';

// A tiny seeded PRNG so failures reproduce.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('fractional order keys', () => {
  it('produces a key between any two keys and at the open ends', () => {
    const first = keyBetween(null, null);
    expect(isOrderKey(first)).toBe(true);
    const after = keyBetween(first, null);
    const before = keyBetween(null, first);
    expect(before < first && first < after).toBe(true);
    const mid = keyBetween(first, after);
    expect(first < mid && mid < after).toBe(true);
  });

  it('keeps order over many random inserts (seed 42) and stays short when appending', () => {
    const next = rng(42);
    const keys: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const i = Math.floor(next() * (keys.length + 1));
      keys.splice(i, 0, keyForIndex(keys, i));
    }
    for (let n = 1; n < keys.length; n++) expect(keys[n - 1]! < keys[n]!).toBe(true);
    const appended: string[] = [];
    for (let n = 0; n < 500; n++) appended.push(keyForIndex(appended, appended.length));
    expect(appended.at(-1)!.length).toBeLessThan(25);
    for (let n = 1; n < appended.length; n++) expect(appended[n - 1]! < appended[n]!).toBe(true);
    const prepended: string[] = [];
    for (let n = 0; n < 500; n++) prepended.unshift(keyForIndex(prepended, 0));
    for (let n = 1; n < prepended.length; n++) expect(prepended[n - 1]! < prepended[n]!).toBe(true);
    expect(prepended.every(isOrderKey)).toBe(true);
  });

  it('inserts after a run of equal keys left by concurrent inserts', () => {
    const k = keyBetween(null, null);
    const later = keyBetween(k, null);
    const key = keyForIndex([k, k, later], 1);
    expect(key > k && key < later).toBe(true);
    expect(keyForIndex([k, k], 1) > k).toBe(true);
  });

  it('rejects malformed or out-of-order keys', () => {
    expect(() => keyBetween('b', 'a')).toThrow(/out of order/);
    expect(() => keyBetween('a0', null)).toThrow(/invalid/);
    expect(isOrderKey('')).toBe(false);
    expect(isOrderKey('a-b')).toBe(false);
  });
});
