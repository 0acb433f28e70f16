import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAction } from './actions.ts';
import { setAnswer } from './humanFactors.ts';
import { T0, ctxFor, fork, newReview } from './testSupport.ts';
import { addEntry, setEntrySummary } from './timeline.ts';
import { addWhy } from './whys.ts';
import { unsavedChanges } from './unsaved.ts';

describe('unsavedChanges', () => {
  it('lists what the local copy added or changed that the server copy lacks', () => {
    const server = newReview();
    const kept = addEntry(server, { at: T0, summary: 'Alert fired' }, ctxFor('s'));
    const local = fork(server);
    const c = ctxFor('l');
    const added = addEntry(local, { at: T0 + 60_000, summary: 'DB failover started', notes: 'by hand' }, c);
    setEntrySummary(local, { id: kept, text: 'Alert fired (p99)' }, c);
    const why = addWhy(local, { text: 'No runbook' }, c);
    const action = addAction(local, { title: 'Write the runbook' }, c);
    setAnswer(local, { id: 'rested', text: 'Mostly' }, c);
    expect(unsavedChanges(local, server)).toEqual([
      { what: 'entry', id: kept, change: 'changed', label: 'Alert fired (p99)', text: 'Alert fired (p99)' },
      { what: 'entry', id: added, change: 'added', label: 'DB failover started', text: 'DB failover started\nby hand' },
      { what: 'why', id: why, change: 'added', label: 'No runbook', text: 'No runbook' },
      { what: 'action item', id: action, change: 'added', label: 'Write the runbook', text: 'Write the runbook' },
      { what: 'answer', id: 'rested', change: 'changed', label: expect.any(String), text: 'Mostly' },
    ]);
  });

  it('is empty when both copies hold the same, and tolerates odd records', () => {
    const server = newReview();
    server.getMap('timeline').set('odd', new Y.Map());
    const local = fork(server);
    expect(unsavedChanges(local, server)).toEqual([]);
    expect(unsavedChanges(local, new Y.Doc())).toHaveLength(1);
  });
});
