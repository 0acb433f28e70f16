// Operations on timeline entries: flat Y.Maps keyed by id in the `timeline`
// root map, ordered by their time `at` (epoch ms UTC), then creation, then id.
// Each field is its own map key, so concurrent edits of different fields merge.
import * as Y from 'yjs';
import {
  ENTRY_KINDS,
  ENTRY_SOURCES,
  EntryKey,
  type EntryKind,
  type EntryMap,
  type EntrySource,
  type OpContext,
  TIME_PRECISIONS,
  type TimePrecision,
  origin,
  roots,
} from './schema.ts';
import { newSet } from './ySet.ts';
import { clampIndex, replaceText } from './textEdit.ts';
import { epochMs, httpUrl, normaliseTags, oneOf } from './validate.ts';
import { ensureText } from './recordFields.ts';

export interface NewEntry {
  at: number;
  /** Defaults to `minute`. */
  precision?: TimePrecision;
  /** ± minutes, for `approximate` precision. */
  approxMinutes?: number;
  kind?: EntryKind;
  summary?: string;
  tags?: string[];
  /** Defaults to `manual`. */
  source?: EntrySource;
  /** Free reference into the source (message id, alert name, log line). */
  sourceRef?: string;
  sourceUrl?: string;
  starred?: boolean;
  /** Plain-text notes; each line becomes a paragraph of the notes fragment. Default: no notes. */
  notes?: string;
  /**
   * Create the (empty) notes fragment now rather than on the first keystroke:
   * for entries people add by hand, whose notes two people may start typing
   * at once (two replicas creating the fragment at once would each make one,
   * and what was typed into the losing one is dropped). Importers leave it off.
   */
  withNotes?: boolean;
  /**
   * Stable identity of the imported original (e.g. `slack:C024BE91L:1700000000.000100`);
   * importers skip candidates whose key an entry already has (see `readImportKeys`).
   */
  importKey?: string;
  /**
   * Who said or did it, as a display name (an imported chat message's sender).
   * Separate from `createdBy`, who recorded the entry. 1–100 characters.
   */
  author?: string;
  /** The `importKey` of the entry this one replies to (a chat thread's first message). */
  replyTo?: string;
}

/** A NewEntry that passed validation, ready to be written. */
interface CleanEntry {
  at: number;
  kind: EntryKind;
  precision: TimePrecision;
  approxMinutes: number | undefined;
  source: EntrySource;
  sourceRef: string | undefined;
  sourceUrl: string | undefined;
  tags: string[];
  summary: string;
  notes: string;
  withNotes: boolean;
  starred: boolean;
  importKey: string | undefined;
  author: string | undefined;
  replyTo: string | undefined;
}

function checkPrecision(precision: unknown, approxMinutes: unknown): number | undefined {
  oneOf('precision', TIME_PRECISIONS, precision);
  if (precision !== 'approximate' || approxMinutes === undefined) return undefined;
  if (typeof approxMinutes !== 'number' || !Number.isFinite(approxMinutes) || approxMinutes <= 0) {
    throw new Error('approxMinutes must be a positive number of minutes');
  }
  return approxMinutes;
}

