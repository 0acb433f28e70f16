import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readActionsModel } from './actions.ts';
import { readHumanFactors } from './humanFactors.ts';
import { readMeta } from './meta.ts';
import { migrate } from './migrate.ts';
import { readTimeline } from './readModel.ts';
import { COLLECTION_WINDOW_MS, SCHEMA_VERSION } from './schema.ts';
import { T0, canonical, concurrently, ctxFor, newReview } from './testSupport.ts';
import { readWhysTree } from './whysTree.ts';

// A document as schema v1 wrote it: tags as a plain array, no window or zone,
// whys/actions with plain strings (v1 had no operations for them).
function v1Doc(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap('meta');
    meta.set('schemaVersion', 1);
    meta.set('id', 'r1');
    meta.set('title', 'Old review');
    meta.set('status', 'collecting');
    meta.set('createdAt', T0);
    meta.set('startedAt', T0 - 1000);
    const entry = new Y.Map<unknown>();
    doc.getMap('timeline').set('e1', entry);
    entry.set('id', 'e1');
    entry.set('at', T0);
    entry.set('kind', 'alert');
    entry.set('summary', new Y.Text('alert fired'));
    entry.set('notes', new Y.XmlFragment());
    entry.set('tags', ['db', 'Paging']);
    entry.set('createdAt', T0);
    const why = new Y.Map<unknown>();
    doc.getMap('whys').set('w1', why);
    why.set('parentId', null);
    why.set('text', 'old why');
    why.set('factor', 'process');
    const action = new Y.Map<unknown>();
    doc.getMap('actions').set('a1', action);
    action.set('title', 'old action');
    action.set('factorIds', ['w1']);
  });
  return doc;
}

describe('migrate', () => {
  it('upgrades v1 to the current version and reads the same data', () => {
    const doc = v1Doc();
    expect(readTimeline(doc)[0]!.tags).toEqual(['Paging', 'db']);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    expect(migrate(doc, ctxFor('m', 'server'))).toEqual({ from: 1, to: SCHEMA_VERSION, changed: true });
    expect(origins).toContainEqual({ op: 'migrate', actor: 'server' });
    const timeline = doc.getMap<Y.Map<unknown>>('timeline');
    expect(timeline.get('e1')!.get('tags')).toBeInstanceOf(Y.Map);
    expect(readTimeline(doc)[0]).toMatchObject({ tags: ['db', 'paging'], summary: 'alert fired', kind: 'alert' });
    expect(readMeta(doc)).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      collectionEndsAt: T0 + COLLECTION_WINDOW_MS,
      timeZone: 'UTC',
      startedAt: T0 - 1000,
    });
    const why = doc.getMap<Y.Map<unknown>>('whys').get('w1')!;
    expect(why.get('text')).toBeInstanceOf(Y.Text);
    expect(readWhysTree(doc)[0]).toMatchObject({ id: 'w1', text: 'old why', factor: 'process' });
    expect(readWhysTree(doc)[0]!.order).not.toBe('');
    expect(readActionsModel(doc).items[0]).toMatchObject({ title: 'old action', factorIds: ['w1'] });
    expect(readHumanFactors(doc).every((q) => doc.getMap('humanFactors').has(q.id))).toBe(true);
  });

  it('is idempotent: a second run writes nothing', () => {
    const doc = v1Doc();
    migrate(doc);
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrate(doc)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, changed: false });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    const fresh = newReview();
    const state = Y.encodeStateAsUpdate(fresh);
    expect(migrate(fresh).changed).toBe(false);
    expect(Y.encodeStateAsUpdate(fresh)).toEqual(state);
  });

  it('leaves an empty doc and a newer doc alone', () => {
    const empty = new Y.Doc();
    expect(migrate(empty)).toEqual({ from: null, to: null, changed: false });
    expect(empty.getMap('meta').size).toBe(0);
    const newer = new Y.Doc();
    newer.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    expect(migrate(newer)).toEqual({ from: SCHEMA_VERSION + 1, to: SCHEMA_VERSION + 1, changed: false });
  });

  it('converges when two replicas migrate concurrently (the duplicate conversions collapse)', () => {
    const r = concurrently(
      v1Doc(),
      (d) => migrate(d, ctxFor('a')),
      (d) => migrate(d, ctxFor('b')),
    );
    const json = canonical(r.a);
    for (const d of [r.b, r.ab, r.ba]) expect(canonical(d)).toBe(json);
    expect(readTimeline(r.ab)[0]!.tags).toEqual(['db', 'paging']);
  });
});
