// A Y.Map<true> used as a set of strings (tags, evidence links, linked
// factors). Concurrent add and remove of the same member converge with the add
// winning: a delete removes only the entry its author saw.
import * as Y from 'yjs';

/** Members of a set map (or of a legacy plain string array), sorted. */
export function setMembers(value: unknown): string[] {
  if (value instanceof Y.Map) return [...value.keys()].sort();
  if (Array.isArray(value)) return [...new Set(value.filter((v): v is string => typeof v === 'string'))].sort();
  return [];
}

/** Makes `set` hold exactly `members`, touching only the differences. Call inside a transaction. */
export function setReplace(set: Y.Map<true>, members: Iterable<string>): void {
  const wanted = new Set(members);
  for (const key of [...set.keys()]) if (!wanted.has(key)) set.delete(key);
  for (const key of wanted) if (!set.has(key)) set.set(key, true);
}

/** A new set map holding `members`. */
export function newSet(members: Iterable<string>): Y.Map<true> {
  const set = new Y.Map<true>();
  for (const m of new Set(members)) set.set(m, true);
  return set;
}
