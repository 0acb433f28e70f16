// A collaborative rich-text editor bound to one Y.XmlFragment, with other people's carets. Loaded on demand.
import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { collabExtensions } from './extensions.ts';

export interface NotesEditorProps {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  name: string;
  editable: boolean;
  label: string;
  autoFocus?: boolean;
  onFocus?: () => void;
  onBlur?: () => void;
}

export function NotesEditor({
  fragment,
  provider,
  name,
  editable,
  label,
  autoFocus,
  onFocus,
  onBlur,
}: NotesEditorProps) {
  const editor = useEditor(
    {
      extensions: collabExtensions({ fragment, provider, user: { name } }),
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
    editor?.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    if (editor && autoFocus) editor.commands.focus('end');
  }, [editor, autoFocus]);
  return <EditorContent editor={editor} />;
}
