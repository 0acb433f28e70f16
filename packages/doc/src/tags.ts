// Entry tags: a Y.Map<true> set per entry, so a concurrent add and remove of
// tags converge (add wins) instead of one array overwriting the other.
import * as Y from 'yjs';
import { EntryKey, type EntryMap, type OpContext, origin } from './schema.ts';
import { getEntry } from './timeline.ts';
import { setMembers, setReplace } from './ySet.ts';
import { normaliseTags } from './validate.ts';

// The entry's tag set, created on the first tag (schema v3 leaves an untagged
// entry without one) or converted from a legacy (v1) plain array in place.
// Null when there is none and `create` is false.
function tagSet(entry: EntryMap, create: boolean): Y.Map<true> | null {
  const current = entry.get(EntryKey.tags);
  if (current instanceof Y.Map) return current as Y.Map<true>;
  const members = normaliseTags(setMembers(current));
  if (!create && members.length === 0) return null;
  const set = new Y.Map<true>();
  entry.set(EntryKey.tags, set);
  for (const t of members) set.set(t, true);
  return set;
}

// `adds`: whether the edit may add members (only then is a missing set created).
function editTags(
  doc: Y.Doc,
  id: string,
  op: string,
  ctx: OpContext,
  adds: boolean,
  edit: (set: Y.Map<true>) => void,
): void {
  doc.transact(
    () => {
      const set = tagSet(getEntry(doc, id), adds);
      if (set) edit(set);
    },
    origin(op, ctx),
  );
}

/**
 * Makes the entry's tags exactly `tags`, adding and removing only the
 * differences, so a concurrent edit of other tags is kept.
 */
export function setEntryTags(doc: Y.Doc, id: string, tags: string[], ctx: OpContext): void {
  const clean = normaliseTags(tags);
  editTags(doc, id, 'setEntryTags', ctx, clean.length > 0, (set) => setReplace(set, clean));
}

/** Adds one tag to an entry. */
export function addEntryTag(doc: Y.Doc, input: { id: string; tag: string }, ctx: OpContext): void {
  const [tag] = normaliseTags([input.tag]);
  if (tag === undefined) throw new Error('a tag must be 1 to 40 characters');
  editTags(doc, input.id, 'addEntryTag', ctx, true, (set) => set.set(tag, true));
}

/** Removes one tag from an entry (no-op when absent). */
export function removeEntryTag(doc: Y.Doc, input: { id: string; tag: string }, ctx: OpContext): void {
  const tag = input.tag.trim().toLowerCase();
  editTags(doc, input.id, 'removeEntryTag', ctx, false, (set) => set.delete(tag));
}
