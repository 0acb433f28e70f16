// The timeline read model, re-read only when entries are added, removed, moved or re-tagged (not on keystrokes).
import { useCallback } from 'react';
import { readTimeline, roots, type EntryView } from '@hindsight/doc';
import type * as Y from 'yjs';
import { useYRead, type YEvents } from '../../sync/useY.ts';

/** Keystrokes inside a summary or notes are drawn by the row itself; only record-level changes re-sort. */
const structural = (events: YEvents): boolean => events.some((e) => e.path.length <= 1 || e.path[1] === 'tags');

export function useTimeline(doc: Y.Doc): EntryView[] {
  return useYRead(
    roots(doc).timeline,
    useCallback(() => readTimeline(doc), [doc]),
    structural,
  );
}