// Validates an entry's input; throws a clear error before anything is written.
function cleanEntry(input: NewEntry): CleanEntry {
  const precision = input.precision ?? 'minute';
  const importKey = input.importKey;
  if (importKey !== undefined && (typeof importKey !== 'string' || importKey.length === 0 || importKey.length > 400)) {
    throw new Error('importKey must be 1 to 400 characters');
  }
  const author = input.author === undefined ? undefined : input.author.trim();
  if (author !== undefined && (author.length === 0 || author.length > 100)) {
    throw new Error('author must be 1 to 100 characters');
  }
  const replyTo = input.replyTo;
  if (replyTo !== undefined && (typeof replyTo !== 'string' || replyTo.length === 0 || replyTo.length > 400)) {
    throw new Error('replyTo must be 1 to 400 characters');
  }
  return {
    at: epochMs('entry time', input.at),
    kind: oneOf('entry kind', ENTRY_KINDS, input.kind ?? 'observation'),
    precision,
    approxMinutes: checkPrecision(precision, input.approxMinutes),
    source: oneOf('entry source', ENTRY_SOURCES, input.source ?? 'manual'),
    sourceRef: input.sourceRef !== undefined && input.sourceRef.length > 0 ? input.sourceRef : undefined,
    sourceUrl: input.sourceUrl === undefined ? undefined : httpUrl('source link', input.sourceUrl),
    tags: normaliseTags(input.tags ?? []),
    summary: input.summary ?? '',
    notes: input.notes ?? '',
    withNotes: input.withNotes === true,
    starred: input.starred === true,
    importKey,
    author,
    replyTo,
  };
}

// Plain text as Tiptap paragraphs (the shape y-prosemirror stores), one per line.
function notesFragment(text: string): Y.XmlFragment {
  const fragment = new Y.XmlFragment();
  if (text.length === 0) return fragment;
  fragment.insert(
    0,
    text.split('\n').map((line) => {
      const paragraph = new Y.XmlElement('paragraph');
      if (line.length > 0) paragraph.insert(0, [new Y.XmlText(line)]);
      return paragraph;
    }),
  );
  return fragment;
}

// Writes a validated entry; must run inside a transaction. Lean (schema v3):
// the id is the map key only; defaults (minute precision, manual source, not
// starred, no tags, no notes) are left absent and read as such.
function writeEntry(doc: Y.Doc, id: string, e: CleanEntry, ctx: OpContext): void {
  const entry: EntryMap = new Y.Map();
  entry.set(EntryKey.at, e.at);
  if (e.precision !== 'minute') entry.set(EntryKey.precision, e.precision);
  if (e.approxMinutes !== undefined) entry.set(EntryKey.approxMinutes, e.approxMinutes);
  entry.set(EntryKey.kind, e.kind);
  entry.set(EntryKey.summary, new Y.Text(e.summary));
  if (e.notes.length > 0 || e.withNotes) entry.set(EntryKey.notes, notesFragment(e.notes));
  if (e.source !== 'manual') entry.set(EntryKey.source, e.source);
  if (e.sourceRef !== undefined) entry.set(EntryKey.sourceRef, e.sourceRef);
  if (e.sourceUrl !== undefined) entry.set(EntryKey.sourceUrl, e.sourceUrl);
  if (e.importKey !== undefined) entry.set(EntryKey.importKey, e.importKey);
  if (e.author !== undefined) entry.set(EntryKey.author, e.author);
  if (e.replyTo !== undefined) entry.set(EntryKey.replyTo, e.replyTo);
  if (e.tags.length > 0) entry.set(EntryKey.tags, newSet(e.tags));
  if (e.starred) entry.set(EntryKey.starred, true);
  entry.set(EntryKey.createdAt, ctx.now());
  if (ctx.actor !== undefined) entry.set(EntryKey.createdBy, ctx.actor);
  roots(doc).timeline.set(id, entry);
}

/**
 * Adds an entry and returns its id. `notes` holds `input.notes` as paragraphs
 * when given, is empty with `withNotes`, and is otherwise created on the first
 * keystroke (`ensureEntryNotes`). `createdBy` is `ctx.actor`.
 */
export function addEntry(doc: Y.Doc, input: NewEntry, ctx: OpContext): string {
  const clean = cleanEntry(input);
  const id = ctx.newId();
  doc.transact(() => writeEntry(doc, id, clean, ctx), origin('addEntry', ctx));
  return id;
}

/**
 * Adds many entries in one transaction, all or nothing: every input is
 * validated first, and one bad input (reported with its index) writes nothing.
 * Returns the new ids in input order.
 */
