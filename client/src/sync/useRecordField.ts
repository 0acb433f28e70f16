// The live value of one field of one record (e.g. an entry's `notes`), whatever type it holds:
// records written by other clients may lack a field or hold another type there (SPEC 3.4).
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { findRecord, roots, type RecordRoot } from '@hindsight/doc';

/**
 * What record `id` of `root` stores at `key` (undefined when absent), re-read when that key is
 * set or deleted, or the record itself replaced. Changes inside the value (typing into a Y.Text)
 * do not re-render: bind the Y type itself for that.
 */
export function useRecordField(doc: Y.Doc, root: RecordRoot, id: string, key: string): unknown {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const map = roots(doc)[root] as Y.Map<unknown>;
      let record = findRecord(doc, root, id);
      const onRecord = (event: Y.YMapEvent<unknown>): void => {
        if (event.keysChanged.has(key)) onChange();
      };
      const onRoot = (event: Y.YMapEvent<unknown>): void => {
        if (!event.keysChanged.has(id)) return;
        record?.unobserve(onRecord);
        record = findRecord(doc, root, id);
        record?.observe(onRecord);
        onChange();
      };
      record?.observe(onRecord);
      map.observe(onRoot);
      return () => {
        record?.unobserve(onRecord);
        map.unobserve(onRoot);
      };
    },
    [doc, root, id, key],
  );
  return useSyncExternalStore(subscribe, () => findRecord(doc, root, id)?.get(key));
}
