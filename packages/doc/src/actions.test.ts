import { describe, expect, it } from 'vitest';
import {
  OPEN_ACTIONS_LIMIT,
  addAction,
  deleteAction,
  factorsWithoutAction,
  getActionTitle,
  linkActionFactor,
  priorityOf,
  readActionsModel,
  unlinkActionFactor,
  updateAction,
} from './actions.ts';
import { ctxFor, newReview } from './testSupport.ts';
import { addWhy, deleteWhy } from './whys.ts';

const c = ctxFor('x', 'Fay');

describe('action items', () => {
  it('adds with every field and derives the priority', () => {
    const doc = newReview();
    const factor = addWhy(doc, { text: 'no canary', factor: 'process' }, c);
    const id = addAction(
      doc,
      {
        title: 'Add a canary stage',
        owner: ' Ana ',
        due: '2026-03-15',
        impact: 'high',
        effort: 'medium',
        factorIds: [factor],
        link: 'https://tracker.example/OPS-1',
      },
      c,
    );
    expect(readActionsModel(doc).items).toEqual([
      {
        id,
        title: 'Add a canary stage',
        owner: 'Ana',
        due: '2026-03-15',
        impact: 'high',
        effort: 'medium',
        priority: 'P1',
        status: 'open',
        factorIds: [factor],
        link: 'https://tracker.example/OPS-1',
        linkHref: 'https://tracker.example/OPS-1',
        completedAt: null,
        createdAt: expect.any(Number),
        createdBy: 'Fay',
      },
    ]);
    expect(getActionTitle(doc, id).toString()).toBe('Add a canary stage');
  });

  it('priority matrix: high impact + low effort first; unset while either is missing', () => {
    expect(priorityOf('high', 'low')).toBe('P1');
    expect(priorityOf('high', 'high')).toBe('P2');
    expect(priorityOf('medium', 'high')).toBe('P3');
    expect(priorityOf('low', 'high')).toBe('P4');
    expect(priorityOf(null, 'low')).toBeNull();
  });

  it('updates only the given fields, clears with null, validates first', () => {
    const doc = newReview();
    const id = addAction(doc, { title: 'Rotate keys', owner: 'Ben', due: '2026-04-01' }, c);
    updateAction(doc, { id, status: 'in_progress', owner: null, title: 'Rotate API keys' }, c);
    expect(readActionsModel(doc).items[0]).toMatchObject({
      title: 'Rotate API keys',
      owner: null,
      due: '2026-04-01',
      status: 'in_progress',
    });
    expect(() => updateAction(doc, { id, due: '2026-02-30' }, c)).toThrow(/YYYY-MM-DD/);
    expect(() => updateAction(doc, { id, impact: 'huge' as never }, c)).toThrow(/impact/);
    expect(() => updateAction(doc, { id, status: 'blocked' as never }, c)).toThrow(/status/);
    expect(() => updateAction(doc, { id, link: 'ftp://x' }, c)).toThrow(/URL/);
    expect(() => updateAction(doc, { id: 'nope', owner: 'x' }, c)).toThrow(/no action item/);
    expect(readActionsModel(doc).items[0]!.due).toBe('2026-04-01');
  });

  it('counts open items, warns past the limit, sorts by priority then due date', () => {
    const doc = newReview();
    for (let n = 0; n < OPEN_ACTIONS_LIMIT; n++) addAction(doc, { title: `item ${n}` }, c);
    expect(readActionsModel(doc)).toMatchObject({ openCount: 5, overLimit: false });
    const done = addAction(doc, { title: 'done one', status: 'done', impact: 'high', effort: 'low' }, c);
    expect(readActionsModel(doc)).toMatchObject({ openCount: 5, overLimit: false });
    updateAction(doc, { id: done, status: 'open' }, c);
    const model = readActionsModel(doc);
    expect(model).toMatchObject({ openCount: 6, overLimit: true });
    expect(model.items[0]!.id).toBe(done);
    addAction(doc, { title: 'due soon', due: '2026-01-02' }, c);
    expect(readActionsModel(doc).items[1]!.title).toBe('due soon');
  });

  it('links factors, and tells which factor nodes have no action', () => {
    const doc = newReview();
    const f1 = addWhy(doc, { text: 'f1', factor: 'technology' }, c);
    const f2 = addWhy(doc, { text: 'f2', factor: 'people' }, c);
    addWhy(doc, { text: 'not a factor' }, c);
    expect(factorsWithoutAction(doc)).toEqual([f1, f2]);
    const id = addAction(doc, { title: 'fix' }, c);
    linkActionFactor(doc, { id, nodeId: f1 }, c);
    expect(factorsWithoutAction(doc)).toEqual([f2]);
    updateAction(doc, { id, status: 'wont_do' }, c);
    expect(factorsWithoutAction(doc)).toEqual([f1, f2]);
    updateAction(doc, { id, status: 'done' }, c);
    unlinkActionFactor(doc, { id, nodeId: f1 }, c);
    expect(factorsWithoutAction(doc)).toEqual([f1, f2]);
    linkActionFactor(doc, { id, nodeId: f2 }, c);
    deleteWhy(doc, f2, c);
    expect(readActionsModel(doc).items[0]!.factorIds).toEqual([]);
    expect(() => linkActionFactor(doc, { id, nodeId: 'nope' }, c)).toThrow(/no whys node/);
    deleteAction(doc, id, c);
    expect(readActionsModel(doc).items).toEqual([]);
  });
});
