// Concurrent edits of every kind converge: two replicas edit from the same
// state, exchange updates in both orders, and end byte-for-byte equal in
// content (canonical JSON) with read models that show every record.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAction, readActionsModel, updateAction } from './actions.ts';
import { addAnnotation, readAnnotations, setAnnotationResolved, setAnnotationText } from './annotations.ts';
import { insertAnswerText, readHumanFactors } from './humanFactors.ts';
import { readTimeline } from './readModel.ts';
import { addEntryTag, removeEntryTag, setEntryTags } from './tags.ts';
import { T0, canonical, concurrently, ctxFor, exchange, newReview } from './testSupport.ts';
import { addEntry, ensureEntryNotes, insertSummaryText, setEntryStarred, setEntryTime } from './timeline.ts';
import { keepNotesIfCreationLoses } from './notesRace.ts';
import type { OpContext } from './schema.ts';
import { addWhy, deleteWhy, moveWhy, setWhyText } from './whys.ts';
import { flattenWhys, readWhysTree } from './whysTree.ts';

const A = ctxFor('a', 'Ana');
const B = ctxFor('b', 'Ben');

function expectConverged(r: { a: Y.Doc; b: Y.Doc; ab: Y.Doc; ba: Y.Doc }): string {
  const json = canonical(r.a);
  expect(canonical(r.b)).toBe(json);
  expect(canonical(r.ab)).toBe(json);
  expect(canonical(r.ba)).toBe(json);
  return json;
}

function treeShape(doc: Y.Doc): string[] {
  return flattenWhys(readWhysTree(doc)).map((v) => `${v.id}<${v.parentId ?? 'root'}`);
}

