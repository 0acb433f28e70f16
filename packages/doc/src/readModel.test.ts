import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAction } from './actions.ts';
import { addAnnotation } from './annotations.ts';
import { setAnswer } from './humanFactors.ts';
import { setIncidentTime } from './meta.ts';
import {
  compareEntries,
  exportReview,
  fragmentText,
  readActions,
  readEntry,
  readFirstEntries,
  readTimeline,
  readWhys,
} from './readModel.ts';
import { defaultContext, origin, roots, sequenceContext } from './schema.ts';
import { T0, ctxFor, newReview } from './testSupport.ts';
import { addEntry, ensureEntryNotes } from './timeline.ts';
import { addWhy, moveWhy } from './whys.ts';

describe('read model and export', () => {
  it('fragmentText reads Tiptap-style notes as plain text, one block per line', () => {
    const doc = newReview();
    const id = addEntry(doc, { at: T0 }, ctxFor('e'));
    const notes = ensureEntryNotes(doc, id, ctxFor('e'));
    doc.transact(() => {
      const p1 = new Y.XmlElement('paragraph');
      p1.insert(0, [new Y.XmlText('Restarted the pod.')]);
      const p2 = new Y.XmlElement('paragraph');
      p2.insert(0, [new Y.XmlText('No effect.')]);
      notes.insert(0, [p1, p2]);
    });
    expect(fragmentText(notes)).toBe('Restarted the pod.\nNo effect.');
    expect(readTimeline(doc)[0]!.notes).toBe('Restarted the pod.\nNo effect.');
  });

  it('readFirstEntries gives the first entries in timeline order and the count, odd records included', () => {
    const doc = newReview();
    const ctx = sequenceContext({ prefix: 'e', start: T0 });
    // Same times (ties broken by creation, then id), out of order, and records another client wrote oddly.
    for (const i of [5, 3, 3, 9, 1, 7, 3, 0, 2]) addEntry(doc, { at: T0 + i * 60_000 }, ctx);
    const odd = new Y.Map<unknown>();
    const noTime = new Y.Map<unknown>();
    doc.transact(() => {
      roots(doc).timeline.set('odd', odd);
      odd.set('at', 'soon');
      roots(doc).timeline.set('no-time', noTime);
      (roots(doc).timeline as Y.Map<unknown>).set('not-a-record', 'text');
    });
    const all = readTimeline(doc);
    expect(all).toHaveLength(11);
    for (const limit of [0, 1, 4, 11, 50]) {
      const first = readFirstEntries(doc, limit);
      expect(first.total).toBe(11);
      expect(first.entries).toEqual(all.slice(0, limit));
    }
  });

  it('readEntry tolerates foreign records; compareEntries breaks ties by creation then id', () => {
    const m = new Y.Map<unknown>();
    new Y.Doc().getMap('x').set('e', m);
    m.set('at', 'soon');
    m.set('kind', 'rumour');
    expect(readEntry(m)).toMatchObject({ at: 0, kind: 'rumour', summary: '', tags: [], precision: 'minute' });
    expect(readEntry(m).problems).toEqual(['its time is a string, not a number']);
    const base = readEntry(m);
    expect(compareEntries({ ...base, id: 'b' }, { ...base, id: 'a' })).toBeGreaterThan(0);
    expect(compareEntries({ ...base, createdAt: 1, id: 'a' }, { ...base, createdAt: 2, id: 'b' })).toBeLessThan(0);
  });

  it('exportReview keeps the SPEC 3.2 fields and adds the rest', () => {
    const doc = newReview();
    const c = ctxFor('x', 'Ana');
    setIncidentTime(doc, { marker: 'resolved', at: T0 + 3_600_000 }, c);
    const e = addEntry(doc, { at: T0, summary: 'alert', kind: 'alert', tags: ['db'] }, c);
    const w1 = addWhy(doc, { text: 'why 1', factor: 'technology' }, c);
    const w2 = addWhy(doc, { text: 'why 2' }, c);
    moveWhy(doc, { id: w2, parentId: w1 }, c);
    addAction(doc, { title: 'fix it', owner: 'Ana', due: '2026-03-20', impact: 'low', effort: 'low' }, c);
    setAnswer(doc, { id: 'rested', text: 'yes' }, c);
    addAnnotation(doc, { target: { type: 'entry', id: e }, kind: 'comment', text: 'hm' }, c);
    const out = exportReview(doc, 'r1');
    expect(out).toMatchObject({
      id: 'r1',
      title: 'Checkout outage',
      status: 'collecting',
      startedAt: new Date(T0 - 3_600_000).toISOString(),
      markers: { resolved: new Date(T0 + 3_600_000).toISOString(), detected: null },
      timeZone: 'UTC',
      timeline: [{ id: e, at: new Date(T0).toISOString(), summary: 'alert', notes: '', kind: 'alert', tags: ['db'] }],
      whys: [
        { id: w1, parentId: null, text: 'why 1', factor: 'technology' },
        { id: w2, parentId: w1, text: 'why 2', factor: null },
      ],
      actions: [{ title: 'fix it', owner: 'Ana', due: '2026-03-20', priority: 'P3', status: 'open' }],
      annotations: [{ kind: 'comment', text: 'hm', at: new Date(T0).toISOString() }],
    });
    expect(out.humanFactors[0]).toEqual({ id: 'rested', prompt: 'Were the people involved rested?', answer: 'yes' });
    expect(exportReview(doc).id).toBe('r1');
    expect(readWhys(doc)).toEqual(out.whys);
    expect(readActions(doc)).toEqual(out.actions);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('exports an empty or hostile doc without throwing', () => {
    const doc = new Y.Doc();
    const m = new Y.Map<unknown>();
    doc.getMap('timeline').set('e', m);
    m.set('at', 1e300);
    expect(exportReview(doc, 'x')).toMatchObject({
      id: 'x',
      title: '',
      timeline: [{ at: '1970-01-01T00:00:00.000Z' }],
    });
  });

  it('contexts and origins', () => {
    const seq = sequenceContext({ prefix: 'q', start: 5, step: 2, actor: 'me' });
    expect([seq.newId(), seq.newId(), seq.now(), seq.now()]).toEqual(['q0001', 'q0002', 5, 7]);
    const d = defaultContext('you');
    expect(d.newId()).not.toBe(d.newId());
    expect(typeof d.now()).toBe('number');
    expect(origin('op', seq)).toEqual({ op: 'op', actor: 'me' });
    expect(Object.keys(roots(new Y.Doc()))).toEqual([
      'meta',
      'timeline',
      'whys',
      'actions',
      'annotations',
      'humanFactors',
      'report',
    ]);
  });
});
