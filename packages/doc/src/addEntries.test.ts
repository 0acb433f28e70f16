// addEntries (all-or-nothing batches), entry notes given as text, and import keys.
import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readTimeline } from './readModel.ts';
import { canonical, concurrently, T0, ctxFor, newReview } from './testSupport.ts';
import { addEntries, addEntry, getEntryNotes, readImportKeys } from './timeline.ts';

describe('addEntries', () => {
  it('adds every entry in one transaction and returns ids in input order', () => {
    const doc = newReview();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const ids = addEntries(
      doc,
      [
        { at: T0 + 60_000, summary: 'second', importKey: 'k2' },
        { at: T0, summary: 'first', importKey: 'k1', source: 'chat', sourceRef: 'ts 1' },
      ],
      ctxFor('e'),
    );
    expect(transactions).toBe(1);
    expect(ids).toEqual(['e0001', 'e0002']);
    expect(readTimeline(doc).map((e) => [e.id, e.summary])).toEqual([
      ['e0002', 'first'],
      ['e0001', 'second'],
    ]);
  });

  it('writes nothing when any input is invalid, and says which one', () => {
    const doc = newReview();
    const before = canonical(doc);
    expect(() =>
      addEntries(
        doc,
        [
          { at: T0, summary: 'fine' },
          { at: Number.NaN, summary: 'bad time' },
        ],
        ctxFor('e'),
      ),
    ).toThrow(/entry 2 of 2: entry time/);
    expect(() => addEntries(doc, [{ at: T0, importKey: '' }], ctxFor('e'))).toThrow(/importKey/);
    expect(canonical(doc)).toBe(before);
  });

  it('adds nothing for an empty list', () => {
    const doc = newReview();
    const before = canonical(doc);
    expect(addEntries(doc, [], ctxFor('e'))).toEqual([]);
    expect(canonical(doc)).toBe(before);
  });

  it('two replicas adding batches concurrently converge with both batches', () => {
    const base = newReview();
    const { a, b, ab, ba } = concurrently(
      base,
      (d) =>
        addEntries(
          d,
          [
            { at: T0, summary: 'a1' },
            { at: T0, summary: 'a2' },
          ],
          ctxFor('a'),
        ),
      (d) => addEntries(d, [{ at: T0, summary: 'b1' }], ctxFor('b')),
    );
    for (const d of [b, ab, ba]) expect(canonical(d)).toBe(canonical(a));
    expect(readTimeline(a)).toHaveLength(3);
  });
});

describe('entry notes from text and import keys', () => {
  it('stores notes as one paragraph per line, readable back as text', () => {
    const doc = newReview();
    const id = addEntry(doc, { at: T0, notes: 'first line\n\nthird line' }, ctxFor('e'));
    const notes = getEntryNotes(doc, id);
    expect(notes.length).toBe(3);
    expect((notes.get(0) as Y.XmlElement).nodeName).toBe('paragraph');
    expect(readTimeline(doc)[0]!.notes).toBe('first line\n\nthird line');
  });

  it('readImportKeys lists the keys of entries that have one', () => {
    const doc = newReview();
    addEntry(doc, { at: T0, importKey: 'log:abc#0' }, ctxFor('e'));
    addEntry(doc, { at: T0 }, ctxFor('f'));
    expect([...readImportKeys(doc)]).toEqual(['log:abc#0']);
  });
});
