import { describe, expect, it } from 'vitest';
import {
  addAnnotation,
  deleteAnnotation,
  getAnnotationText,
  readAnnotations,
  setAnnotationKind,
  setAnnotationResolved,
  setAnnotationText,
} from './annotations.ts';
import { T0, ctxFor, newReview } from './testSupport.ts';
import { addEntry, deleteEntry } from './timeline.ts';
import { addWhy } from './whys.ts';

describe('annotations', () => {
  it('annotate entries and whys nodes; edit, resolve, filter, delete', () => {
    const doc = newReview();
    const c = {
      ...ctxFor('n', 'Fay'),
      now: (() => {
        let t = T0;
        return () => (t += 1000);
      })(),
    };
    const entry = addEntry(doc, { at: T0 }, c);
    const why = addWhy(doc, { text: 'w' }, c);
    const a1 = addAnnotation(doc, { target: { type: 'entry', id: entry }, kind: 'delay', text: '12 min to ack' }, c);
    const a2 = addAnnotation(doc, { target: { type: 'why', id: why }, kind: 'comment' }, c);
    expect(readAnnotations(doc)).toEqual([
      {
        id: a1,
        target: { type: 'entry', id: entry },
        targetExists: true,
        kind: 'delay',
        text: '12 min to ack',
        author: 'Fay',
        at: expect.any(Number),
        resolved: false,
      },
      expect.objectContaining({ id: a2, target: { type: 'why', id: why }, kind: 'comment' }),
    ]);
    setAnnotationText(doc, { id: a2, text: 'is this supported?' }, c);
    setAnnotationKind(doc, { id: a2, kind: 'missing_information' }, c);
    setAnnotationResolved(doc, { id: a2, resolved: true }, c);
    expect(getAnnotationText(doc, a2).toString()).toBe('is this supported?');
    expect(readAnnotations(doc, { targetId: why })).toEqual([
      expect.objectContaining({ kind: 'missing_information', resolved: true }),
    ]);
    deleteEntry(doc, entry, c);
    expect(readAnnotations(doc, { targetId: entry })[0]!.targetExists).toBe(false);
    deleteAnnotation(doc, a1, c);
    expect(readAnnotations(doc).map((a) => a.id)).toEqual([a2]);
  });

  it('keeps open questions (the parking lot) as their own kind, resolvable', () => {
    const doc = newReview();
    const c = ctxFor('q');
    const entry = addEntry(doc, { at: T0 }, c);
    const q = addAnnotation(
      doc,
      { target: { type: 'entry', id: entry }, kind: 'question', text: 'Who owns the pager rota?' },
      c,
    );
    expect(readAnnotations(doc)).toEqual([expect.objectContaining({ id: q, kind: 'question', resolved: false })]);
    setAnnotationResolved(doc, { id: q, resolved: true }, c);
    expect(readAnnotations(doc)[0]).toMatchObject({
      kind: 'question',
      resolved: true,
      text: 'Who owns the pager rota?',
    });
  });

  it('rejects unknown targets and kinds', () => {
    const doc = newReview();
    const c = ctxFor('n');
    expect(() => addAnnotation(doc, { target: { type: 'entry', id: 'nope' }, kind: 'delay' }, c)).toThrow(/no entry/);
    const entry = addEntry(doc, { at: T0 }, c);
    expect(() => addAnnotation(doc, { target: { type: 'entry', id: entry }, kind: 'rant' as never }, c)).toThrow(
      /kind/,
    );
    expect(() => addAnnotation(doc, { target: { type: 'report' as never, id: entry }, kind: 'delay' }, c)).toThrow(
      /target/,
    );
  });
});
