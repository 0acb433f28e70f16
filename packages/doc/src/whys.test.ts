import { describe, expect, it } from 'vitest';
import { T0, ctxFor, newReview } from './testSupport.ts';
import { addEntry, deleteEntry } from './timeline.ts';
import {
  addWhy,
  addWhyEvidence,
  deleteWhy,
  getWhyText,
  insertWhyText,
  moveWhy,
  normaliseFactor,
  removeWhyEvidence,
  setWhyFactor,
  setWhyStatus,
  setWhyText,
} from './whys.ts';
import { flattenWhys, readEvidenceIndex, readWhysTree, subtreeIds, whysCitingEntry } from './whysTree.ts';

const c = ctxFor('w', 'Fay');
const texts = (doc: Parameters<typeof readWhysTree>[0]) =>
  flattenWhys(readWhysTree(doc)).map((v) => `${'  '.repeat(v.depth)}${v.text}`);

describe('whys operations', () => {
  it('adds under the root and under nodes, at positions', () => {
    const doc = newReview();
    const a = addWhy(doc, { text: 'A' }, c);
    const b = addWhy(doc, { text: 'B' }, c);
    addWhy(doc, { text: 'before A', index: 0 }, c);
    addWhy(doc, { text: 'between', index: 2 }, c);
    const a1 = addWhy(doc, { parentId: a, text: 'A1' }, c);
    addWhy(doc, { parentId: a1, text: 'A1a', status: 'supported', factor: 'Process' }, c);
    expect(texts(doc)).toEqual(['before A', 'A', '  A1', '    A1a', 'between', 'B']);
    const a1a = flattenWhys(readWhysTree(doc)).find((v) => v.text === 'A1a')!;
    expect(a1a).toMatchObject({ parentId: a1, status: 'supported', factor: 'process', createdBy: 'Fay', depth: 2 });
    expect(() => addWhy(doc, { parentId: 'nope' }, c)).toThrow(/no whys node/);
    expect(() => addWhy(doc, { status: 'maybe' as never }, c)).toThrow(/status/);
    expect(b).toBeTruthy();
  });

  it('moves: reorder among siblings, re-parent, refuse moving under its own subtree', () => {
    const doc = newReview();
    const a = addWhy(doc, { text: 'A' }, c);
    const b = addWhy(doc, { text: 'B' }, c);
    const cc = addWhy(doc, { text: 'C' }, c);
    moveWhy(doc, { id: cc, parentId: null, index: 0 }, c);
    expect(texts(doc)).toEqual(['C', 'A', 'B']);
    moveWhy(doc, { id: a, parentId: b }, c);
    expect(texts(doc)).toEqual(['C', 'B', '  A']);
    expect(() => moveWhy(doc, { id: b, parentId: a }, c)).toThrow(/under itself/);
    expect(() => moveWhy(doc, { id: b, parentId: b }, c)).toThrow(/under itself/);
    moveWhy(doc, { id: a, parentId: null, index: 1 }, c);
    expect(texts(doc)).toEqual(['C', 'A', 'B']);
  });

  it('delete removes the whole subtree', () => {
    const doc = newReview();
    const a = addWhy(doc, { text: 'A' }, c);
    const a1 = addWhy(doc, { parentId: a, text: 'A1' }, c);
    addWhy(doc, { parentId: a1, text: 'A1a' }, c);
    addWhy(doc, { text: 'B' }, c);
    expect(subtreeIds(readWhysTree(doc), a)).toHaveLength(3);
    deleteWhy(doc, a, c);
    expect(texts(doc)).toEqual(['B']);
    expect(() => deleteWhy(doc, a, c)).toThrow(/no whys node/);
  });

  it('text, status and factor', () => {
    const doc = newReview();
    const id = addWhy(doc, { text: 'cache' }, c);
    insertWhyText(doc, { id, index: 5, text: ' stampede' }, c);
    setWhyText(doc, { id, text: 'Redis cache stampede' }, c);
    expect(getWhyText(doc, id).toString()).toBe('Redis cache stampede');
    setWhyStatus(doc, { id, status: 'refuted' }, c);
    setWhyFactor(doc, { id, factor: '  Vendor  ' }, c);
    expect(readWhysTree(doc)[0]).toMatchObject({ status: 'refuted', factor: 'Vendor' });
    setWhyFactor(doc, { id, factor: null }, c);
    expect(readWhysTree(doc)[0]!.factor).toBeNull();
    expect(normaliseFactor('TECHNOLOGY')).toBe('technology');
    expect(() => setWhyFactor(doc, { id, factor: '' }, c)).toThrow(/factor/);
  });

  it('evidence is visible from both sides; deleted entries are hidden', () => {
    const doc = newReview();
    const e1 = addEntry(doc, { at: T0 }, c);
    const e2 = addEntry(doc, { at: T0 + 1 }, c);
    const x = addWhy(doc, { text: 'x' }, c);
    const y = addWhy(doc, { text: 'y' }, c);
    addWhyEvidence(doc, { id: x, entryId: e1 }, c);
    addWhyEvidence(doc, { id: y, entryId: e1 }, c);
    addWhyEvidence(doc, { id: y, entryId: e2 }, c);
    expect(readWhysTree(doc).find((v) => v.id === y)!.evidence).toEqual([e1, e2].sort());
    expect(whysCitingEntry(doc, e1)).toEqual([x, y].sort());
    expect(readEvidenceIndex(doc).get(e2)).toEqual([y]);
    removeWhyEvidence(doc, { id: y, entryId: e1 }, c);
    expect(whysCitingEntry(doc, e1)).toEqual([x]);
    deleteEntry(doc, e2, c);
    expect(readWhysTree(doc).find((v) => v.id === y)!.evidence).toEqual([]);
    expect(whysCitingEntry(doc, 'none')).toEqual([]);
    expect(() => addWhyEvidence(doc, { id: x, entryId: 'missing' }, c)).toThrow(/no timeline entry/);
  });
});
