// Where in the review a checklist finding is, in words a facilitator recognises.
import * as Y from 'yjs';
import { roots } from '@hindsight/doc';
import type { TextTarget } from '@hindsight/report';
import { formatClock, viewerZone } from '../../app/timeZone.ts';

const NARRATIVE: Record<string, string> = {
  impact: 'Impact',
  wentWell: 'What went well',
  wentWrong: 'What went wrong',
  gotLucky: 'Where we got lucky',
};

function entryClock(doc: Y.Doc, id: string): string {
  const entry = roots(doc).timeline.get(id);
  const at = entry instanceof Y.Map ? entry.get('at') : undefined;
  return typeof at === 'number' ? formatClock(at, viewerZone()) : '';
}

export function targetLabel(doc: Y.Doc, target: TextTarget): string {
  switch (target.type) {
    case 'entry-summary':
      return `Timeline ${entryClock(doc, target.id)}: what happened`.replace('  ', ' ');
    case 'entry-notes':
      return `Timeline ${entryClock(doc, target.id)}: notes`.replace('  ', ' ');
    case 'why':
      return 'Whys';
    case 'answer':
      return 'Human factors';
    case 'annotation':
      return 'Annotation';
    case 'narrative':
      return NARRATIVE[target.id] ?? 'Narrative';
    case 'report':
      return 'Summary';
    case 'action':
      return 'Action item';
  }
}
