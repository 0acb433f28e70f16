// The read models over records other clients may write (SPEC 3.4: a minimal entry is valid and
// renders; any record the server accepted is shown without failing): a table of odd shapes, each
// read without throwing, with the defaults and problems a view shows; and the writers that make
// a missing or plain field collaborative on first write.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readActionsModel, updateAction } from './actions.ts';
import { readAnnotations, setAnnotationText } from './annotations.ts';
import { readHumanFactors, setAnswer } from './humanFactors.ts';
import { readMeta } from './meta.ts';
import { exportReview, fragmentText, readEntry, readTimeline, type EntryView } from './readModel.ts';
import { findRecordText } from './recordFields.ts';
import { Root, roots } from './schema.ts';
import { T0, ctxFor, exchange, fork, newReview } from './testSupport.ts';
import { ensureEntryNotes, findEntryNotes, insertSummaryText, setEntrySummary } from './timeline.ts';
import { readWhysTree, flattenWhys } from './whysTree.ts';
import { setWhyText } from './whys.ts';

function entryOf(fields: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
}

/** A doc holding `record` under `timeline/e1`, as a replica would after sync. */
function docWithEntry(fields: Record<string, unknown>): Y.Doc {
  const doc = newReview();
  roots(doc).timeline.set('e1', entryOf(fields));
  return doc;
}

const minimal = (): Record<string, unknown> => ({
  id: 'e1',
  at: T0,
  kind: 'observation',
  summary: new Y.Text('DB failover'),
});

const CASES: { name: string; fields: () => Record<string, unknown>; expect: Partial<EntryView> }[] = [
  {
    name: 'SPEC minimal entry (id, at, kind, summary)',
    fields: minimal,
    expect: { id: 'e1', at: T0, kind: 'observation', summary: 'DB failover', notes: '', tags: [], problems: [] },
  },
  {
    name: 'unknown kind',
    fields: () => ({ ...minimal(), kind: 'handover' }),
    expect: { kind: 'handover', problems: [] },
  },
  {
    name: 'no kind',
    fields: () => ({ id: 'e1', at: T0, summary: new Y.Text('x') }),
    expect: { kind: 'observation', problems: [] },
  },
  {
    name: 'kind a number',
    fields: () => ({ ...minimal(), kind: 7 }),
    expect: { kind: 'observation', problems: ['its kind is a number'] },
  },
  {
    name: 'summary a plain string',
    fields: () => ({ ...minimal(), summary: 'plain words' }),
    expect: { summary: 'plain words', problems: [] },
  },
  {
    name: 'summary a number',
    fields: () => ({ ...minimal(), summary: 42 }),
    expect: { summary: '', problems: ['its summary is a number, not text'] },
  },
  { name: 'no summary', fields: () => ({ id: 'e1', at: T0, kind: 'action' }), expect: { summary: '', problems: [] } },
  {
    name: 'notes a plain string',
    fields: () => ({ ...minimal(), notes: 'line 1\nline 2' }),
    expect: { notes: 'line 1\nline 2' },
  },
  {
    name: 'notes a Y.Text',
    fields: () => ({ ...minimal(), notes: new Y.Text('typed elsewhere') }),
    expect: { notes: '', problems: ['its notes are a shared text, not text'] },
  },
  {
    name: 'no id (the map key is the id)',
    fields: () => ({ at: T0, kind: 'alert', summary: new Y.Text('x') }),
    expect: { id: 'e1' },
  },
  {
    name: 'no time',
    fields: () => ({ id: 'e1', summary: new Y.Text('x') }),
    expect: { at: 0, problems: ['it has no time'] },
  },
  {
    name: 'time a string',
    fields: () => ({ ...minimal(), at: '14:02' }),
    expect: { at: 0, problems: ['its time is a string, not a number'] },
  },
  { name: 'time not finite', fields: () => ({ ...minimal(), at: Number.NaN }), expect: { at: 0 } },
  { name: 'tags a legacy array', fields: () => ({ ...minimal(), tags: ['db', 7, 'db'] }), expect: { tags: ['db'] } },
  {
    name: 'tags a string',
    fields: () => ({ ...minimal(), tags: 'db' }),
    expect: { tags: [], problems: ['its tags are a string'] },
  },
  {
    name: 'createdAt, starred, source of odd types',
    fields: () => ({ ...minimal(), createdAt: 'x', starred: 'yes', source: 3 }),
    expect: { createdAt: 0, starred: false, source: { type: 'manual', ref: null, url: null, urlText: null } },
  },
];

