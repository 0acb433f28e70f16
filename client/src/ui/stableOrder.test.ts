import { describe, expect, it } from 'vitest';
import { keepOrder } from './stableOrder.ts';

describe('keepOrder', () => {
  const id = (x: { id: string }) => x.id;
  it('keeps the previous order, appends new rows and drops gone ones', () => {
    const items = [{ id: 'c' }, { id: 'a' }, { id: 'd' }];
    expect(keepOrder(['a', 'b', 'c'], items, id).map(id)).toEqual(['a', 'c', 'd']);
  });
  it('is the items’ own order when nothing was shown before', () => {
    expect(keepOrder([], [{ id: 'b' }, { id: 'a' }], id).map(id)).toEqual(['b', 'a']);
  });
});
