// Unit tests: per-person undo tracks this client's operations only; remote changes survive.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addEntry,
  defaultContext,
  deleteEntry,
  readTimeline,
  roots,
  setEntryKind,
  setEntryTime,
  validateTouched,
} from '@hindsight/doc';
import { createUndoManager, undoIntent, undoOrRedo } from './undo.ts';

const sync = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from), 'remote');

/** An entry I added, both of us hold, and I then deleted (an undo step of its own). */
function deletedByMe() {
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  const undo = createUndoManager(mine);
  const id = addEntry(mine, { at: 1_000, summary: 'Alert fired' }, defaultContext('Me'));
  sync(mine, theirs);
  undo.stopCapturing();
  deleteEntry(mine, id, defaultContext('Me'));
  return { mine, theirs, undo, id };
}

describe('per-person undo', () => {
  it("undoes my delete and leaves another person's later change alone", () => {
    const { mine, theirs, undo } = deletedByMe();
    addEntry(theirs, { at: 2_000, summary: 'Their entry' }, defaultContext('Them'));
    sync(theirs, mine);
    undo.undo();
    expect(readTimeline(mine).map((e) => e.summary)).toEqual(['Alert fired', 'Their entry']);
  });

  it('never undoes a change that arrived from elsewhere', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const undo = createUndoManager(mine);
    addEntry(theirs, { at: 2_000, summary: 'Their entry' }, defaultContext('Them'));
    sync(theirs, mine);
    expect(undo.canUndo()).toBe(false);
    undo.undo();
    expect(mine.getMap('timeline').size).toBe(1);
  });

  it('redoes what it undid', () => {
    const mine = new Y.Doc();
    const undo = createUndoManager(mine);
    const id = addEntry(mine, { at: 1_000, summary: 'Alert fired' }, defaultContext('Me'));
    undo.stopCapturing();
    deleteEntry(mine, id, defaultContext('Me'));
    undo.undo();
    expect(mine.getMap('timeline').has(id)).toBe(true);
    undo.redo();
    expect(mine.getMap('timeline').has(id)).toBe(false);
  });

  it('reads Ctrl/Cmd+Z and the redo keys', () => {
    const k = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
      undoIntent({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(k('z', { ctrlKey: true })).toBe('undo');
    expect(k('z', { metaKey: true })).toBe('undo');
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(k('Z', { metaKey: true, shiftKey: true })).toBe('redo');
    expect(k('y', { ctrlKey: true })).toBe('redo');
    expect(k('z')).toBeNull();
    expect(k('z', { ctrlKey: true, altKey: true })).toBeNull();
  });

  it('brings back an entry someone edited while it was deleted as a whole record the server accepts', () => {
    const { mine, theirs, undo, id } = deletedByMe();
    // At the same time, someone else moves it and changes its kind: their edits land in a deleted record.
    setEntryTime(theirs, id, 61_000, defaultContext('Them'));
    setEntryKind(theirs, id, 'action', defaultContext('Them'));
    sync(theirs, mine);
    const sent: Uint8Array[] = [];
    mine.on('update', (u: Uint8Array) => sent.push(u));
    undoOrRedo(undo, 'undo');
    // One update, and the record it brings back has every part the schema requires.
    expect(sent).toHaveLength(1);
    expect(validateTouched(mine, { root: 'timeline', key: id })).toBeNull();
    const [entry] = readTimeline(mine);
    expect(entry).toMatchObject({ id, summary: 'Alert fired', problems: [] });
    expect([1_000, 61_000]).toContain(entry!.at);
    // Redo deletes it again, and undo brings it back again.
    undoOrRedo(undo, 'redo');
    expect(roots(mine).timeline.has(id)).toBe(false);
    undoOrRedo(undo, 'undo');
    expect(validateTouched(mine, { root: 'timeline', key: id })).toBeNull();
    expect(readTimeline(mine).map((e) => e.summary)).toEqual(['Alert fired']);
  });
});
