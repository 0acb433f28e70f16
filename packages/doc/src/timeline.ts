// Operations on timeline entries: flat Y.Maps keyed by id in the `timeline`
// root map, ordered by their time `at` (epoch ms UTC), then creation, then id.
import * as Y from 'yjs';
import { ENTRY_KINDS, EntryKey, type EntryKind, type EntryMap, type OpContext, origin, roots } from './schema.ts';

export interface NewEntry {
  at: number;
  kind?: EntryKind;
  summary?: string;
  tags?: string[];
}

function assertTime(at: number): void {
  if (!Number.isFinite(at)) throw new Error(`entry time must be epoch milliseconds, got ${String(at)}`);
}

/** Adds an entry and returns its id. */
export function addEntry(doc: Y.Doc, input: NewEntry, ctx: OpContext): string {
  assertTime(input.at);
  const kind = input.kind ?? 'observation';
  if (!ENTRY_KINDS.includes(kind)) throw new Error(`unknown entry kind: ${String(kind)}`);
  const id = ctx.newId();
  doc.transact(
    () => {
      const entry: EntryMap = new Y.Map();
      const now = ctx.now();
      entry.set(EntryKey.id, id);
      entry.set(EntryKey.at, input.at);
      entry.set(EntryKey.kind, kind);
      entry.set(EntryKey.summary, new Y.Text(input.summary ?? ''));
      entry.set(EntryKey.notes, new Y.XmlFragment());
      entry.set(EntryKey.tags, normaliseTags(input.tags ?? []));
      entry.set(EntryKey.createdAt, now);
      entry.set(EntryKey.updatedAt, now);
      if (ctx.actor !== undefined) entry.set(EntryKey.createdBy, ctx.actor);
      roots(doc).timeline.set(id, entry);
    },
    origin('addEntry', ctx),
  );
  return id;
}

function getEntry(doc: Y.Doc, id: string): EntryMap {
  const entry = roots(doc).timeline.get(id);
  if (!entry) throw new Error(`no timeline entry ${id}`);
  return entry;
}

export function setEntryTime(doc: Y.Doc, id: string, at: number, ctx: OpContext): void {
  assertTime(at);
  doc.transact(
    () => {
      const entry = getEntry(doc, id);
      entry.set(EntryKey.at, at);
      entry.set(EntryKey.updatedAt, ctx.now());
    },
    origin('setEntryTime', ctx),
  );
}

export function setEntryKind(doc: Y.Doc, id: string, kind: EntryKind, ctx: OpContext): void {
  if (!ENTRY_KINDS.includes(kind)) throw new Error(`unknown entry kind: ${String(kind)}`);
  doc.transact(
    () => {
      const entry = getEntry(doc, id);
      entry.set(EntryKey.kind, kind);
      entry.set(EntryKey.updatedAt, ctx.now());
    },
    origin('setEntryKind', ctx),
  );
}

export function setEntryTags(doc: Y.Doc, id: string, tags: string[], ctx: OpContext): void {
  doc.transact(
    () => {
      const entry = getEntry(doc, id);
      entry.set(EntryKey.tags, normaliseTags(tags));
      entry.set(EntryKey.updatedAt, ctx.now());
    },
    origin('setEntryTags', ctx),
  );
}

/** Inserts text into the entry's summary at `index` (character offset). */
export function insertSummaryText(doc: Y.Doc, id: string, index: number, text: string, ctx: OpContext): void {
  doc.transact(
    () => {
      const entry = getEntry(doc, id);
      const summary = entry.get(EntryKey.summary);
      if (!(summary instanceof Y.Text)) throw new Error(`entry ${id} has no summary text`);
      summary.insert(Math.max(0, Math.min(index, summary.length)), text);
      entry.set(EntryKey.updatedAt, ctx.now());
    },
    origin('insertSummaryText', ctx),
  );
}

export function deleteEntry(doc: Y.Doc, id: string, ctx: OpContext): void {
  doc.transact(() => roots(doc).timeline.delete(id), origin('deleteEntry', ctx));
}

function normaliseTags(tags: string[]): string[] {
  const clean = tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0 && t.length <= 40);
  return [...new Set(clean)].sort();
}
