import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readAtSnapshot, snapshotAfter } from './atSnapshot.ts';
import { readAnnotations, setAnnotationKind, setAnnotationText, addAnnotation } from './annotations.ts';
import { readMeta, setTitle } from './meta.ts';
import { readTimeline } from './readModel.ts';
import { roots } from './schema.ts';
import { setEntryTags } from './tags.ts';
import { ctxFor, newReview, T0 } from './testSupport.ts';
import {
  addEntry,
  deleteEntry,
  deleteSummaryText,
  ensureEntryNotes,
  insertSummaryText,
  setEntryKind,
} from './timeline.ts';
import { addWhy, deleteWhy, moveWhy, setWhyText } from './whys.ts';
import { readWhysTree } from './whysTree.ts';

const view = (doc: Y.Doc) => ({
  timeline: readTimeline(doc),
  annotations: readAnnotations(doc),
  whys: readWhysTree(doc),
});

/**
 * A review written step by step by an ordinary replica (gc on). Each step's update is returned with
 * the view a fresh replica holding the state right after it reads: what a history stop must show.
 */
function history(): { updates: Uint8Array[]; views: ReturnType<typeof view>[] } {
  const doc = newReview();
  const ctx = ctxFor('w');
  const updates: Uint8Array[] = [Y.encodeStateAsUpdate(doc)];
  const views = [view(doc)];
  const steps: ((d: Y.Doc) => void)[] = [];
  const ids: Record<string, string> = {};
  steps.push((d) => (ids.a = addEntry(d, { at: T0, kind: 'alert', summary: 'CPU high', tags: ['db'] }, ctx)));
  steps.push((d) => (ids.b = addEntry(d, { at: T0 + 60_000, summary: 'paged on-call' }, ctx)));
  steps.push((d) => insertSummaryText(d, ids.a!, 3, ' very', ctx));
  steps.push((d) => deleteSummaryText(d, { id: ids.a!, index: 0, length: 4 }, ctx));
  steps.push((d) => setEntryTags(d, ids.a!, ['db', 'cpu'], ctx));
  steps.push((d) => setEntryKind(d, ids.b!, 'action', ctx));
  steps.push((d) => {
    const notes = ensureEntryNotes(d, ids.b!, ctx);
    d.transact(() => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('restarted the primary')]);
      notes.insert(0, [p]);
    });
  });
  steps.push((d) => (ids.w1 = addWhy(d, { parentId: null, text: 'Why did CPU spike?' }, ctx)));
  steps.push((d) => (ids.w2 = addWhy(d, { parentId: null, text: 'Why no alert sooner?' }, ctx)));
  steps.push((d) => moveWhy(d, { id: ids.w2!, parentId: ids.w1! }, ctx));
  steps.push((d) => setWhyText(d, { id: ids.w1!, text: 'Why did the CPU spike at 10:00?' }, ctx));
  steps.push(
    (d) =>
      (ids.n = addAnnotation(d, { target: { type: 'entry', id: ids.a! }, kind: 'question', text: 'who saw it?' }, ctx)),
  );
  steps.push((d) => setAnnotationText(d, { id: ids.n!, text: 'who saw it first?' }, ctx));
  steps.push((d) => deleteWhy(d, ids.w2!, ctx));
  steps.push((d) => deleteEntry(d, ids.a!, ctx));
  steps.push((d) => (ids.c = addEntry(d, { at: T0 - 60_000, summary: 'deploy 42' }, ctx)));
  for (const step of steps) {
    const sv = Y.encodeStateVector(doc);
    step(doc);
    updates.push(Y.encodeStateAsUpdate(doc, sv));
    views.push(view(doc));
  }
  return { updates, views };
}

