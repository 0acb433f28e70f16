// Upgrades documents written at older schema versions to SCHEMA_VERSION.
// Idempotent: a current document is left untouched, and each step converts
// only what is still in the old shape. Meant to run once where a single
// writer holds the document (the server, when it loads a room) - see
// docs/document.md for why clients should not race to migrate.
import * as Y from 'yjs';
import { isOrderKey, keyForIndex } from './fractionalIndex.ts';
import { seedStandardQuestions } from './humanFactors.ts';
import { migrateToLean } from './migrateLean.ts';
import {
  ActionKey,
  COLLECTION_WINDOW_MS,
  EntryKey,
  MetaKey,
  type OpContext,
  type RecordMap,
  SCHEMA_VERSION,
  WhyKey,
  defaultContext,
  origin,
  roots,
} from './schema.ts';
import { newSet, setMembers } from './ySet.ts';
import { normaliseTags } from './validate.ts';

export interface MigrationResult {
  /** Version found; null for an empty document (nothing to migrate yet). */
  from: number | null;
  /** Version after migrating (unchanged when newer than this code knows). */
  to: number | null;
  /** True when anything was written. */
  changed: boolean;
}

// A plain string or array in place of a Y type becomes the Y type.
function toText(map: RecordMap, key: string): boolean {
  const v = map.get(key);
  if (v instanceof Y.Text) return false;
  map.set(key, new Y.Text(typeof v === 'string' ? v : ''));
  return true;
}

// A v1 array becomes a set; an empty one is deleted (v3 leaves an empty set absent).
function toSet(map: RecordMap, key: string, normalise: (xs: string[]) => string[] = (xs) => xs): boolean {
  const v = map.get(key);
  if (v instanceof Y.Map || !map.has(key)) return false;
  const members = normalise(setMembers(v));
  if (members.length === 0) map.delete(key);
  else map.set(key, newSet(members));
  return true;
}

function migrateMeta(meta: Y.Map<unknown>): boolean {
  let changed = false;
  const createdAt = meta.get(MetaKey.createdAt);
  if (!meta.has(MetaKey.collectionEndsAt) && typeof createdAt === 'number') {
    meta.set(MetaKey.collectionEndsAt, createdAt + COLLECTION_WINDOW_MS);
    changed = true;
  }
  if (typeof meta.get(MetaKey.timeZone) !== 'string') {
    meta.set(MetaKey.timeZone, 'UTC');
    changed = true;
  }
  return changed;
}

function migrateWhys(whys: Y.Map<RecordMap>): boolean {
  let changed = false;
  const unordered = new Map<string | null, string[]>();
  whys.forEach((node, id) => {
    if (!(node instanceof Y.Map)) return;
    changed = toText(node, WhyKey.text) || changed;
    changed = toSet(node, WhyKey.evidence) || changed;
    if (!isOrderKey(node.get(WhyKey.order))) {
      const parent = node.get(WhyKey.parentId);
      const key = typeof parent === 'string' ? parent : null;
      unordered.set(key, [...(unordered.get(key) ?? []), id]);
    }
  });
  // Nodes without an order key get keys after their ordered siblings, by id.
  for (const [parentId, ids] of unordered) {
    const keys: string[] = [];
    whys.forEach((node) => {
      const order = node.get(WhyKey.order);
      if ((node.get(WhyKey.parentId) ?? null) === parentId && isOrderKey(order)) keys.push(order);
    });
    keys.sort();
    let last = keys.at(-1) ?? null;
    for (const id of ids.sort()) {
      last = keyForIndex(last === null ? [] : [last], 1);
      whys.get(id)?.set(WhyKey.order, last);
    }
    changed = true;
  }
  return changed;
}

/**
 * Upgrades `doc` to SCHEMA_VERSION in one transaction (origin `migrate`).
 * v1 -> v2: entry tags from a plain string array to a Y.Map<true> set; whys
 * text/evidence and action titles/linked factors to their Y types; whys nodes
 * without an order key get one; meta gains `collectionEndsAt` (createdAt +
 * 24 h) and `timeZone` (UTC); the standard human-factors questions are added.
 * v2 -> v3 (`migrateToLean`): records lose the `id` repeating their key,
 * `updatedAt` and default-valued fields.
 * An empty document and a document newer than this code are left alone.
 */
export function migrate(doc: Y.Doc, ctx: OpContext = defaultContext('migration')): MigrationResult {
  const { meta, timeline, whys, actions } = roots(doc);
  const stored = meta.get(MetaKey.schemaVersion);
  const from = typeof stored === 'number' ? stored : meta.size > 0 ? 1 : null;
  if (from === null) return { from, to: null, changed: false };
  if (from > SCHEMA_VERSION) return { from, to: from, changed: false };
  let changed = false;
  doc.transact(
    () => {
      changed = migrateMeta(meta) || changed;
      timeline.forEach((entry) => {
        if (entry instanceof Y.Map) changed = toSet(entry, EntryKey.tags, normaliseTags) || changed;
      });
      changed = migrateWhys(whys) || changed;
      actions.forEach((item) => {
        if (!(item instanceof Y.Map)) return;
        changed = toText(item, ActionKey.title) || changed;
        changed = toSet(item, ActionKey.factorIds) || changed;
      });
      changed = seedStandardQuestions(doc, ctx) || changed;
      changed = migrateToLean(roots(doc)) || changed;
      if (stored !== SCHEMA_VERSION) {
        meta.set(MetaKey.schemaVersion, SCHEMA_VERSION);
        changed = true;
      }
    },
    origin('migrate', ctx),
  );
  return { from, to: SCHEMA_VERSION, changed };
}