export function addEntries(doc: Y.Doc, inputs: readonly NewEntry[], ctx: OpContext): string[] {
  const clean = inputs.map((input, i) => {
    try {
      return cleanEntry(input);
    } catch (err) {
      throw new Error(`entry ${i + 1} of ${inputs.length}: ${(err as Error).message}`, { cause: err });
    }
  });
  const ids = clean.map(() => ctx.newId());
  if (clean.length === 0) return ids;
  doc.transact(() => clean.forEach((e, i) => writeEntry(doc, ids[i]!, e, ctx)), origin('addEntries', ctx));
  return ids;
}

/** The import keys of every entry (see NewEntry.importKey): what an importer must not add again. */
export function readImportKeys(doc: Y.Doc): Set<string> {
  const keys = new Set<string>();
  roots(doc).timeline.forEach((entry) => {
    if (!(entry instanceof Y.Map)) return;
    const key = entry.get(EntryKey.importKey);
    if (typeof key === 'string' && key.length > 0) keys.add(key);
  });
  return keys;
}

/** The entry's Y.Map; throws a clear error when it does not exist. */
export function getEntry(doc: Y.Doc, id: string): EntryMap {
  const entry = roots(doc).timeline.get(id);
  if (!(entry instanceof Y.Map)) throw new Error(`no timeline entry ${id}`);
  return entry;
}

/** The entry's summary Y.Text ("what happened"), for binding an input to it. */
export function getEntrySummary(doc: Y.Doc, id: string): Y.Text {
  const summary = getEntry(doc, id).get(EntryKey.summary);
  if (!(summary instanceof Y.Text)) throw new Error(`entry ${id} has no summary text`);
  return summary;
}

/**
 * The entry's notes Y.XmlFragment; throws when the entry has none. Entries
 * written by other clients may have no notes (SPEC 3.4): views use
 * `findEntryNotes` and writers `ensureEntryNotes`.
 */
export function getEntryNotes(doc: Y.Doc, id: string): Y.XmlFragment {
  const notes = getEntry(doc, id).get(EntryKey.notes);
  if (!(notes instanceof Y.XmlFragment)) throw new Error(`entry ${id} has no notes fragment`);
  return notes;
}

/** The entry's notes fragment, or null when the entry or its notes do not exist (yet). Never throws. */
export function findEntryNotes(doc: Y.Doc, id: string): Y.XmlFragment | null {
  const entry = roots(doc).timeline.get(id);
  const notes = entry instanceof Y.Map ? entry.get(EntryKey.notes) : undefined;
  return notes instanceof Y.XmlFragment ? notes : null;
}

/**
 * The entry's notes fragment for Tiptap's Collaboration extension (`fragment`
 * option), created when someone first writes notes: an entry without notes
 * gets an empty fragment, plain-string notes become paragraphs. Writes nothing
 * when the fragment exists. See recordFields.ts for the concurrent-creation caveat.
 */
export function ensureEntryNotes(doc: Y.Doc, id: string, ctx: OpContext): Y.XmlFragment {
  const existing = findEntryNotes(doc, id);
  if (existing) return existing;
  const entry = getEntry(doc, id);
  let created: Y.XmlFragment | null = null;
  doc.transact(
    () => {
      const stored = entry.get(EntryKey.notes);
      created = notesFragment(typeof stored === 'string' ? stored : '');
      entry.set(EntryKey.notes, created);
    },
    origin('ensureEntryNotes', ctx),
  );
  return created!;
}

// Runs `edit` on an existing entry in one transaction. Nothing else is written:
// no bookkeeping field grows the document with every keystroke (schema v3).
function editEntry(doc: Y.Doc, id: string, op: string, ctx: OpContext, edit: (entry: EntryMap) => void): void {
  doc.transact(() => edit(getEntry(doc, id)), origin(op, ctx));
}

/** Moves an entry in time (epoch ms UTC). */
export function setEntryTime(doc: Y.Doc, id: string, at: number, ctx: OpContext): void {
  const clean = epochMs('entry time', at);
  editEntry(doc, id, 'setEntryTime', ctx, (entry) => entry.set(EntryKey.at, clean));
}

