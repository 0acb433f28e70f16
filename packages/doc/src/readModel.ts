// The read model: plain, sorted snapshots of the document for views, exports
// and tests. Tolerant of partial or foreign data: a malformed record is read
// with defaults rather than throwing, because replicas may hold anything.
import * as Y from 'yjs';
import { ENTRY_KINDS, EntryKey, type EntryKind, type EntryMap, roots } from './schema.ts';
import { readMeta, type MetaView } from './meta.ts';

export interface EntryView {
  id: string;
  at: number;
  kind: EntryKind;
  summary: string;
  notes: string;
  tags: string[];
  createdAt: number;
  createdBy: string | null;
  updatedAt: number;
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

export function readEntry(entry: EntryMap): EntryView {
  const summary = entry.get(EntryKey.summary);
  const notes = entry.get(EntryKey.notes);
  const kind = entry.get(EntryKey.kind);
  const tags = entry.get(EntryKey.tags);
  const createdBy = entry.get(EntryKey.createdBy);
  const createdAt = num(entry.get(EntryKey.createdAt), 0);
  return {
    id: String(entry.get(EntryKey.id) ?? ''),
    at: num(entry.get(EntryKey.at), 0),
    kind: ENTRY_KINDS.includes(kind as EntryKind) ? (kind as EntryKind) : 'observation',
    summary: summary instanceof Y.Text ? summary.toString() : '',
    notes: notes instanceof Y.XmlFragment ? fragmentText(notes) : '',
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
    createdAt,
    createdBy: typeof createdBy === 'string' ? createdBy : null,
    updatedAt: num(entry.get(EntryKey.updatedAt), createdAt),
  };
}

/** Orders entries by time, then creation, then id: the same order on every replica. */
export function compareEntries(a: EntryView, b: EntryView): number {
  return a.at - b.at || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function readTimeline(doc: Y.Doc): EntryView[] {
  const views: EntryView[] = [];
  roots(doc).timeline.forEach((entry, key) => {
    if (entry instanceof Y.Map) views.push({ ...readEntry(entry), id: key });
  });
  return views.sort(compareEntries);
}

export interface WhyNodeExport {
  id: string;
  parentId: string | null;
  text: string;
  factor: string | null;
}

export interface ActionExport {
  id: string;
  title: string;
  owner: string | null;
  due: string | null;
  priority: string | null;
  status: string;
}

function str(value: unknown): string | null {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : null;
}

export function readWhys(doc: Y.Doc): WhyNodeExport[] {
  const nodes: WhyNodeExport[] = [];
  roots(doc).whys.forEach((node, id) => {
    if (!(node instanceof Y.Map)) return;
    nodes.push({
      id,
      parentId: str(node.get('parentId')),
      text: str(node.get('text')) ?? '',
      factor: str(node.get('factor')),
    });
  });
  return nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function readActions(doc: Y.Doc): ActionExport[] {
  const items: ActionExport[] = [];
  roots(doc).actions.forEach((item, id) => {
    if (!(item instanceof Y.Map)) return;
    items.push({
      id,
      title: str(item.get('title')) ?? '',
      owner: str(item.get('owner')),
      due: str(item.get('due')),
      priority: str(item.get('priority')),
      status: str(item.get('status')) ?? 'open',
    });
  });
  return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface TimelineEntryExport {
  id: string;
  /** ISO-8601 UTC. */
  at: string;
  summary: string;
  notes: string;
  kind: EntryKind;
  tags: string[];
  createdBy: string | null;
}

/** The public `export.json` shape (SPEC 3.2). */
export interface ReviewExport {
  id: string;
  title: string;
  status: MetaView['status'];
  severity: string | null;
  startedAt: string | null;
  timeline: TimelineEntryExport[];
  whys: WhyNodeExport[];
  actions: ActionExport[];
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function exportReview(doc: Y.Doc, id: string): ReviewExport {
  const meta = readMeta(doc);
  return {
    id,
    title: meta.title,
    status: meta.status,
    severity: meta.severity,
    startedAt: iso(meta.startedAt),
    timeline: readTimeline(doc).map((e) => ({
      id: e.id,
      at: new Date(e.at).toISOString(),
      summary: e.summary,
      notes: e.notes,
      kind: e.kind,
      tags: e.tags,
      createdBy: e.createdBy,
    })),
    whys: readWhys(doc),
    actions: readActions(doc),
  };
}
