// Blameless language in a rich-text note: the options for the editor's underlines and the flag beside the note.
import { useMemo } from 'react';
import type { BlamelessDecorationsOptions } from '../../editor/blamelessDecorations.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { FindingsMarker } from './FindingsMarker.tsx';
import { languageStore } from './languageStore.ts';
import { findingsIn, useFindings } from './useFindings.ts';
import './language.css';

/** Options for NotesEditor's `blameless` prop: checks each paragraph live against the review's settings. */
export function useBlamelessOptions(textId: string): BlamelessDecorationsOptions {
  const { sync } = useReview();
  // The store is made on the first check, not with the row: making it scans the whole review for names.
  return useMemo(
    () => ({
      check: (text: string) => findingsIn(text, textId, languageStore(sync.doc).get()),
      subscribe: (listener: () => void) => languageStore(sync.doc).subscribe(listener),
    }),
    [sync.doc, textId],
  );
}

/** The keyboard-reachable flag for a note's findings (nothing when there are none). */
export function NotesLanguage({ textId, text }: { textId: string; text: string }) {
  const { canWrite } = useReview();
  const findings = useFindings(textId, text);
  if (findings.length === 0) return null;
  return <FindingsMarker findings={findings} canDismiss={canWrite} />;
}
