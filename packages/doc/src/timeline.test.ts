import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readEntry, readTimeline } from './readModel.ts';
import { addEntryTag, removeEntryTag, setEntryTags } from './tags.ts';
import { T0, ctxFor, newReview } from './testSupport.ts';
import {
  addEntry,
  deleteEntry,
  deleteSummaryText,
  getEntry,
  findEntryNotes,
  getEntrySummary,
  insertSummaryText,
  setEntryKind,
  setEntryPrecision,
  setEntrySource,
  setEntryStarred,
  setEntrySummary,
  setEntryTime,
} from './timeline.ts';

describe('timeline entries', () => {
  it('addEntry stores every field, an empty notes fragment and the actor', () => {
    const doc = newReview();
    const id = addEntry(
      doc,
      {
        at: T0,
        kind: 'alert',
        summary: 'p99 latency alert',
        tags: ['DB', ' db ', 'latency'],
        source: 'alert',
        sourceRef: 'PD-123',
        sourceUrl: 'https://pager.example/incidents/123',
        precision: 'approximate',
        approxMinutes: 5,
        starred: true,
      },
      ctxFor('e', 'Ana'),
    );
    const view = readTimeline(doc)[0]!;
    expect(view).toEqual({
      id,
      at: T0,
      precision: 'approximate',
      approxMinutes: 5,
      kind: 'alert',
      summary: 'p99 latency alert',
      notes: '',
      source: { type: 'alert', ref: 'PD-123', url: 'https://pager.example/incidents/123', urlText: null },
      tags: ['db', 'latency'],
      starred: true,
      createdAt: T0,
      createdBy: 'Ana',
      author: null,
      importKey: null,
      replyTo: null,
      problems: [],
    });
    // Notes are created when someone first writes them; the id is the map key only.
    expect(findEntryNotes(doc, id)).toBeNull();
    expect(getEntry(doc, id).get('tags')).toBeInstanceOf(Y.Map);
    expect(getEntry(doc, id).has('id')).toBe(false);
  });

  it('defaults: observation, minute precision, manual source, not starred; none of them stored', () => {
    const doc = newReview();
    const id = addEntry(doc, { at: T0, summary: 'pager went off' }, ctxFor('e', 'Ana'));
    expect(readTimeline(doc)[0]).toMatchObject({
      id,
      kind: 'observation',
      precision: 'minute',
      approxMinutes: null,
      source: { type: 'manual', ref: null, url: null },
      starred: false,
      tags: [],
      notes: '',
    });
    // Lean (schema v3): only what differs from a default, plus when and by whom.
    expect([...getEntry(doc, id).keys()].sort()).toEqual(['at', 'createdAt', 'createdBy', 'kind', 'summary']);
    // An entry added by hand gets its notes ready for two people to type into at once.
    const byHand = addEntry(doc, { at: T0, withNotes: true }, ctxFor('h'));
    expect(findEntryNotes(doc, byHand)?.length).toBe(0);
  });

  it('rejects bad input without writing', () => {
    const doc = newReview();
    const before = Y.encodeStateVector(doc);
    expect(() => addEntry(doc, { at: Number.NaN }, ctxFor('e'))).toThrow(/epoch/);
    expect(() => addEntry(doc, { at: T0, kind: 'rumour' as never }, ctxFor('e'))).toThrow(/kind/);
    expect(() => addEntry(doc, { at: T0, source: 'fax' as never }, ctxFor('e'))).toThrow(/source/);
    expect(() => addEntry(doc, { at: T0, sourceUrl: 'javascript:alert(1)' }, ctxFor('e'))).toThrow(/URL/);
    expect(() => addEntry(doc, { at: T0, precision: 'approximate', approxMinutes: -1 }, ctxFor('e'))).toThrow(
      /approxMinutes/,
    );
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(() => setEntryTime(doc, 'missing', T0, ctxFor('e'))).toThrow(/no timeline entry/);
  });

  it('orders by time, then creation, then id', () => {
    const doc = newReview();
    const c = ctxFor('e');
    const late = addEntry(doc, { at: T0 + 60_000, summary: 'late' }, c);
    addEntry(doc, { at: T0, summary: 'early' }, c);
    addEntry(doc, { at: T0, summary: 'early too' }, c);
    expect(readTimeline(doc).map((e) => e.summary)).toEqual(['early', 'early too', 'late']);
    setEntryTime(doc, late, T0 - 1, c);
    expect(readTimeline(doc)[0]!.summary).toBe('late');
  });

  it('edits fields without writing any bookkeeping field', () => {
    const doc = newReview();
    const c = ctxFor('e');
    const id = addEntry(doc, { at: T0, summary: 'db failover' }, c);
    const later = { ...c, now: () => T0 + 1000 };
    setEntryKind(doc, id, 'decision', later);
    setEntryPrecision(doc, { id, precision: 'exact' }, later);
    setEntrySource(doc, { id, source: 'chat', ref: '#inc-42 14:02', url: 'https://chat.example/m/1' }, later);
    setEntryStarred(doc, { id, starred: true }, later);
    insertSummaryText(doc, id, 0, 'Manual ', later);
    deleteSummaryText(doc, { id, index: 0, length: 7 }, later);
    setEntrySummary(doc, { id, text: 'db failover started' }, later);
    expect(getEntrySummary(doc, id).toString()).toBe('db failover started');
    expect(readTimeline(doc)[0]).toMatchObject({
      kind: 'decision',
      precision: 'exact',
      source: { type: 'chat', ref: '#inc-42 14:02', url: 'https://chat.example/m/1' },
      starred: true,
    });
    expect(getEntry(doc, id).has('updatedAt')).toBe(false);
    setEntrySource(doc, { id, source: 'manual' }, later);
    expect(readTimeline(doc)[0]!.source).toEqual({ type: 'manual', ref: null, url: null, urlText: null });
    insertSummaryText(doc, id, 999, '!', later);
    expect(readTimeline(doc)[0]!.summary).toBe('db failover started!');
  });

  it('tags: set (by difference), add, remove; read sorted', () => {
    const doc = newReview();
    const c = ctxFor('e');
    const id = addEntry(doc, { at: T0, tags: ['b'] }, c);
    setEntryTags(doc, id, ['c', 'A', 'b'], c);
    addEntryTag(doc, { id, tag: 'Z ' }, c);
    removeEntryTag(doc, { id, tag: 'B' }, c);
    expect(readTimeline(doc)[0]!.tags).toEqual(['a', 'c', 'z']);
    expect(() => addEntryTag(doc, { id, tag: '   ' }, c)).toThrow(/tag/);
  });

  it('tag ops convert a legacy array in place', () => {
    const doc = newReview();
    const id = addEntry(doc, { at: T0 }, ctxFor('e'));
    doc.transact(() => getEntry(doc, id).set('tags', ['old', 'older']));
    expect(readEntry(getEntry(doc, id)).tags).toEqual(['old', 'older']);
    addEntryTag(doc, { id, tag: 'new' }, ctxFor('e'));
    expect(getEntry(doc, id).get('tags')).toBeInstanceOf(Y.Map);
    expect(readTimeline(doc)[0]!.tags).toEqual(['new', 'old', 'older']);
  });

  it('deleteEntry removes the entry', () => {
    const doc = newReview();
    const id = addEntry(doc, { at: T0 }, ctxFor('e'));
    deleteEntry(doc, id, ctxFor('e'));
    expect(readTimeline(doc)).toEqual([]);
  });
});
