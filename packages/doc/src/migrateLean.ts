// The v2 -> v3 step of `migrate` (lean records): deletes what v3 no longer
// stores. Each deletion checks the old shape first, so the step is idempotent
// and writes nothing on a v3 document. See docs/document.md.
import * as Y from 'yjs';
import { ActionKey, AnnotationKey, EntryKey, type RecordMap, type ReviewRoots, WhyKey } from './schema.ts';

// Deletes `key` when it holds `value` (a default v3 leaves absent). A v2 client
// setting the same field concurrently makes a new item, which the delete does
// not touch: its value wins.
function dropIf(record: RecordMap, key: string, matches: (v: unknown) => boolean): boolean {
  if (!record.has(key) || !matches(record.get(key))) return false;
  record.delete(key);
  return true;
}

const is =
  (value: unknown) =>
  (v: unknown): boolean =>
    v === value;
const always = (): boolean => true;

// Each record's dropped fields, in one pass over a root.
function leanRoot(root: Y.Map<RecordMap>, drop: (record: RecordMap, key: string) => boolean): boolean {
  let changed = false;
  root.forEach((record, key) => {
    if (record instanceof Y.Map) changed = drop(record, key) || changed;
  });
  return changed;
}

// Every rule runs (no short-circuit), so one pass removes all of a record's old fields.
const any = (results: boolean[]): boolean => results.some(Boolean);

function leanEntry(entry: RecordMap, key: string): boolean {
  return any([
    dropIf(entry, EntryKey.id, is(key)),
    dropIf(entry, EntryKey.updatedAt, always),
    dropIf(entry, EntryKey.precision, is('minute')),
    dropIf(entry, EntryKey.source, is('manual')),
    dropIf(entry, EntryKey.starred, is(false)),
  ]);
}

function leanWhy(node: RecordMap, key: string): boolean {
  return any([
    dropIf(node, WhyKey.id, is(key)),
    dropIf(node, WhyKey.parentId, is(null)),
    dropIf(node, WhyKey.status, is('hypothesis')),
    dropIf(node, WhyKey.factor, is(null)),
  ]);
}

// A closed item without `completedAt` (closed before the field existed) keeps
// its v2 `updatedAt` as the time it was closed: the one thing updatedAt was read for.
function leanAction(item: RecordMap, key: string): boolean {
  const status = item.get(ActionKey.status);
  const updatedAt = item.get(ActionKey.updatedAt);
  let changed = false;
  if (
    (status === 'done' || status === 'wont_do') &&
    !item.has(ActionKey.completedAt) &&
    typeof updatedAt === 'number'
  ) {
    item.set(ActionKey.completedAt, updatedAt);
    changed = true;
  }
  return any([
    changed,
    dropIf(item, ActionKey.id, is(key)),
    dropIf(item, ActionKey.updatedAt, always),
    dropIf(item, ActionKey.status, is('open')),
  ]);
}

function leanAnnotation(a: RecordMap, key: string): boolean {
  return any([
    dropIf(a, AnnotationKey.id, is(key)),
    dropIf(a, AnnotationKey.author, is(null)),
    dropIf(a, AnnotationKey.resolved, is(false)),
  ]);
}

/**
 * v2 -> v3: entries, whys, action items and annotations lose the `id` that
 * repeats their key, `updatedAt` and fields holding their default. Empty
 * containers (tags, evidence, linked factors, notes) are kept: a client that
 * edited offline may still be adding into them, and deleting one would drop
 * those edits. Must run inside the migration's transaction.
 */
export function migrateToLean({ timeline, whys, actions, annotations }: ReviewRoots): boolean {
  return any([
    leanRoot(timeline, leanEntry),
    leanRoot(whys, leanWhy),
    leanRoot(actions, leanAction),
    leanRoot(annotations, leanAnnotation),
  ]);
}
