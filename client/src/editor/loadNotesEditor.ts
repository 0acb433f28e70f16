// Loads the Tiptap notes editor chunk once; after that it renders synchronously (no keystroke lost to a loading gap).
import type { NotesEditor } from './NotesEditor.tsx';

type Editor = typeof NotesEditor;
let loaded: Editor | null = null;
let loading: Promise<Editor> | null = null;

export function loadNotesEditor(): Promise<Editor> {
  loading ??= import('./NotesEditor.tsx').then((m) => (loaded = m.NotesEditor));
  return loading;
}

/** The editor component if its chunk is already loaded. */
export function loadedNotesEditor(): Editor | null {
  return loaded;
}
