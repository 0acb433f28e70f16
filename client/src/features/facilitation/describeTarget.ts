// A short description of an annotated or spotlighted record: "14:32 · Error rate alert fired", or a why's text.
import * as Y from 'yjs';
import { readEntry, roots, WhyKey, type EntryMap } from '@hindsight/doc';
import { formatClock } from '../../app/timeZone.ts';
import type { Target } from './FacilitationContext.ts';

export function describeTarget(doc: Y.Doc, target: Target, zone: string): string {
  const { timeline, whys } = roots(doc);
  if (target.kind === 'entry') {
    const entry = timeline.get(target.id);
    if (!(entry instanceof Y.Map)) return 'a deleted entry';
    const view = readEntry(entry as EntryMap);
    return `${formatClock(view.at, zone)} · ${view.summary || 'untitled entry'}`;
  }
  const node = whys.get(target.id);
  if (!(node instanceof Y.Map)) return 'a deleted why';
  const text = node.get(WhyKey.text);
  return `Why: ${(text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '') || 'untitled'}`;
}
