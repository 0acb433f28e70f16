// Rows that hold still while someone types in them: the previous order kept, new rows appended.
import { useRef } from 'react';

/** `items` in the order of `previous` ids; items not in it follow in their own order; gone ones drop out. */
export function keepOrder<T>(previous: readonly string[], items: readonly T[], id: (item: T) => string): T[] {
  const byId = new Map(items.map((item) => [id(item), item]));
  const kept = previous.flatMap((key) => {
    const item = byId.get(key);
    return item === undefined ? [] : [item];
  });
  const known = new Set(previous);
  return [...kept, ...items.filter((item) => !known.has(id(item)))];
}

/** While `hold` is true the rows keep the order they had when it became true. */
export function useStableOrder<T>(items: readonly T[], id: (item: T) => string, hold: boolean): T[] {
  const order = useRef<string[]>([]);
  const shown = hold ? keepOrder(order.current, items, id) : [...items];
  order.current = shown.map(id);
  return shown;
}
