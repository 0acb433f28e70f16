// An entry's notes: a live plain-text preview, swapped for the Tiptap editor while someone edits it.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { fragmentText, getEntryNotes } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { loadedNotesEditor, loadNotesEditor } from '../../editor/loadNotesEditor.ts';
import { FlaggedText } from '../language/FlaggedText.tsx';
import { NotesLanguage, useBlamelessOptions } from '../language/NotesLanguage.tsx';
import { useFindings } from '../language/useFindings.ts';

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
  const textId = `entry:${entryId}:notes`;
  const findings = useFindings(textId, text);
  const blameless = useBlamelessOptions(textId);
  const [active, setActive] = useState(false);
  const [autoFocus, setAutoFocus] = useState(false);
  const mounted = active || (othersEditing && canWrite);
  const [Editor, setEditor] = useState(loadedNotesEditor);
  const typedEarly = useRef('');
  useEffect(() => {
    if (mounted && !Editor) void loadNotesEditor().then((c) => setEditor(() => c));
  }, [mounted, Editor]);
  const activate = (): void => {
    setAutoFocus(true);
    setActive(true);
  };
  // Keys pressed while the editor chunk is still loading are kept and inserted once it is ready.
  const onPreviewKey = (event: KeyboardEvent): void => {
    if (!active || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    typedEarly.current += event.key;
  };

  const preview = (
    <div
      className={`tl-notes-preview${text ? '' : ' empty'}`}
      {...(canWrite
        ? {
            role: 'button',
            tabIndex: 0,
            'aria-label': text ? `Edit notes: ${text.slice(0, 80)}` : 'Add notes',
            onClick: activate,
            onFocus: activate,
            onKeyDown: onPreviewKey,
          }
        : {})}
      data-field="notes"
    >
      {text ? <FlaggedText text={text} findings={findings} /> : canWrite ? 'Add notes…' : ''}
    </div>
  );
  const flag = <NotesLanguage textId={textId} text={text} />;
  if (!mounted || !Editor)
    return (
      <div className="tl-notes">
        {preview}
        {flag}
      </div>
    );
  return (
    <div className="tl-notes" data-testid="notes-editor">
      <Editor
        fragment={fragment}
        provider={sync.provider}
        name={name}
        editable={canWrite}
        label="Notes"
        blameless={blameless}
        autoFocus={autoFocus}
        initialInsert={typedEarly.current}
        onBlur={() => {
          typedEarly.current = '';
          setActive(false);
          setAutoFocus(false);
        }}
      />
      {flag}
    </div>
  );
}
