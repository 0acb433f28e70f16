// An entry's notes: a live plain-text preview, swapped for the Tiptap editor while someone edits it.
// An entry may have no notes fragment (SPEC 3.4's minimal entry): it is created on the first
// keystroke or paste (`ensureEntryNotes`), not on focus, so looking at a row writes nothing.
import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import * as Y from 'yjs';
import { ensureEntryNotes, EntryKey, fragmentText, keepNotesIfCreationLoses, plainText, Root } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useRecordField } from '../../sync/useRecordField.ts';
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
  const { sync, ctx, canWrite, name } = useReview();
  const stored = useRecordField(sync.doc, Root.timeline, entryId, EntryKey.notes);
  const fragment = stored instanceof Y.XmlFragment ? stored : null;
  const text = useYRead(
    fragment,
    useCallback(() => (fragment ? fragmentText(fragment) : plainText(stored)), [fragment, stored]),
  );
  const textId = `entry:${entryId}:notes`;
  const findings = useFindings(textId, text);
  const blameless = useBlamelessOptions(textId);
  const [active, setActive] = useState(false);
  const [autoFocus, setAutoFocus] = useState(false);
  const wanted = active || (othersEditing && canWrite);
  const mounted = wanted && fragment !== null;
  const [Editor, setEditor] = useState(loadedNotesEditor);
  const typedEarly = useRef('');
  // Started the notes here: if someone else started them at the same moment, keep what was typed here.
  const stopWatching = useRef<(() => void) | null>(null);
  useEffect(() => () => stopWatching.current?.(), []);
  useEffect(() => {
    if (wanted && !Editor) void loadNotesEditor().then((c) => setEditor(() => c));
  }, [wanted, Editor]);
  // What was typed before the editor could exist is kept, and the first of it creates the notes.
  const keepEarly = (typed: string): void => {
    typedEarly.current += typed;
    if (!fragment && !stopWatching.current) {
      const created = ensureEntryNotes(sync.doc, entryId, ctx);
      stopWatching.current = keepNotesIfCreationLoses(sync.doc, entryId, created, ctx);
    }
  };
  const activate = (): void => {
    setAutoFocus(true);
    setActive(true);
  };
  // Keys pressed while the editor chunk is still loading are kept and inserted once it is ready.
  const onPreviewKey = (event: KeyboardEvent): void => {
    if (!active || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    keepEarly(event.key);
  };
  const onPreviewPaste = (event: ClipboardEvent): void => {
    const pasted = event.clipboardData.getData('text/plain');
    if (!active || !pasted) return;
    event.preventDefault();
    keepEarly(pasted);
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
            onPaste: onPreviewPaste,
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
        onInitialInserted={() => {
          typedEarly.current = '';
        }}
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
