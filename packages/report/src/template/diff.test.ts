import { describe, expect, it } from 'vitest';
import { diffTemplates } from './diff.ts';
import { BUILT_IN_TEMPLATE, type TemplateContent, reportSectionsOf } from './template.ts';

const base = BUILT_IN_TEMPLATE.content;

describe('diffTemplates', () => {
  it('finds nothing between a template and itself, listing every field', () => {
    const diff = diffTemplates(base, base);
    expect(diff.map((f) => f.field)).toEqual([
      'reportSections',
      'humanFactorsQuestions',
      'factorCategories',
      'agenda',
      'languageTerms',
    ]);
    expect(diff.every((f) => f.changes.length === 0)).toBe(true);
  });

  it('lists removed and changed items in the old order, then added ones, per field', () => {
    const next: TemplateContent = {
      ...base,
      reportSections: base.reportSections.filter((s) => s.id !== 'earlier'),
      humanFactorsQuestions: [
        { id: 'rested', prompt: 'Had the people involved slept enough?' },
        { id: 'handover', prompt: 'Was the handover clear?' },
      ],
      agenda: base.agenda.map((p) => (p.phase === 'whys' ? { ...p, minutes: 35 } : p)),
      languageTerms: [{ term: 'sloppy', suggestion: null }],
    };
    const byField = Object.fromEntries(diffTemplates(base, next).map((f) => [f.field, f.changes]));
    expect(byField.reportSections).toEqual([
      { kind: 'removed', key: 'earlier', before: 'Related earlier reviews', after: null },
    ]);
    expect(byField.humanFactorsQuestions).toEqual([
      {
        kind: 'changed',
        key: 'rested',
        before: 'Were the people involved rested?',
        after: 'Had the people involved slept enough?',
      },
      { kind: 'removed', key: 'ownership', before: 'Was ownership clear?', after: null },
      { kind: 'removed', key: 'pressure', before: 'Did anyone feel pressed to skip steps?', after: null },
      { kind: 'removed', key: 'communication', before: 'Did communication reach the right people?', after: null },
      { kind: 'added', key: 'handover', before: null, after: 'Was the handover clear?' },
    ]);
    expect(byField.agenda).toEqual([
      { kind: 'changed', key: 'whys', before: '25 min', after: '35 min' },
      { kind: 'changed', key: 'meeting length', before: '90 min', after: '100 min' },
    ]);
    expect(byField.languageTerms).toEqual([{ kind: 'added', key: 'sloppy', before: null, after: 'sloppy' }]);
  });

  it('gives the renderers a title per section and null for one the template leaves out', () => {
    const sections = reportSectionsOf({ reportSections: [{ id: 'timeline', title: 'What happened' }] });
    expect(sections.timeline).toBe('What happened');
    expect(sections.summary).toBeNull();
    expect(reportSectionsOf(null).summary).toBe('Summary and impact');
  });
});
