// Schema v3 (lean records): what new records store, and the v2 -> v3 step of
// `migrate` on a review written by the v2 release (fixtures/v2-review.bin).
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAction, readActionsModel, updateAction } from './actions.ts';
import { addAnnotation, readAnnotations } from './annotations.ts';
import { migrate } from './migrate.ts';
import { readTimeline } from './readModel.ts';
import { validateTouched } from './recordValidation.ts';
import { ROOT_NAMES, SCHEMA_VERSION, roots } from './schema.ts';
import { addEntryTag } from './tags.ts';
import { T0, canonical, concurrently, ctxFor, fork, newReview } from './testSupport.ts';
import { addEntry, ensureEntryNotes, getEntry, insertSummaryText, setEntryStarred } from './timeline.ts';
import { addWhy, addWhyEvidence } from './whys.ts';
import { readWhysTree } from './whysTree.ts';

const V2_REVIEW = readFileSync(new URL('../fixtures/v2-review.bin', import.meta.url));

function v2Review(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, V2_REVIEW);
  return doc;
}

const keysOf = (map: Y.Map<unknown>): string[] => [...map.keys()].sort();

// Everything a person sees, through the read models.
function views(doc: Y.Doc): unknown {
  return {
    timeline: readTimeline(doc),
    whys: readWhysTree(doc).map(({ children: _children, ...v }) => v),
    actions: readActionsModel(doc),
    annotations: readAnnotations(doc),
  };
}

