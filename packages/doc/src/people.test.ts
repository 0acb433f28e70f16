import { describe, expect, it } from 'vitest';
import { fixPseudonyms, readPeople, readPseudonyms, recordPeople } from './people.ts';
import { ctxFor, fork, newReview } from './testSupport.ts';

describe('people directory and fixed pseudonyms', () => {
  it('records people from an import, updates them by key, and refuses a bad record without writing', () => {
    const doc = newReview();
    const ctx = ctxFor('a');
    recordPeople(doc, [{ key: 'slack:U1', realName: 'Ana Kovač', handle: 'ana.k', email: 'ana@example.com' }], ctx);
    recordPeople(
      doc,
      [
        { key: 'slack:U1', realName: 'Ana Kovač', displayName: 'Ana', title: 'DBA' },
        { key: 'slack:B1', displayName: 'Alertmanager', bot: true },
      ],
      ctx,
    );
    expect(readPeople(fork(doc))).toEqual([
      { key: 'slack:B1', displayName: 'Alertmanager', bot: true },
      { key: 'slack:U1', realName: 'Ana Kovač', displayName: 'Ana', title: 'DBA' },
    ]);
    expect(() => recordPeople(doc, [{ key: 'slack:U2', realName: 'Ben' }, { key: '' }], ctx)).toThrow(/person key/);
    expect(readPeople(doc).map((p) => p.key)).toEqual(['slack:B1', 'slack:U1']);
  });

  it('fixes a pseudonym once: a later publication adds new forms and never changes one', () => {
    const doc = newReview();
    const ctx = ctxFor('a');
    expect(fixPseudonyms(doc, { 'Ana Kovač': 'Responder A', ana: 'Responder A' }, ctx)).toBe(2);
    expect(fixPseudonyms(doc, { 'ana kovač': 'Responder B', 'ben okafor': 'Responder B' }, ctx)).toBe(1);
    expect(readPseudonyms(fork(doc))).toEqual({
      'ana kovač': 'Responder A',
      ana: 'Responder A',
      'ben okafor': 'Responder B',
    });
  });
});
