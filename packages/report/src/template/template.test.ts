import { describe, expect, it } from 'vitest';
import { diffTemplates } from './diff.ts';
import { BUILT_IN_TEMPLATE, amendedSectionTitle, phaseTitles, reportSectionsOf } from './template.ts';

describe('phaseTitles', () => {
  it('takes the template’s names and the built-in name where a phase has none', () => {
    const agenda = BUILT_IN_TEMPLATE.content.agenda.map((p) =>
      p.phase === 'timeline' ? { ...p, title: 'Walk the timeline' } : { phase: p.phase, minutes: p.minutes },
    );
    expect(phaseTitles({ agenda })).toEqual({
      overview: 'Overview',
      timeline: 'Walk the timeline',
      whys: 'Whys',
      factors: 'Contributing factors',
      actions: 'Action items',
    });
  });
  it('shows a renamed phase in the diff between versions', () => {
    const to = {
      ...BUILT_IN_TEMPLATE.content,
      agenda: BUILT_IN_TEMPLATE.content.agenda.map((p) => (p.phase === 'whys' ? { ...p, title: 'Five whys' } : p)),
    };
    expect(diffTemplates(BUILT_IN_TEMPLATE.content, to).find((f) => f.field === 'agenda')!.changes).toEqual([
      { kind: 'changed', key: 'whys name', before: 'Whys', after: 'Five whys' },
    ]);
  });
});

describe('amendedSectionTitle', () => {
  const sections = reportSectionsOf({
    reportSections: [
      { id: 'summary', title: 'What happened' },
      { id: 'wentWell', title: 'Strengths' },
      { id: 'actions', title: 'What we will change' },
    ],
  });
  it('names an amended part by the template’s titles', () => {
    expect(amendedSectionTitle('actions', sections)).toBe('What we will change');
    expect(amendedSectionTitle('impact', sections)).toBe('What happened');
  });
  it('keeps the built-in title for a section the template leaves out, and an unknown part as it is', () => {
    expect(amendedSectionTitle('narrative', sections)).toBe('Strengths / What went wrong / Where we got lucky');
    expect(amendedSectionTitle('whys', sections)).toBe('Why it happened');
    expect(amendedSectionTitle('appendix', sections)).toBe('appendix');
  });
});
