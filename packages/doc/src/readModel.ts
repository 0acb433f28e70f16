// The read model of the timeline and the JSON export: plain, sorted snapshots
// of the document for views, exports and tests. Tolerant of partial or foreign
// data: a malformed record is read with defaults rather than throwing, because
// replicas may hold anything.
import * as Y from 'yjs';
import {
  ENTRY_KINDS,
  ENTRY_SOURCES,
  EntryKey,
  type EntryKind,
  type EntryMap,
  type EntrySource,
  TIME_PRECISIONS,
  type TimePrecision,
  roots,
} from './schema.ts';
import { readMeta, type MetaView } from './meta.ts';
import { type ActionView, readActionsModel } from './actions.ts';
import { type AnnotationView, readAnnotations } from './annotations.ts';
import { type QuestionView, readHumanFactors } from './humanFactors.ts';
import { flattenWhys, readWhysTree } from './whysTree.ts';
import { setMembers } from './ySet.ts';
import { safeHref } from './links.ts';
import { describeValue, plainText } from './recordFields.ts';

export interface EntryView {
  id: string;
  /** Epoch milliseconds, UTC (0 when the stored time is missing or not a number: see `problems`). */
  at: number;
  precision: TimePrecision;
  /** ± minutes when `precision` is `approximate`, else null. */
  approxMinutes: number | null;
  /**
   * One of ENTRY_KINDS, or a kind another client stored that this code does not
   * know (show it as such; `isEntryKind` tells them apart). Missing: `observation`.
   */
  kind: string;
  summary: string;
  notes: string;
  /**
   * `url` is the source link only when it may render as a link (http, https, mailto: `safeHref`);
   * `urlText` is what was written when it may not, to show as plain text.
   */
  source: { type: EntrySource; ref: string | null; url: string | null; urlText: string | null };
  /** Sorted. */
  tags: string[];
  starred: boolean;
  createdAt: number;
  /** Who recorded it (the acting person when it was added). */
  createdBy: string | null;
  /** Who said or did it, when that is someone else (an imported message's sender). */
  author: string | null;
  /** Stable identity of an imported original. */
  importKey: string | null;
  /** The `importKey` of the entry this one replies to (chat threads). */
  replyTo: string | null;
  /**
   * Parts of the stored record that could not be read and were shown with a
   * default, in words ("its time is a string"). Empty for any record that fits
   * the schema, including SPEC 3.4's minimal entry (missing optional parts are
   * not problems).
   */
  problems: string[];
}

/** True for the kinds this code knows (ENTRY_KINDS). */
export function isEntryKind(value: unknown): value is EntryKind {
  return ENTRY_KINDS.includes(value as EntryKind);
}

/** Plain text of a Y.XmlFragment: text nodes joined, block elements on their own lines. */
export function fragmentText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const parts: string[] = [];
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) {
      parts.push(
        child
          .toDelta()
          .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
          .join(''),
      );
    } else if (child instanceof Y.XmlElement) {
      parts.push(fragmentText(child));
    }
  }
  return parts.join('\n');
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function optString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Reads the text fields; a rich-text field may also hold a plain string (foreign data). */
function readEntryText(entry: EntryMap, problems: string[]): { summary: string; notes: string } {
  const summary = entry.get(EntryKey.summary);
  const notes = entry.get(EntryKey.notes);
  if (summary !== undefined && !(summary instanceof Y.Text) && typeof summary !== 'string') {
    problems.push(`its summary is ${describeValue(summary)}, not text`);
  }
  if (notes !== undefined && !(notes instanceof Y.XmlFragment) && typeof notes !== 'string') {
    problems.push(`its notes are ${describeValue(notes)}, not text`);
  }
  return {
    summary: plainText(summary),
    notes: notes instanceof Y.XmlFragment ? fragmentText(notes) : typeof notes === 'string' ? notes : '',
  };
}

