// The review's annotations, re-read whenever any of them (or the records they point at) change.
import { useCallback } from 'react';
import { readAnnotations, roots, type AnnotationView } from '@hindsight/doc';
import type * as Y from 'yjs';
import { useYRead } from '../../sync/useY.ts';

export function useAnnotations(doc: Y.Doc): AnnotationView[] {
  return useYRead(
    roots(doc).annotations,
    useCallback(() => readAnnotations(doc), [doc]),
  );
}

/** Open annotations per target id. */
export function countOpen(annotations: readonly AnnotationView[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of annotations) if (!a.resolved) counts.set(a.target.id, (counts.get(a.target.id) ?? 0) + 1);
  return counts;
}
