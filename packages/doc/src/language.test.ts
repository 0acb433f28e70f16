import { describe, expect, it } from 'vitest';
import {
  addLanguageTerm,
  dismissFinding,
  readDismissals,
  readLanguageTerms,
  removeLanguageTerm,
  restoreFinding,
} from './language.ts';
import {
  addRedaction,
  linkEarlierReview,
  readEarlierReviews,
  readRedactions,
  removeRedaction,
  unlinkEarlierReview,
} from './publishing.ts';
import { T0, concurrently, ctxFor, newReview } from './testSupport.ts';

describe('language settings', () => {
  it('dismisses a finding with a reason and restores it', () => {
    const doc = newReview();
    dismissFinding(
      doc,
      { key: 'entry:e1:summary|failed-to|failed to', rule: 'failed-to', match: 'failed to', reason: 'quote from chat' },
      ctxFor('d', 'Fay'),
    );
    expect(readDismissals(doc)).toEqual([
      {
        key: 'entry:e1:summary|failed-to|failed to',
        rule: 'failed-to',
        match: 'failed to',
        reason: 'quote from chat',
        by: 'Fay',
        at: T0,
      },
    ]);
    expect(() => dismissFinding(doc, { key: 'k', rule: 'r', match: 'm', reason: ' ' }, ctxFor('d'))).toThrow(/reason/);
    restoreFinding(doc, 'entry:e1:summary|failed-to|failed to', ctxFor('d'));
    expect(readDismissals(doc)).toEqual([]);
  });

  it('adds and removes review terms, lower-cased', () => {
    const doc = newReview();
    addLanguageTerm(doc, { term: ' Cowboy ', suggestion: 'describe the change process' }, ctxFor('t'));
    addLanguageTerm(doc, { term: 'yolo' }, ctxFor('t'));
    expect(readLanguageTerms(doc).map((t) => [t.term, t.suggestion])).toEqual([
      ['cowboy', 'describe the change process'],
      ['yolo', null],
    ]);
    removeLanguageTerm(doc, 'COWBOY', ctxFor('t'));
    expect(readLanguageTerms(doc).map((t) => t.term)).toEqual(['yolo']);
  });

  it('concurrent dismissals of the same finding converge to one record', () => {
    const base = newReview();
    const input = { key: 'k1', rule: 'blame', match: 'blame' };
    const { a, b, ab, ba } = concurrently(
      base,
      (d) => dismissFinding(d, { ...input, reason: 'quoted' }, ctxFor('a')),
      (d) => dismissFinding(d, { ...input, reason: 'ok here' }, ctxFor('b')),
    );
    const reasons = [a, b, ab, ba].map((d) => readDismissals(d).map((x) => x.reason));
    expect(new Set(reasons.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(reasons[0]).toHaveLength(1);
  });
});

describe('publishing settings', () => {
  it('keeps redactions by term and earlier review links', () => {
    const doc = newReview();
    addRedaction(doc, { term: 'Project Falcon', kind: 'term' }, ctxFor('r'));
    addRedaction(doc, { term: 'Dana Smith', kind: 'name', role: 'Responder' }, ctxFor('r'));
    expect(readRedactions(doc).map((r) => [r.term, r.kind, r.role])).toEqual([
      ['Dana Smith', 'name', 'responder'],
      ['Project Falcon', 'term', null],
    ]);
    removeRedaction(doc, 'project falcon', ctxFor('r'));
    expect(readRedactions(doc)).toHaveLength(1);
    expect(() => addRedaction(doc, { term: 'x', kind: 'other' as 'term' }, ctxFor('r'))).toThrow(/one of/);

    linkEarlierReview(doc, { reviewId: 'rev-old', title: 'DNS outage' }, ctxFor('l'));
    expect(readEarlierReviews(doc)).toEqual([{ reviewId: 'rev-old', title: 'DNS outage', by: 'l', at: T0 }]);
    unlinkEarlierReview(doc, 'rev-old', ctxFor('l'));
    expect(readEarlierReviews(doc)).toEqual([]);
  });
});