describe('reading records other clients wrote', () => {
  it.each(CASES)('$name', ({ fields, expect: expected }) => {
    const doc = docWithEntry(fields());
    const [view] = readTimeline(doc);
    expect(view).toMatchObject(expected);
    // The exports read the same model and never throw either.
    expect(() => exportReview(doc, 'r1')).not.toThrow();
    expect(exportReview(doc, 'r1').timeline[0]!.kind).toBe(view!.kind);
  });

  it('a timeline value that is not a record is skipped; the others are read', () => {
    const doc = docWithEntry(minimal());
    roots(doc).timeline.set('junk' as string, 'not a map' as unknown as Y.Map<unknown>);
    expect(readTimeline(doc).map((e) => e.id)).toEqual(['e1']);
  });

  it('readEntry of an empty map reads every default', () => {
    const m = entryOf({});
    new Y.Doc().getMap('x').set('e', m);
    expect(readEntry(m)).toMatchObject({ id: '', at: 0, kind: 'observation', summary: '', notes: '', tags: [] });
  });

  it('whys, actions, answers, annotations and meta of odd shapes read with defaults', () => {
    const doc = newReview();
    const { whys, actions, humanFactors, annotations, meta } = roots(doc);
    doc.transact(() => {
      whys.set('w1', entryOf({ id: 'w1', text: 'plain why', parentId: 5, order: 9, status: 'maybe', evidence: 'e1' }));
      whys.set('w2', entryOf({ text: 12 }));
      actions.set(
        'a1',
        entryOf({ title: 'plain title', status: 'later', impact: 'huge', due: 'tomorrow', factorIds: 3 }),
      );
      actions.set('a2', entryOf({}));
      humanFactors.set('rested', entryOf({ id: 'rested', prompt: 'Were people rested?', answer: 'plain answer' }));
      humanFactors.set('q2', entryOf({ prompt: 4 }));
      annotations.set('n1', entryOf({ targetId: 'e1', kind: 'gossip', text: 'plain note', at: 'now' }));
      annotations.set('n2', entryOf({ text: new Y.Text('no target') }));
      meta.set('title', 7);
      meta.set('status', 'archived');
      meta.set('createdAt', 'yesterday');
    });
    const tree = flattenWhys(readWhysTree(doc));
    expect(tree.map((n) => [n.id, n.text, n.status, n.evidence])).toEqual([
      ['w1', 'plain why', 'hypothesis', []],
      ['w2', '', 'hypothesis', []],
    ]);
    const model = readActionsModel(doc);
    expect(model.items.map((a) => [a.id, a.title, a.status, a.impact, a.due, a.factorIds])).toEqual([
      ['a1', 'plain title', 'open', null, null, []],
      ['a2', '', 'open', null, null, []],
    ]);
    const answers = readHumanFactors(doc);
    expect(answers.find((q) => q.id === 'rested')!.answer).toBe('plain answer');
    expect(answers.find((q) => q.id === 'q2')!.prompt).toBe('');
    expect(readAnnotations(doc).map((a) => [a.id, a.kind, a.text, a.at])).toEqual([['n1', 'comment', 'plain note', 0]]);
    expect(readMeta(doc)).toMatchObject({ title: '', status: 'collecting', createdAt: null });
    expect(() => exportReview(doc, 'r1')).not.toThrow();
  });
});

