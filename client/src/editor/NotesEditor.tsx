// A collaborative rich-text editor bound to one Y.XmlFragment, with other people's carets. Loaded on demand.
import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { collabExtensions } from './extensions.ts';
import { BlamelessDecorations, type BlamelessDecorationsOptions } from './blamelessDecorations.ts';
import './editor.css';

export interface NotesEditorProps {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  name: string;
  editable: boolean;
  label: string;
  autoFocus?: boolean;
  /** Text typed before the editor existed, inserted once it does. */
  initialInsert?: string;
  /** Called once `initialInsert` is in the document (an editor re-created for another fragment must not insert it again). */
  onInitialInserted?: () => void;
  onFocus?: () => void;
  onBlur?: () => void;
  /** Underlines blameless-language findings; read when the editor is created. */
  blameless?: BlamelessDecorationsOptions;
}

export function NotesEditor({
  fragment,
  provider,
  name,
  editable,
  label,
  autoFocus,
  initialInsert,
  onInitialInserted,
  onFocus,
  onBlur,
  blameless,
}: NotesEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        ...collabExtensions({ fragment, provider, user: { name } }),
        ...(blameless ? [BlamelessDecorations.configure(blameless)] : []),
      ],
      editable,
      editorProps: {
        attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', class: 'notes-editor' },
      },
      onFocus: () => onFocus?.(),
      onBlur: () => onBlur?.(),
    },
    [fragment, provider, name],
  );
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);
  // Runs after EditorContent mounted the view (child effects first), in the same commit as the click.
  useEffect(() => {
    if (!editor || editor.isDestroyed || !autoFocus) return;
    editor.commands.focus('end');
    if (initialInsert) {
      editor.commands.insertContent(initialInsert);
      onInitialInserted?.();
    }
    // Only on mount of this editor instance: later prop changes must not refocus.
  }, [editor]);
  return <EditorContent editor={editor} />;
}
