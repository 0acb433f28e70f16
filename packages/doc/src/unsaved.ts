// What a discarded local copy holds that the server's copy does not: the work a person must be
// told about (and offered to copy) after the server refused one of their changes and the client
// reloaded the review from the server. Compares the read models, so any record shape works.
import type * as Y from 'yjs';
import { readActionsModel } from './actions.ts';
import { readAnnotations } from './annotations.ts';
import { readHumanFactors } from './humanFactors.ts';
import { readTimeline } from './readModel.ts';
import { flattenWhys, readWhysTree } from './whysTree.ts';

export interface UnsavedItem {
  /** What kind of record, in words: "entry", "why", "action item", "answer", "annotation". */
  what: string;
  id: string;
  /** `added`: the server has no such record; `changed`: it has it with other text. */
  change: 'added' | 'changed';
  /** A short name of the record for a sentence ("DB failover started", a question's prompt). */
  label: string;
  /** The local text that was not saved, for the person to copy. */
  text: string;
}

interface Comparable {
  id: string;
  label: string;
  text: string;
}

function compare(what: string, local: Comparable[], server: Comparable[]): UnsavedItem[] {
  const onServer = new Map(server.map((r) => [r.id, r]));
  const out: UnsavedItem[] = [];
  for (const r of local) {
    const there = onServer.get(r.id);
    if (!there) out.push({ what, id: r.id, change: 'added', label: r.label, text: r.text });
    else if (there.text !== r.text) out.push({ what, id: r.id, change: 'changed', label: r.label, text: r.text });
  }
  return out;
}

const short = (s: string, fallback: string): string => {
  const line = s.split('\n')[0]!.trim();
  return line.length === 0 ? fallback : line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

/**
 * Records present in `local` but missing from `server`, or holding other text there (entries:
 * summary and notes; whys; action titles; human-factors answers; annotations). Empty answers and
 * records deleted locally are not listed (nothing to copy).
 */
export function unsavedChanges(local: Y.Doc, server: Y.Doc): UnsavedItem[] {
  const entries = (doc: Y.Doc): Comparable[] =>
    readTimeline(doc).map((e) => ({
      id: e.id,
      label: short(e.summary, 'untitled entry'),
      text: e.notes ? `${e.summary}\n${e.notes}` : e.summary,
    }));
  const whys = (doc: Y.Doc): Comparable[] =>
    flattenWhys(readWhysTree(doc)).map((w) => ({ id: w.id, label: short(w.text, 'untitled why'), text: w.text }));
  const actions = (doc: Y.Doc): Comparable[] =>
    readActionsModel(doc).items.map((a) => ({ id: a.id, label: short(a.title, 'untitled action'), text: a.title }));
  const answers = (doc: Y.Doc): Comparable[] =>
    readHumanFactors(doc).map((q) => ({ id: q.id, label: q.prompt, text: q.answer }));
  const notes = (doc: Y.Doc): Comparable[] =>
    readAnnotations(doc).map((a) => ({ id: a.id, label: short(a.text, 'annotation'), text: a.text }));
  return [
    ...compare('entry', entries(local), entries(server)),
    ...compare('why', whys(local), whys(server)),
    ...compare('action item', actions(local), actions(server)),
    ...compare(
      'answer',
      answers(local).filter((a) => a.text.length > 0),
      answers(server),
    ),
    ...compare('annotation', notes(local), notes(server)),
  ];
}
