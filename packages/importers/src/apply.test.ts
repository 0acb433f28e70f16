import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { isOpOrigin, readTimeline } from '@hindsight/doc';
import { alreadyImported, applyImport, importDefaults } from './apply.ts';
import { parseTable } from './table.ts';
import { fixtureReview, importCtx } from './testFixtures.ts';

const table = 'Time\tWhat\tNotes\n23:50\tpaged\tno answer\n00:10\tacked\t\n';

describe('applyImport', () => {
  it('adds everything in one transaction with entries carrying their source and key', () => {
    const doc = fixtureReview();
    const { candidates } = parseTable(table, importDefaults(doc));
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const result = applyImport(doc, candidates, importCtx());
    expect(origins).toHaveLength(1);
    expect(isOpOrigin(origins[0]) && origins[0].op).toBe('addEntries');
    expect(result.added).toHaveLength(2);
    expect(readTimeline(doc).map((e) => [e.summary, e.notes, e.source.ref])).toEqual([
      ['paged', 'no answer', 'row 2'],
      ['acked', '', 'row 3'],
    ]);
    expect(alreadyImported(doc, candidates)).toEqual(new Set(candidates.map((c) => c.key)));
  });

  it('is all or nothing: one invalid candidate writes nothing at all', () => {
    const doc = fixtureReview();
    const { candidates } = parseTable(table, importDefaults(doc));
    const before = Y.encodeStateVector(doc);
    const bad = [...candidates, { ...candidates[0]!, key: 'other', url: 'javascript:alert(1)' }];
    expect(() => applyImport(doc, bad, importCtx())).toThrow(/entry 3 of 3: source link must be an http\(s\) URL/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readTimeline(doc)).toEqual([]);
  });

  it('skips candidates already present and duplicates within the batch', () => {
    const doc = fixtureReview();
    const { candidates } = parseTable(table, importDefaults(doc));
    applyImport(doc, candidates.slice(0, 1), importCtx('a'));
    const r = applyImport(doc, [...candidates, candidates[1]!], importCtx('b'));
    expect([r.added.length, r.alreadyPresent]).toEqual([1, 2]);
    expect(readTimeline(doc)).toHaveLength(2);
  });

  it('defaults to the review zone and the incident date in it', () => {
    expect(importDefaults(fixtureReview())).toEqual({ timeZone: 'Europe/Berlin', date: '2026-10-24' });
    expect(importDefaults(new Y.Doc())).toEqual({ timeZone: 'UTC' });
  });
});
