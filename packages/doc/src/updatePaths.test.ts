import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, insertSummaryText } from './timeline.ts';
import { setEntryTags } from './tags.ts';
import { initReview, setStatus } from './meta.ts';
import { FACILITATION_ROOT, setTimelineFrozen } from './facilitation.ts';
import { updatePaths } from './updatePaths.ts';
import { defaultContext } from './schema.ts';

const ctx = defaultContext('t');

/** A replica of `base` and the update `change` makes to it. */
function changeOf(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(replica);
  change(replica);
  return Y.encodeStateAsUpdate(replica, before);
}

function review(): { doc: Y.Doc; entry: string } {
  const doc = new Y.Doc();
  initReview(doc, { id: 'r', title: 'Paths' }, ctx);
  const entry = addEntry(doc, { at: 1, summary: 'hello' }, ctx);
  return { doc, entry };
}

const keys = (doc: Y.Doc, update: Uint8Array) =>
  updatePaths(doc, update)
    .paths.map((p) => `${p.root}/${p.key ?? ''}`)
    .sort();

describe('updatePaths', () => {
  it('places typing inside an existing entry under that entry', () => {
    const { doc, entry } = review();
    expect(
      keys(
        doc,
        changeOf(doc, (d) => insertSummaryText(d, entry, 5, ' world', ctx)),
      ),
    ).toEqual([`timeline/${entry}`]);
  });

  it('places a new entry (and its nested types) under its own id', () => {
    const { doc } = review();
    let id = '';
    const update = changeOf(doc, (d) => (id = addEntry(d, { at: 2, summary: 'new', tags: ['db'] }, ctx)));
    expect(keys(doc, update)).toEqual([`timeline/${id}`]);
  });

  it('places meta changes under their key', () => {
    const { doc } = review();
    expect(
      keys(
        doc,
        changeOf(doc, (d) => setStatus(d, 'reviewing', ctx)),
      ),
    ).toEqual(['meta/status']);
    expect(
      keys(
        doc,
        changeOf(doc, (d) => setTimelineFrozen(d, true, ctx)),
      ),
    ).toEqual([`${FACILITATION_ROOT}/frozen`, `${FACILITATION_ROOT}/frozenAt`]);
  });

  it('places deletions where the deleted content lived', () => {
    const { doc, entry } = review();
    const update = changeOf(doc, (d) => {
      const text = (d.getMap('timeline').get(entry) as Y.Map<unknown>).get('summary') as Y.Text;
      text.delete(0, 2);
    });
    expect(keys(doc, update)).toEqual([`timeline/${entry}`]);
    setEntryTags(doc, entry, ['a'], ctx);
    const untag = changeOf(doc, (d) => setEntryTags(d, entry, [], ctx));
    expect(keys(doc, untag)).toEqual([`timeline/${entry}`]);
  });

  it('ignores what the document already has, and flags changes it cannot place', () => {
    const { doc, entry } = review();
    expect(updatePaths(doc, Y.encodeStateAsUpdate(doc))).toEqual({ paths: [], unknown: false });
    // A change inside an entry the server has not seen yet (its parent arrives later).
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const hidden = addEntry(other, { at: 3 }, ctx);
    const sv = Y.encodeStateVector(other);
    insertSummaryText(other, hidden, 0, 'x', ctx);
    expect(updatePaths(doc, Y.encodeStateAsUpdate(other, sv)).unknown).toBe(true);
    expect(entry).toBeTruthy();
  });
});