describe('concurrent edits converge in both orders', () => {
  it('same-minute inserts: both entries kept, same order everywhere (time, creation, id)', () => {
    const base = newReview();
    const minute = T0 + 5 * 60_000;
    const r = concurrently(
      base,
      (d) => addEntry(d, { at: minute, summary: 'alert fired' }, ctxFor('a')),
      (d) => addEntry(d, { at: minute, summary: 'pager acknowledged' }, ctxFor('b')),
    );
    expectConverged(r);
    for (const d of [r.a, r.b, r.ab, r.ba]) {
      expect(readTimeline(d).map((e) => e.summary)).toEqual(['alert fired', 'pager acknowledged']);
    }
  });

  it('typing into the same entry summary keeps every keystroke', () => {
    const base = newReview();
    const id = addEntry(base, { at: T0, summary: 'db failover' }, ctxFor('s'));
    const r = concurrently(
      base,
      (d) => {
        insertSummaryText(d, id, 0, 'Primary ', A);
        insertSummaryText(d, id, 'Primary db failover'.length, ' started', A);
      },
      (d) => insertSummaryText(d, id, 'db failover'.length, ' (manual)', B),
    );
    expectConverged(r);
    const summary = readTimeline(r.a)[0]!.summary;
    for (const part of ['Primary ', ' started', ' (manual)', 'db failover']) expect(summary).toContain(part);
  });

  it('tag add vs remove: independent tags both apply, re-add of a removed tag wins', () => {
    const base = newReview();
    const id = addEntry(base, { at: T0, tags: ['db', 'network'] }, ctxFor('s'));
    const r = concurrently(
      base,
      (d) => {
        removeEntryTag(d, { id, tag: 'db' }, A);
        addEntryTag(d, { id, tag: 'paging' }, A);
      },
      (d) => {
        setEntryTags(d, id, ['db', 'network', 'customer-impact'], B);
        removeEntryTag(d, { id, tag: 'network' }, B);
        addEntryTag(d, { id, tag: 'db' }, B);
      },
    );
    expectConverged(r);
    // B re-set 'db' (a new set entry) concurrently with A's delete: the add wins.
    expect(readTimeline(r.a)[0]!.tags).toEqual(['customer-impact', 'db', 'paging']);
  });

  it('first tags of an untagged entry added at once: the replicas converge on one of the two sets', () => {
    const base = newReview();
    const id = addEntry(base, { at: T0 }, ctxFor('s'));
    const r = concurrently(
      base,
      (d) => addEntryTag(d, { id, tag: 'db' }, A),
      (d) => addEntryTag(d, { id, tag: 'paging' }, B),
    );
    expectConverged(r);
    // Schema v3 creates the set with its first tag (docs/document.md): one creation wins.
    const tags = readTimeline(r.a)[0]!.tags;
    expect([['db'], ['paging']]).toContainEqual(tags);
    for (const d of [r.b, r.ab, r.ba]) expect(readTimeline(d)[0]!.tags).toEqual(tags);
  });

  it('notes started on one entry at once: the replica whose fragment lost copies its text into the winner', () => {
    const base = newReview();
    const id = addEntry(base, { at: T0 }, ctxFor('s'));
    // Deleted items kept in memory (as an editor's undo manager keeps them), so that a
    // character typed and deleted before the race is there to be wrongly revived.
    const replica = (): Y.Doc => {
      const d = new Y.Doc({ gc: false });
      Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
      return d;
    };
    const a = replica();
    const b = replica();
    const write = (d: Y.Doc, ctx: OpContext, text: string): void => {
      const notes = ensureEntryNotes(d, id, ctx);
      keepNotesIfCreationLoses(d, id, notes, ctx);
      const line = new Y.XmlText();
      d.transact(() => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [line]);
        notes.insert(0, [paragraph]);
      });
      d.transact(() => line.insert(0, `x${text}`));
      d.transact(() => line.delete(0, 1));
    };
    write(a, A, 'Alert routed to the old rota.');
    write(b, B, 'Pager app was muted overnight.');
    exchange(a, b);
    exchange(a, b);
    expect(canonical(b)).toBe(canonical(a));
    const notes = readTimeline(a)[0]!.notes.split('\n').sort();
    expect(notes).toEqual(['Alert routed to the old rota.', 'Pager app was muted overnight.']);
  });

  it('concurrent time change and starring of one entry both apply', () => {
    const base = newReview();
    const id = addEntry(base, { at: T0 }, ctxFor('s'));
    const r = concurrently(
      base,
      (d) => setEntryTime(d, id, T0 + 60_000, A),
      (d) => setEntryStarred(d, { id, starred: true }, B),
    );
    expectConverged(r);
    expect(readTimeline(r.ab)[0]).toMatchObject({ at: T0 + 60_000, starred: true });
  });

  it('move vs delete of the new parent: the moved node survives as an orphan under the root', () => {
    const base = newReview();
    const s = ctxFor('s');
    const x = addWhy(base, { text: 'deploy was not canaried' }, s);
    const y = addWhy(base, { text: 'alert threshold too high' }, s);
    const child = addWhy(base, { parentId: y, text: 'threshold copied from staging' }, s);
    const r = concurrently(
      base,
      (d) => moveWhy(d, { id: x, parentId: y }, A),
      (d) => deleteWhy(d, y, B),
    );
    expectConverged(r);
    for (const d of [r.a, r.b, r.ab, r.ba]) {
      const nodes = flattenWhys(readWhysTree(d));
      expect(nodes.map((v) => v.id)).toEqual([x]);
      expect(nodes[0]).toMatchObject({ parentId: null, storedParentId: y, detached: 'orphan' });
    }
    expect(r.a.getMap('whys').has(child)).toBe(false);
  });

  it('move vs delete of the moved node, and adding under a node being deleted', () => {
    const base = newReview();
    const s = ctxFor('s');
    const x = addWhy(base, { text: 'x' }, s);
    const y = addWhy(base, { text: 'y' }, s);
    const r = concurrently(
      base,
      (d) => {
        moveWhy(d, { id: x, parentId: y }, A);
        addWhy(d, { parentId: y, text: 'added under y' }, A);
      },
      (d) => {
        deleteWhy(d, x, B);
        deleteWhy(d, y, B);
      },
    );
    expectConverged(r);
    const nodes = flattenWhys(readWhysTree(r.a));
    expect(nodes.map((v) => [v.text, v.parentId, v.detached])).toEqual([['added under y', null, 'orphan']]);
  });

  it('concurrent moves forming a cycle still show every node exactly once, identically', () => {
    const base = newReview();
    const s = ctxFor('s');
    const x = addWhy(base, { text: 'x' }, s);
    const y = addWhy(base, { text: 'y' }, s);
    const xc = addWhy(base, { parentId: x, text: 'under x' }, s);
    const r = concurrently(
      base,
      (d) => moveWhy(d, { id: x, parentId: y }, A),
      (d) => moveWhy(d, { id: y, parentId: x }, B),
    );
    expectConverged(r);
    const shapes = [r.a, r.b, r.ab, r.ba].map(treeShape);
    for (const shape of shapes) expect(shape).toEqual(shapes[0]);
    const nodes = flattenWhys(readWhysTree(r.a));
    expect(nodes.map((v) => v.id).sort()).toEqual([x, xc, y].sort());
    // x < y: x (the smallest id in the cycle) is lifted to the root, y stays under it.
    expect(nodes.find((v) => v.id === x)).toMatchObject({ parentId: null, detached: 'cycle' });
    expect(nodes.find((v) => v.id === y)).toMatchObject({ parentId: x, detached: null });
  });

  it('concurrent inserts at the same sibling position keep both, ordered by id', () => {
    const base = newReview();
    const s = ctxFor('s');
    const first = addWhy(base, { text: 'first' }, s);
    const last = addWhy(base, { text: 'last' }, s);
    const r = concurrently(
      base,
      (d) => addWhy(d, { index: 1, text: 'from a' }, A),
      (d) => addWhy(d, { index: 1, text: 'from b' }, B),
    );
    expectConverged(r);
    const nodes = readWhysTree(r.ba);
    expect(nodes.map((v) => v.text)).toEqual(['first', 'from a', 'from b', 'last']);
    expect([nodes[0]!.id, nodes[3]!.id]).toEqual([first, last]);
  });

  it('concurrent edits of one action keep every field edit; the same field converges', () => {
    const base = newReview();
    const id = addAction(base, { title: 'Add canary stage' }, ctxFor('s'));
    const r = concurrently(
      base,
      (d) => {
        updateAction(d, { id, owner: 'Ana', due: '2026-03-15', title: 'Add canary stage to deploys' }, A);
        updateAction(d, { id, status: 'in_progress' }, A);
      },
      (d) => {
        updateAction(d, { id, impact: 'high', effort: 'low', title: 'Add a canary stage' }, B);
        updateAction(d, { id, status: 'done' }, B);
      },
    );
    expectConverged(r);
    const item = readActionsModel(r.a).items[0]!;
    expect(item).toMatchObject({ owner: 'Ana', due: '2026-03-15', impact: 'high', effort: 'low', priority: 'P1' });
    expect(['in_progress', 'done']).toContain(item.status);
    // Both title edits merged as text splices, not overwritten.
    expect(item.title).toContain('a canary stage');
    expect(item.title).toContain('to deploys');
  });

  it('human-factors answers and annotations typed concurrently merge', () => {
    const base = newReview();
    const entry = addEntry(base, { at: T0 }, ctxFor('s'));
    const note = addAnnotation(base, { target: { type: 'entry', id: entry }, kind: 'delay' }, ctxFor('s'));
    const r = concurrently(
      base,
      (d) => {
        insertAnswerText(d, { id: 'rested', index: 0, text: 'On-call had slept 4h.' }, A);
        setAnnotationText(d, { id: note, text: '12 minutes from alert to ack' }, A);
      },
      (d) => {
        insertAnswerText(d, { id: 'rested', index: 0, text: 'Second shift started early. ' }, B);
        setAnnotationResolved(d, { id: note, resolved: true }, B);
      },
    );
    expectConverged(r);
    const answer = readHumanFactors(r.a).find((q) => q.id === 'rested')!.answer;
    expect(answer).toContain('On-call had slept 4h.');
    expect(answer).toContain('Second shift started early. ');
    expect(readAnnotations(r.a)[0]).toMatchObject({ text: '12 minutes from alert to ack', resolved: true });
  });

  it('concurrent edits of one why text merge', () => {
    const base = newReview();
    const id = addWhy(base, { text: 'cache stampede' }, ctxFor('s'));
    const r = concurrently(
      base,
      (d) => setWhyText(d, { id, text: 'cache stampede after restart' }, A),
      (d) => setWhyText(d, { id, text: 'Redis cache stampede' }, B),
    );
    expectConverged(r);
    expect(readWhysTree(r.a)[0]!.text).toBe('Redis cache stampede after restart');
  });
});
