import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { QuietAwareness } from './quietAwareness.ts';

describe('QuietAwareness', () => {
  it('sends a presence update only when a field changes, and still renews the whole state', () => {
    const awareness = new QuietAwareness(new Y.Doc());
    const sent: number[] = [];
    awareness.on('update', () => sent.push(awareness.getLocalState() ? 1 : 0));
    awareness.setLocalStateField('user', { name: 'Chen Wu', color: null });
    awareness.setLocalStateField('cursor', null);
    // What Tiptap's caret extension and plugin repeat as editors mount: nothing new.
    for (let i = 0; i < 50; i++) {
      awareness.setLocalStateField('user', { name: 'Chen Wu', color: null });
      awareness.setLocalStateField('cursor', null);
    }
    expect(sent).toHaveLength(2);
    awareness.setLocalStateField('user', { name: 'Chen' });
    expect(sent).toHaveLength(3);
    expect(awareness.getLocalState()).toEqual({ user: { name: 'Chen' }, cursor: null });
    // The renewal that keeps a quiet client present (y-protocols' own timer) is not filtered.
    awareness.setLocalState(awareness.getLocalState());
    expect(sent).toHaveLength(4);
    awareness.destroy();
  });
});