describe('readAtSnapshot', () => {
  it('reads every moment of a document that keeps its history as a replica of that moment reads it', () => {
    const { updates, views } = history();
    const h = new Y.Doc({ gc: false });
    const snapshots: Y.Snapshot[] = [];
    for (const u of updates) {
      Y.applyUpdate(h, u);
      snapshots.push(Y.snapshot(h));
    }
    // The document now holds the latest moment: the entry the early moments show is deleted, the why too.
    expect(readTimeline(h).map((e) => e.summary)).toEqual(['deploy 42', 'paged on-call']);
    snapshots.forEach((s, i) => expect(readAtSnapshot(h, s, view), `moment ${i}`).toEqual(views[i]));
    // What the early moments show, spelled out (so equal-but-empty views cannot pass).
    expect(readAtSnapshot(h, snapshots[4]!, readTimeline).map((e) => [e.summary, e.tags])).toEqual([
      ['very high', ['db']],
      ['paged on-call', []],
    ]);
    expect(readAtSnapshot(h, snapshots[7]!, readTimeline)[1]!.notes).toBe('restarted the primary');
    expect(readAtSnapshot(h, snapshots[10]!, readWhysTree)[0]!.children.map((c) => c.text)).toEqual([
      'Why no alert sooner?',
    ]);
  });

  it('reads from a stored state onwards when the document starts from one (history before it collected)', () => {
    const { updates, views } = history();
    // A stored history state after moment 8, written by a replica that collects deleted content.
    const stored = new Y.Doc();
    updates.slice(0, 9).forEach((u) => Y.applyUpdate(stored, u));
    const h = new Y.Doc({ gc: false });
    Y.applyUpdate(h, Y.encodeStateAsUpdate(stored));
    let snapshot = Y.snapshot(h);
    expect(readAtSnapshot(h, snapshot, view)).toEqual(views[8]);
    for (let i = 9; i < updates.length; i++) {
      Y.applyUpdate(h, updates[i]!);
      // Computed from the update alone, it is the snapshot of the document that applied it.
      snapshot = snapshotAfter(snapshot, updates[i]!);
      expect(Y.equalSnapshots(snapshot, Y.snapshot(h)), `moment ${i}`).toBe(true);
    }
    // And from merged changes, as the history serves them between two stops.
    const at9 = snapshotAfter(Y.snapshot(new Y.Doc()), Y.mergeUpdates(updates.slice(0, 10)));
    expect(readAtSnapshot(h, at9, view)).toEqual(views[9]);
    const at13 = snapshotAfter(at9, Y.mergeUpdates(updates.slice(10, 14)));
    expect(readAtSnapshot(h, at13, view)).toEqual(views[13]);
  });

  it('reads a value its writer overwrote in a row (Yjs merges such values into one item once they are deleted)', () => {
    const doc = newReview('zero');
    const ctx = ctxFor('w');
    const h = new Y.Doc({ gc: false });
    Y.applyUpdate(h, Y.encodeStateAsUpdate(doc));
    const note = addAnnotation(
      doc,
      { target: { type: 'entry', id: addEntry(doc, { at: T0 }, ctx) }, kind: 'question' },
      ctx,
    );
    const truth: { title: string; kind: string }[] = [];
    const snapshots: Y.Snapshot[] = [];
    const steps = [
      () => setTitle(doc, 'one', ctx),
      () => setTitle(doc, 'two', ctx),
      () => setAnnotationKind(doc, { id: note, kind: 'delay' }, ctx),
      () => setAnnotationKind(doc, { id: note, kind: 'missing_information' }, ctx),
      () => setTitle(doc, 'three', ctx),
      () => setAnnotationKind(doc, { id: note, kind: 'automation_failed' }, ctx),
    ];
    for (const step of steps) {
      step();
      Y.applyUpdate(h, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(h)));
      snapshots.push(Y.snapshot(h));
      truth.push({ title: readMeta(doc).title, kind: readAnnotations(doc)[0]!.kind });
    }
    // Map fields read first, no text read before them in the same read.
    const read = (d: Y.Doc) => ({ title: readMeta(d).title, kind: readAnnotations(d)[0]!.kind });
    snapshots.forEach((s, i) => expect(readAtSnapshot(h, s, read), `moment ${i}`).toEqual(truth[i]));
    expect(truth.map((t) => t.title)).toEqual(['one', 'two', 'two', 'two', 'three', 'three']);
  });

  it('is read-only and refuses what it cannot read as of the snapshot', () => {
    const { updates } = history();
    const h = new Y.Doc({ gc: false });
    Y.applyUpdate(h, updates[0]!);
    const s = Y.snapshot(h);
    updates.slice(1).forEach((u) => Y.applyUpdate(h, u));
    const timeline = (d: Y.Doc) => roots(d).timeline;
    expect(() => readAtSnapshot(h, s, (d) => timeline(d).set('x', 1 as never))).toThrow(/cannot be read at a snapshot/);
    expect(readAtSnapshot(h, s, (d) => timeline(d).size)).toBe(0);
    expect(readTimeline(h).find((e) => e.summary === 'paged on-call')).toBeDefined();
    expect(() => readAtSnapshot(new Y.Doc(), s, readTimeline)).toThrow(/keeps its history/);
  });
});