/** Sets how precisely the time is known; `approxMinutes` only with `approximate`. */
export function setEntryPrecision(
  doc: Y.Doc,
  input: { id: string; precision: TimePrecision; approxMinutes?: number },
  ctx: OpContext,
): void {
  const approxMinutes = checkPrecision(input.precision, input.approxMinutes);
  editEntry(doc, input.id, 'setEntryPrecision', ctx, (entry) => {
    entry.set(EntryKey.precision, input.precision);
    if (approxMinutes === undefined) entry.delete(EntryKey.approxMinutes);
    else entry.set(EntryKey.approxMinutes, approxMinutes);
  });
}

/** Sets the entry's kind. */
export function setEntryKind(doc: Y.Doc, id: string, kind: EntryKind, ctx: OpContext): void {
  const clean = oneOf('entry kind', ENTRY_KINDS, kind);
  editEntry(doc, id, 'setEntryKind', ctx, (entry) => entry.set(EntryKey.kind, clean));
}

/** Sets where the entry came from, with an optional reference and link (omitted ones are cleared). */
export function setEntrySource(
  doc: Y.Doc,
  input: { id: string; source: EntrySource; ref?: string; url?: string },
  ctx: OpContext,
): void {
  const source = oneOf('entry source', ENTRY_SOURCES, input.source);
  const url = input.url === undefined ? undefined : httpUrl('source link', input.url);
  editEntry(doc, input.id, 'setEntrySource', ctx, (entry) => {
    entry.set(EntryKey.source, source);
    if (input.ref === undefined || input.ref.length === 0) entry.delete(EntryKey.sourceRef);
    else entry.set(EntryKey.sourceRef, input.ref);
    if (url === undefined) entry.delete(EntryKey.sourceUrl);
    else entry.set(EntryKey.sourceUrl, url);
  });
}

/** Stars (puts into the report) or unstars an entry. */
export function setEntryStarred(doc: Y.Doc, input: { id: string; starred: boolean }, ctx: OpContext): void {
  editEntry(doc, input.id, 'setEntryStarred', ctx, (entry) => entry.set(EntryKey.starred, input.starred === true));
}

/** Inserts text into the entry's summary at `index` (character offset, clamped). */
export function insertSummaryText(doc: Y.Doc, id: string, index: number, text: string, ctx: OpContext): void {
  editEntry(doc, id, 'insertSummaryText', ctx, () => {
    const summary = ensureText(getEntry(doc, id), EntryKey.summary);
    summary.insert(clampIndex(summary, index), text);
  });
}

/** Deletes `length` characters of the summary from `index`. */
export function deleteSummaryText(
  doc: Y.Doc,
  input: { id: string; index: number; length: number },
  ctx: OpContext,
): void {
  editEntry(doc, input.id, 'deleteSummaryText', ctx, () => {
    const summary = ensureText(getEntry(doc, input.id), EntryKey.summary);
    const from = clampIndex(summary, input.index);
    const length = Math.max(0, Math.min(input.length, summary.length - from));
    if (length > 0) summary.delete(from, length);
  });
}

/**
 * Makes the summary read `text`, changing only the span that differs (keeps
 * concurrent typing elsewhere). A missing or plain-string summary becomes a Y.Text.
 */
export function setEntrySummary(doc: Y.Doc, input: { id: string; text: string }, ctx: OpContext): void {
  editEntry(doc, input.id, 'setEntrySummary', ctx, (entry) =>
    replaceText(ensureText(entry, EntryKey.summary), input.text),
  );
}

/**
 * Deletes an entry. Whys evidence and annotations that point at it are kept
 * (an undo restores the entry under the same id) and hidden by the read models.
 */
export function deleteEntry(doc: Y.Doc, id: string, ctx: OpContext): void {
  doc.transact(() => roots(doc).timeline.delete(id), origin('deleteEntry', ctx));
}