// Every record of every root fits the one schema the server's gate applies.
function schemaProblems(doc: Y.Doc): string[] {
  const problems: string[] = [];
  for (const root of ROOT_NAMES) {
    const type = doc.share.get(root);
    if (!(type instanceof Y.AbstractType)) continue;
    for (const key of type._map.keys()) {
      const problem = validateTouched(doc, { root, key });
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

describe('schema v3: lean records', () => {
  it('new whys, action items and annotations store no key copy, no defaults and no updatedAt', () => {
    const doc = newReview();
    const c = ctxFor('n', 'Ana');
    const entry = addEntry(doc, { at: T0, summary: 'alert fired' }, c);
    const why = addWhy(doc, { text: 'no lag alert' }, c);
    const action = addAction(doc, { title: 'Alert on lag' }, c);
    const note = addAnnotation(doc, { target: { type: 'entry', id: entry }, kind: 'delay', text: 'slow' }, c);
    const { whys, actions, annotations } = roots(doc);
    expect(keysOf(whys.get(why)!)).toEqual(['createdAt', 'createdBy', 'order', 'text']);
    expect(keysOf(actions.get(action)!)).toEqual(['createdAt', 'createdBy', 'title']);
    expect(keysOf(annotations.get(note)!)).toEqual(['at', 'author', 'kind', 'targetId', 'targetType', 'text']);
    // ...and read with their defaults.
    expect(readWhysTree(doc)[0]).toMatchObject({ id: why, parentId: null, status: 'hypothesis', factor: null });
    expect(readActionsModel(doc).items[0]).toMatchObject({ id: action, status: 'open', factorIds: [] });
    expect(readAnnotations(doc)[0]).toMatchObject({ id: note, resolved: false, author: 'Ana' });
    // Sets are created by their first member; edits write only the field they change.
    addWhyEvidence(doc, { id: why, entryId: entry }, c);
    updateAction(doc, { id: action, owner: 'Ana' }, c);
    expect(keysOf(whys.get(why)!)).toContain('evidence');
    expect(keysOf(actions.get(action)!)).toEqual(['createdAt', 'createdBy', 'owner', 'title']);
    expect(schemaProblems(doc)).toEqual([]);
  });

  it('typing into an entry grows only its text', () => {
    const doc = newReview();
    const c = ctxFor('t');
    const id = addEntry(doc, { at: T0, summary: 'a' }, c);
    // Items stored under a map key (fields): text items have none.
    const fieldItems = (): number =>
      Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs.filter((s) => s instanceof Y.Item && s.parentSub !== null)
        .length;
    const before = fieldItems();
    for (const [i, ch] of [...'bcdefghij'].entries()) insertSummaryText(doc, id, i + 1, ch, c);
    expect(readTimeline(doc)[0]!.summary).toBe('abcdefghij');
    expect(fieldItems()).toBe(before);
  });
});

describe('migrate v2 -> v3', () => {
  it('a review the v2 release wrote reads the same before and after, and loses its redundant fields', () => {
    const doc = v2Review();
    const before = views(doc);
    const entry = [...roots(doc).timeline.values()][0]!;
    expect(entry.has('id') && entry.has('updatedAt')).toBe(true);
    expect(migrate(doc, ctxFor('m', 'server'))).toEqual({ from: 2, to: SCHEMA_VERSION, changed: true });
    expect(views(doc)).toEqual(before);
    const { timeline, whys, actions, annotations } = roots(doc);
    for (const root of [timeline, whys, actions, annotations]) {
      root.forEach((record) => {
        expect(record.has('id')).toBe(false);
        expect(record.has('updatedAt')).toBe(false);
      });
    }
    timeline.forEach((e) => {
      expect(e.get('precision')).not.toBe('minute');
      expect(e.get('source')).not.toBe('manual');
      expect(e.get('starred')).not.toBe(false);
    });
    // The item closed before completedAt existed keeps when it was closed (its v2 updatedAt).
    const old = readActionsModel(doc).items.find((a) => a.title === 'Old closed item')!;
    expect(old.completedAt).toEqual(expect.any(Number));
    expect(actions.get(old.id)!.get('completedAt')).toBe(old.completedAt);
    expect(schemaProblems(doc)).toEqual([]);
  });

  it('runs once: a second run writes nothing', () => {
    const doc = v2Review();
    migrate(doc);
    const state = Y.encodeStateAsUpdate(doc);
    expect(migrate(doc)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, changed: false });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('keeps what a v2 client edited offline meanwhile: its tags, notes and fields win over the deletions', () => {
    const base = v2Review();
    const [e1] = readTimeline(base);
    const r = concurrently(
      base,
      (d) => migrate(d, ctxFor('m', 'server')),
      (d) => {
        // The v2 release's operations: a tag into the existing set, typed notes, a re-written default.
        const entry = getEntry(d, e1!.id);
        d.transact(() => {
          (entry.get('tags') as Y.Map<true>).set('offline', true);
          entry.set('starred', false);
          entry.set('updatedAt', T0);
        });
        const notes = ensureEntryNotes(d, e1!.id, ctxFor('o'));
        d.transact(() => notes.insert(notes.length, [new Y.XmlElement('paragraph')]));
      },
    );
    const json = canonical(r.ab);
    expect(canonical(r.ba)).toBe(json);
    const merged = readTimeline(r.ab).find((e) => e.id === e1!.id)!;
    expect(merged.tags).toContain('offline');
    expect(merged.starred).toBe(false);
    expect(schemaProblems(r.ab)).toEqual([]);
    // The next load finishes the job.
    expect(migrate(r.ab).changed).toBe(true);
    expect(getEntry(r.ab, e1!.id).has('updatedAt')).toBe(false);
  });

  it('a migrated review edits normally', () => {
    const doc = v2Review();
    migrate(doc);
    const copy = fork(doc);
    const c = ctxFor('x', 'Ben');
    const [e1, e2] = readTimeline(copy);
    addEntryTag(copy, { id: e2!.id, tag: 'ack' }, c);
    setEntryStarred(copy, { id: e1!.id, starred: false }, c);
    addEntry(copy, { at: T0, summary: 'new after migration' }, c);
    expect(readTimeline(copy).find((e) => e.id === e2!.id)!.tags).toEqual(['ack']);
    expect(readTimeline(copy).map((e) => e.summary)).toContain('new after migration');
    expect(schemaProblems(copy)).toEqual([]);
  });
});
