// Rows that hold still while someone types in them: the previous order kept, new rows in their place.
import { useRef } from 'react';

/**
 * `items` in the order of `previous` ids; gone ones drop out. An item not in `previous` is placed right
 * after the item it follows in `items` (first when it leads), so a row added meanwhile shows where it belongs.
 */
export function keepOrder<T>(previous: readonly string[], items: readonly T[], id: (item: T) => string): T[] {
  const byId = new Map(items.map((item) => [id(item), item]));
  const known = new Set(previous.filter((key) => byId.has(key)));
  // Runs of new items, each keyed by the known item just before it in `items` ('' for the start).
  const runs = new Map<string, T[]>();
  let anchor = '';
  for (const item of items) {
    const key = id(item);
    if (known.has(key)) anchor = key;
    else runs.set(anchor, [...(runs.get(anchor) ?? []), item]);
  }
  const out: T[] = [...(runs.get('') ?? [])];
  for (const key of previous) {
    if (!known.has(key)) continue;
    known.delete(key);
    out.push(byId.get(key)!, ...(runs.get(key) ?? []));
  }
  return out;
}

/**
 * While `hold` is true the rows keep the order they had when it became true (rows added meanwhile in their
 * place). The answer is `items` itself while not holding, and the previous answer while nothing changed.
 */
export function useStableOrder<T>(items: readonly T[], id: (item: T) => string, hold: boolean): readonly T[] {
  const last = useRef<readonly T[]>([]);
  let shown = hold ? keepOrder(last.current.map(id), items, id) : items;
  if (shown !== items && shown.length === last.current.length && shown.every((item, i) => item === last.current[i]))
    shown = last.current;
  last.current = shown;
  return shown;
}
