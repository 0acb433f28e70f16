import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { replaceText } from './textEdit.ts';
import { isIsoDate, isTimeZone, normaliseTags } from './validate.ts';

describe('replaceText', () => {
  it('splices only the differing span, so a concurrent insert elsewhere survives', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'the deploy failed');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.transact(() => replaceText(a.getText('t'), 'the canary deploy failed'));
    b.getText('t').insert('the deploy failed'.length, ' at 14:02');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe('the canary deploy failed at 14:02');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });

  it('handles empty, equal and fully different values', () => {
    const t = new Y.Doc().getText('t');
    replaceText(t, 'abc');
    replaceText(t, 'abc');
    expect(t.toString()).toBe('abc');
    replaceText(t, 'xyz');
    expect(t.toString()).toBe('xyz');
    replaceText(t, '');
    expect(t.toString()).toBe('');
  });
});

describe('validators', () => {
  it('dates, time zones and tags', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Nowhere/Land')).toBe(false);
    expect(normaliseTags([' DB', 'db', '', 'x'.repeat(41), 'api'])).toEqual(['api', 'db']);
  });
});
