// Tolerant access to the collaborative fields of records (a summary, a why's
// text, an answer...). Replicas may hold a record another client wrote with a
// field missing or of another type (SPEC 3.4): views bind to the Y type when it
// is there and show the plain value otherwise; writers create the Y type on
// first write. Two replicas creating the same field concurrently each make
// their own Y type and one wins (last writer per key), so what was typed into
// the losing one before they synced is dropped; creating on first write keeps
// that window to the first keystrokes of a field nobody had written.
import * as Y from 'yjs';
import { type RecordMap, type Root, roots } from './schema.ts';

/** The roots whose records are Y.Maps keyed by id. */
export type RecordRoot =
  typeof Root.timeline | typeof Root.whys | typeof Root.actions | typeof Root.humanFactors | typeof Root.annotations;

/** The record `id` of `root`, or null when there is none (or it is not a Y.Map). */
export function findRecord(doc: Y.Doc, root: RecordRoot, id: string): RecordMap | null {
  const record = (roots(doc)[root] as Y.Map<unknown>).get(id);
  return record instanceof Y.Map ? (record as RecordMap) : null;
}

/** The Y.Text at `key` of record `id`, or null when the record or the text is missing (or another type). */
export function findRecordText(doc: Y.Doc, root: RecordRoot, id: string, key: string): Y.Text | null {
  const value = findRecord(doc, root, id)?.get(key);
  return value instanceof Y.Text ? value : null;
}

/** A field's text for reading: a Y.Text's content, a plain string as is, anything else empty. */
export function plainText(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

/**
 * The Y.Text at `key` of `record`, created when missing; a plain string there
 * becomes a Y.Text holding the same text. Call inside a transaction.
 */
export function ensureText(record: RecordMap, key: string): Y.Text {
  const value = record.get(key);
  if (value instanceof Y.Text) return value;
  const text = new Y.Text(typeof value === 'string' ? value : '');
  record.set(key, text);
  return text;
}

/** What a stored value is, for messages about a field of an unexpected type. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Y.Text) return 'a shared text';
  if (value instanceof Y.XmlFragment) return 'rich text';
  if (value instanceof Y.Map) return 'a map';
  if (value instanceof Y.Array) return 'a shared list';
  if (value instanceof Uint8Array) return 'binary data';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