/**
 * A plain snapshot of one entry; tags may be a set map (v2, v3) or a legacy
 * array (v1). Never throws: whatever the record holds, missing parts read as
 * their defaults and unreadable ones are listed in `problems`. The id is the
 * map key (`key`); v3 records do not repeat it, v2 ones do (read when no key is given).
 */
export function readEntry(entry: EntryMap, key?: string): EntryView {
  const problems: string[] = [];
  const { summary, notes } = readEntryText(entry, problems);
  const kind = entry.get(EntryKey.kind);
  const precision = entry.get(EntryKey.precision);
  const source = entry.get(EntryKey.source);
  const at = entry.get(EntryKey.at);
  const tags = entry.get(EntryKey.tags);
  const createdAt = num(entry.get(EntryKey.createdAt), 0);
  const approx = entry.get(EntryKey.approxMinutes);
  const rawUrl = optString(entry.get(EntryKey.sourceUrl));
  const p = TIME_PRECISIONS.includes(precision as TimePrecision) ? (precision as TimePrecision) : 'minute';
  if (at === undefined) problems.push('it has no time');
  else if (typeof at !== 'number' || !Number.isFinite(at))
    problems.push(`its time is ${describeValue(at)}, not a number`);
  if (kind !== undefined && (typeof kind !== 'string' || kind.trim().length === 0)) {
    problems.push(`its kind is ${describeValue(kind)}`);
  }
  if (tags !== undefined && !(tags instanceof Y.Map) && !Array.isArray(tags)) {
    problems.push(`its tags are ${describeValue(tags)}`);
  }
  const id = key ?? entry.get(EntryKey.id);
  return {
    id: typeof id === 'string' ? id : '',
    at: num(at, 0),
    precision: p,
    approxMinutes: p === 'approximate' && typeof approx === 'number' && Number.isFinite(approx) ? approx : null,
    kind: typeof kind === 'string' && kind.trim().length > 0 ? kind : 'observation',
    summary,
    notes,
    source: {
      type: ENTRY_SOURCES.includes(source as EntrySource) ? (source as EntrySource) : 'manual',
      ref: optString(entry.get(EntryKey.sourceRef)),
      url: safeHref(rawUrl),
      urlText: rawUrl !== null && safeHref(rawUrl) === null ? rawUrl : null,
    },
    tags: setMembers(tags),
    starred: entry.get(EntryKey.starred) === true,
    createdAt,
    createdBy: optString(entry.get(EntryKey.createdBy)),
    author: optString(entry.get(EntryKey.author)),
    importKey: optString(entry.get(EntryKey.importKey)),
    replyTo: optString(entry.get(EntryKey.replyTo)),
    problems,
  };
}

