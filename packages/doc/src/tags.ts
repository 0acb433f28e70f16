// Entry tags: a Y.Map<true> set per entry, so a concurrent add and remove of
// tags converge (add wins) instead of one array overwriting the other.
import * as Y from 'yjs';
import { EntryKey, type EntryMap, type OpContext, origin } from './schema.ts';
import { getEntry } from './timeline.ts';
import { setMembers, setReplace } from './ySet.ts';
import { normaliseTags } from './validate.ts';

// The entry's tag set, converting a legacy (v1) plain array in place.
function tagSet(entry: EntryMap): Y.Map<true> {
  const current = entry.get(EntryKey.tags);
  if (current instanceof Y.Map) return current as Y.Map<true>;
  const set = new Y.Map<true>();
  entry.set(EntryKey.tags, set);
  for (const t of normaliseTags(setMembers(current))) set.set(t, true);
  return set;
}

function editTags(doc: Y.Doc, id: string, op: string, ctx: OpContext, edit: (set: Y.Map<true>) => void): void {
  doc.transact(
    () => {
      const entry = getEntry(doc, id);
      edit(tagSet(entry));
      entry.set(EntryKey.updatedAt, ctx.now());
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
  editTags(doc, id, 'setEntryTags', ctx, (set) => setReplace(set, clean));
}

/** Adds one tag to an entry. */
export function addEntryTag(doc: Y.Doc, input: { id: string; tag: string }, ctx: OpContext): void {
  const [tag] = normaliseTags([input.tag]);
  if (tag === undefined) throw new Error('a tag must be 1 to 40 characters');
  editTags(doc, input.id, 'addEntryTag', ctx, (set) => set.set(tag, true));
}

/** Removes one tag from an entry (no-op when absent). */
export function removeEntryTag(doc: Y.Doc, input: { id: string; tag: string }, ctx: OpContext): void {
  const tag = input.tag.trim().toLowerCase();
  editTags(doc, input.id, 'removeEntryTag', ctx, (set) => set.delete(tag));
}
