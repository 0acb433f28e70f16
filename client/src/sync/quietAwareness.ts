// Presence that says nothing when nothing changed. y-websocket sends a presence message for every awareness
// 'update', and Awareness emits one for every setLocalStateField, changed or not. Tiptap's caret extension
// announces the same user each time an editor's plugins are set up, and the caret plugin clears a cursor that
// is clear already: opening the Report tab sent ~70 identical presence messages in 200 ms, past the server's
// presence limit (AWARENESS_PER_SECOND, bursts of twice that), which closed the connection (4429) and held the
// narrative just typed until the reconnect. The periodic renewal (setLocalState) still goes out.
import { Awareness } from 'y-protocols/awareness';
import { equalityDeep } from 'lib0/function';

export class QuietAwareness extends Awareness {
  override setLocalStateField(field: string, value: unknown): void {
    const state = this.getLocalState();
    if (state !== null && field in state && equalityDeep(state[field], value)) return;
    super.setLocalStateField(field, value);
  }
}