/** Orders entries by time, then creation, then id: the same order on every replica. */
export function compareEntries(a: EntryView, b: EntryView): number {
  return a.at - b.at || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** All entries, sorted by compareEntries. The map key is the id. */
export function readTimeline(doc: Y.Doc): EntryView[] {
  const views: EntryView[] = [];
  roots(doc).timeline.forEach((entry, key) => {
    if (entry instanceof Y.Map) views.push(readEntry(entry, key));
  });
  return views.sort(compareEntries);
}

/**
 * The first `limit` entries in timeline order and how many there are, reading only the order keys of
 * the others: what a page shows first (a 5,000-entry review reads 60 records, not 5,000).
 */
export function readFirstEntries(doc: Y.Doc, limit: number): { entries: EntryView[]; total: number } {
  const keys: { at: number; createdAt: number; id: string; entry: EntryMap }[] = [];
  roots(doc).timeline.forEach((entry, id) => {
    if (entry instanceof Y.Map)
      keys.push({ at: num(entry.get(EntryKey.at), 0), createdAt: num(entry.get(EntryKey.createdAt), 0), id, entry });
  });
  keys.sort((a, b) => a.at - b.at || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries: keys.slice(0, limit).map((k) => readEntry(k.entry, k.id)), total: keys.length };
}

export interface WhyNodeExport {
  id: string;
  /** Displayed parent: orphans and lifted cycle members have null. */
  parentId: string | null;
  text: string;
  factor: string | null;
  status: string;
  evidence: string[];
}

/** The whys nodes flat, in tree display order, each with its displayed parent. */
export function readWhys(doc: Y.Doc): WhyNodeExport[] {
  return flattenWhys(readWhysTree(doc)).map((v) => ({
    id: v.id,
    parentId: v.parentId,
    text: v.text,
    factor: v.factor,
    status: v.status,
    evidence: v.evidence,
  }));
}

export interface ActionExport {
  id: string;
  title: string;
  owner: string | null;
  due: string | null;
  priority: string | null;
  status: string;
  impact: string | null;
  effort: string | null;
  factorIds: string[];
  link: string | null;
}

/** The action items in the export's shape, ordered as readActionsModel. */
export function readActions(doc: Y.Doc): ActionExport[] {
  return readActionsModel(doc).items.map((a: ActionView) => ({
    id: a.id,
    title: a.title,
    owner: a.owner,
    due: a.due,
    priority: a.priority,
    status: a.status,
    impact: a.impact,
    effort: a.effort,
    factorIds: a.factorIds,
    link: a.link,
  }));
}

export interface TimelineEntryExport {
  id: string;
  /** ISO-8601 UTC. */
  at: string;
  precision: TimePrecision;
  approxMinutes: number | null;
  summary: string;
  notes: string;
  /** One of ENTRY_KINDS, or an unknown kind as stored (see EntryView.kind). */
  kind: string;
  tags: string[];
  source: EntryView['source'];
  starred: boolean;
  createdBy: string | null;
  /** Who said or did it (imports), when known. */
  author: string | null;
}

/** The public `export.json` shape (SPEC 3.2); fields beyond the SPEC's are additions. */
export interface ReviewExport {
  id: string;
  title: string;
  status: MetaView['status'];
  severity: string | null;
  startedAt: string | null;
  /** Incident markers, ISO-8601 UTC or null. */
  markers: Record<keyof MetaView['markers'], string | null>;
  timeZone: string;
  collectionEndsAt: string | null;
  schemaVersion: number | null;
  timeline: TimelineEntryExport[];
  whys: WhyNodeExport[];
  actions: ActionExport[];
  humanFactors: Pick<QuestionView, 'id' | 'prompt' | 'answer'>[];
  annotations: (Omit<AnnotationView, 'at'> & { at: string })[];
}

// Out-of-range times (foreign data) would make toISOString throw: they read as null / the epoch.
const iso = (ms: number | null): string | null =>
  ms === null || Math.abs(ms) > 8.64e15 ? null : new Date(ms).toISOString();
const isoAt = (ms: number): string => iso(ms) ?? new Date(0).toISOString();

/** The whole review as plain JSON. `id` defaults to the id stored in meta. */
export function exportReview(doc: Y.Doc, id?: string): ReviewExport {
  const meta = readMeta(doc);
  const markers = Object.fromEntries(
    Object.entries(meta.markers).map(([k, v]) => [k, iso(v)]),
  ) as ReviewExport['markers'];
  return {
    id: id ?? meta.id ?? '',
    title: meta.title,
    status: meta.status,
    severity: meta.severity,
    startedAt: iso(meta.startedAt),
    markers,
    timeZone: meta.timeZone,
    collectionEndsAt: iso(meta.collectionEndsAt),
    schemaVersion: meta.schemaVersion,
    timeline: readTimeline(doc).map((e) => ({
      id: e.id,
      at: isoAt(e.at),
      precision: e.precision,
      approxMinutes: e.approxMinutes,
      summary: e.summary,
      notes: e.notes,
      kind: e.kind,
      tags: e.tags,
      source: e.source,
      starred: e.starred,
      createdBy: e.createdBy,
      author: e.author,
    })),
    whys: readWhys(doc),
    actions: readActions(doc),
    humanFactors: readHumanFactors(doc).map((q) => ({ id: q.id, prompt: q.prompt, answer: q.answer })),
    annotations: readAnnotations(doc).map((a) => ({ ...a, at: isoAt(a.at) })),
  };
}
