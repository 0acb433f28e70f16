// An entry's notes: a live plain-text preview, swapped for the Tiptap editor while someone edits it.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { fragmentText, getEntryNotes } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';

const NotesEditor = lazy(() => import('../../editor/NotesEditor.tsx').then((m) => ({ default: m.NotesEditor })));

export interface NotesCellProps {
  entryId: string;
  /** Someone else is editing this entry: mount the editor to show their caret. */
  othersEditing: boolean;
}

export function NotesCell({ entryId, othersEditing }: NotesCellProps) {
  const { sync, canWrite, name } = useReview();
  const fragment = useMemo(() => getEntryNotes(sync.doc, entryId), [sync.doc, entryId]);
  const text = useYRead(
    fragment,
    useCallback(() => fragmentText(fragment), [fragment]),
  );
  const [active, setActive] = useState(false);
  const [autoFocus, setAutoFocus] = useState(false);
  const mounted = active || (othersEditing && canWrite);

  const preview = (
    <div
      className={`tl-notes-preview${text ? '' : ' empty'}`}
      {...(canWrite
        ? {
            role: 'button',
            tabIndex: 0,
            'aria-label': text ? `Edit notes: ${text.slice(0, 80)}` : 'Add notes',
            onClick: () => {
              setAutoFocus(true);
              setActive(true);
            },
            onFocus: () => {
              setAutoFocus(true);
              setActive(true);
            },
          }
        : {})}
      data-field="notes"
    >
      {text || (canWrite ? 'Add notes…' : '')}
    </div>
  );
  if (!mounted) return <div className="tl-notes">{preview}</div>;
  return (
    <div className="tl-notes" data-testid="notes-editor">
      <Suspense fallback={preview}>
        <NotesEditor
          fragment={fragment}
          provider={sync.provider}
          name={name}
          editable={canWrite}
          label="Notes"
          autoFocus={autoFocus}
          onBlur={() => {
            setActive(false);
            setAutoFocus(false);
          }}
        />
      </Suspense>
    </div>
  );
}
