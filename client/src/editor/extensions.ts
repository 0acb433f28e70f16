// The Tiptap extension set for collaborative rich text bound to one Y.XmlFragment.
import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { renderCaret } from './caret.ts';

export interface CollabOptions {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  /** The local awareness `user` (display name); the server stamps role and colour. */
  user: Record<string, unknown>;
}

export function collabExtensions({ fragment, provider, user }: CollabOptions): Extensions {
  return [
    // Yjs owns undo (the Collaboration extension's undo manager), so StarterKit's is off.
    StarterKit.configure({ undoRedo: false, heading: false, horizontalRule: false }),
    Collaboration.configure({ fragment }),
    CollaborationCaret.configure({ provider, user, render: renderCaret }),
  ];
}
