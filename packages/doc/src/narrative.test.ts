import { describe, expect, it } from 'vitest';
import { getNarrativeText, insertNarrativeText, narrativeRoot, readNarrative, setNarrative } from './narrative.ts';
import { markPublished, readMeta } from './meta.ts';
import { addAction, readActionsModel, updateAction } from './actions.ts';
import { concurrently, ctxFor, newReview, T0 } from './testSupport.ts';
import { canonical } from './testSupport.ts';

describe('narrative', () => {
  it('reads empty sections as empty strings and sets them with a splice', () => {
    const doc = newReview();
    expect(readNarrative(doc)).toEqual({ impact: '', wentWell: '', wentWrong: '', gotLucky: '' });
    setNarrative(doc, { section: 'wentWell', text: 'Paging worked.' }, ctxFor('n'));
    insertNarrativeText(doc, { section: 'wentWell', index: 6, text: ' quickly' }, ctxFor('n'));
    expect(readNarrative(doc).wentWell).toBe('Paging quickly worked.');
    expect(getNarrativeText(doc, 'wentWell')).toBe(doc.getText(narrativeRoot('wentWell')));
    expect(() => setNarrative(doc, { section: 'nope' as 'impact', text: 'x' }, ctxFor('n'))).toThrow(/one of/);
  });

  it('two people typing in the same section converge with both edits', () => {
    const base = newReview();
    setNarrative(base, { section: 'gotLucky', text: 'Low traffic.' }, ctxFor('b'));
    const { a, b, ab, ba } = concurrently(
      base,
      (d) => insertNarrativeText(d, { section: 'gotLucky', index: 0, text: 'Sunday: ' }, ctxFor('a')),
      (d) => insertNarrativeText(d, { section: 'gotLucky', index: 12, text: ' Cache warm.' }, ctxFor('c')),
    );
    for (const d of [a, b, ab, ba]) expect(readNarrative(d).gotLucky).toBe('Sunday: Low traffic. Cache warm.');
    expect(canonical(a)).toBe(canonical(b));
  });
});

describe('markPublished and completedAt', () => {
  it('sets status published and keeps the first publication time', () => {
    const doc = newReview();
    expect(readMeta(doc).publishedAt).toBeNull();
    markPublished(doc, { at: T0 + 1000 }, ctxFor('p'));
    markPublished(doc, { at: T0 + 5000 }, ctxFor('p'));
    expect(readMeta(doc)).toMatchObject({ status: 'published', publishedAt: T0 + 1000 });
  });

  it('stamps completedAt when an item is closed and clears it on reopening', () => {
    const doc = newReview();
    const id = addAction(doc, { title: 'Add a canary stage', owner: 'Ana' }, ctxFor('a'));
    expect(readActionsModel(doc).items[0]!.completedAt).toBeNull();
    updateAction(doc, { id, status: 'done' }, { ...ctxFor('b'), now: () => T0 + 99 });
    expect(readActionsModel(doc).items[0]!.completedAt).toBe(T0 + 99);
    updateAction(doc, { id, status: 'open' }, ctxFor('c'));
    expect(readActionsModel(doc).items[0]!.completedAt).toBeNull();
  });
});