describe('writing to records without their collaborative fields', () => {
  it('ensureEntryNotes creates empty notes once; findEntryNotes finds them', () => {
    const doc = docWithEntry(minimal());
    expect(findEntryNotes(doc, 'e1')).toBeNull();
    expect(findEntryNotes(doc, 'nope')).toBeNull();
    const notes = ensureEntryNotes(doc, 'e1', ctxFor('n'));
    expect(notes).toBeInstanceOf(Y.XmlFragment);
    expect(notes.length).toBe(0);
    expect(ensureEntryNotes(doc, 'e1', ctxFor('n'))).toBe(notes);
    expect(findEntryNotes(doc, 'e1')).toBe(notes);
  });

  it('ensureEntryNotes turns plain-string notes into paragraphs; a missing entry is a clear error', () => {
    const doc = docWithEntry({ ...minimal(), notes: 'line 1\nline 2' });
    expect(fragmentText(ensureEntryNotes(doc, 'e1', ctxFor('n')))).toBe('line 1\nline 2');
    expect(() => ensureEntryNotes(doc, 'missing', ctxFor('n'))).toThrow(/no timeline entry missing/);
  });

  it('ensureEntryNotes writes nothing when the notes exist', () => {
    const doc = docWithEntry(minimal());
    ensureEntryNotes(doc, 'e1', ctxFor('n'));
    let updates = 0;
    doc.on('update', () => updates++);
    ensureEntryNotes(doc, 'e1', ctxFor('n'));
    expect(updates).toBe(0);
  });

  it('notes created on one replica reach the other, where typing goes into the same fragment', () => {
    const a = docWithEntry(minimal());
    const b = fork(a);
    const notes = ensureEntryNotes(a, 'e1', ctxFor('a'));
    exchange(a, b);
    const seen = findEntryNotes(b, 'e1')!;
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('from b')]);
    seen.insert(0, [p]);
    exchange(a, b);
    expect(fragmentText(notes)).toBe('from b');
  });

  it('setting a plain or missing summary, why text, action title, answer or annotation text makes it a Y.Text', () => {
    const doc = newReview();
    const { timeline, whys, actions, humanFactors, annotations } = roots(doc);
    doc.transact(() => {
      timeline.set('e1', entryOf({ id: 'e1', at: T0, summary: 'plain' }));
      timeline.set('e2', entryOf({ id: 'e2', at: T0 }));
      whys.set('w1', entryOf({ id: 'w1', text: 'plain why' }));
      actions.set('a1', entryOf({ id: 'a1', title: 'plain title' }));
      humanFactors.set('q1', entryOf({ id: 'q1', prompt: 'p' }));
      annotations.set('n1', entryOf({ id: 'n1', targetId: 'e1', text: 'plain note' }));
    });
    const c = ctxFor('w');
    setEntrySummary(doc, { id: 'e1', text: 'plain, edited' }, c);
    insertSummaryText(doc, 'e2', 0, 'typed', c);
    setWhyText(doc, { id: 'w1', text: 'plain why, edited' }, c);
    updateAction(doc, { id: 'a1', title: 'plain title, edited' }, c);
    setAnswer(doc, { id: 'q1', text: 'an answer' }, c);
    setAnnotationText(doc, { id: 'n1', text: 'plain note, edited' }, c);
    const text = (root: Parameters<typeof findRecordText>[1], id: string, key: string): string | undefined =>
      findRecordText(doc, root, id, key)?.toString();
    expect(text(Root.timeline, 'e1', 'summary')).toBe('plain, edited');
    expect(text(Root.timeline, 'e2', 'summary')).toBe('typed');
    expect(text(Root.whys, 'w1', 'text')).toBe('plain why, edited');
    expect(text(Root.actions, 'a1', 'title')).toBe('plain title, edited');
    expect(text(Root.humanFactors, 'q1', 'answer')).toBe('an answer');
    expect(text(Root.annotations, 'n1', 'text')).toBe('plain note, edited');
  });
});
