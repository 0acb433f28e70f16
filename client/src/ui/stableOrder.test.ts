import { describe, expect, it } from 'vitest';
import { keepOrder } from './stableOrder.ts';

describe('keepOrder', () => {
  const id = (x: { id: string }) => x.id;
  const of = (...ids: string[]) => ids.map((i) => ({ id: i }));
  it('keeps the previous order and drops gone rows', () => {
    expect(keepOrder(['a', 'b', 'c'], of('c', 'a'), id).map(id)).toEqual(['a', 'c']);
  });
  it('places a new row after the row it follows now, a leading one first', () => {
    // 'c' moved to the front meanwhile (held in place); 'x' sorts after 'c', 'z' after 'b', 'y' first.
    expect(keepOrder(['a', 'b', 'c'], of('y', 'c', 'x', 'a', 'b', 'z'), id).map(id)).toEqual([
      'y',
      'a',
      'b',
      'z',
      'c',
      'x',
    ]);
  });
  it('keeps a run of new rows together, in their own order', () => {
    expect(keepOrder(['a', 'b'], of('a', 'n1', 'n2', 'b'), id).map(id)).toEqual(['a', 'n1', 'n2', 'b']);
  });
  it('is the items’ own order when nothing was shown before', () => {
    expect(keepOrder([], of('b', 'a'), id).map(id)).toEqual(['b', 'a']);
  });
  it('keeps a row listed twice in the previous order once', () => {
    expect(keepOrder(['a', 'a', 'b'], of('b', 'a'), id).map(id)).toEqual(['a', 'b']);
  });
});
