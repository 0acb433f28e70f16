// Facilitator-only controls are enforced in the relay, by content: an editor's
// update that starts a meeting, freezes, changes the status, or touches a
// frozen timeline is dropped (never applied, relayed or stored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addEntry,
  addWhy,
  defaultContext,
  deleteEntry,
  readFacilitation,
  readMeta,
  readTimeline,
  readWhysTree,
  setStatus,
  setTimelineFrozen,
  startMeeting,
} from '@hindsight/doc';
import { CloseCode } from '@hindsight/protocol';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRawOk, updateMessage } from '../helpers/raw.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

describe('facilitator controls', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  let facilitator: Client;
  let editor: Client;
  let watcher: Client;
  const ctx = defaultContext('t');

  beforeAll(async () => {
    server = await startServer();
    review = await server.createReview('Meeting');
    facilitator = connect(server, review.id, review.tokens.facilitator);
    editor = connect(server, review.id, review.tokens.editor);
    watcher = connect(server, review.id, review.tokens.observer);
    await Promise.all([facilitator, editor, watcher].map(synced));
  });
  afterAll(async () => {
    [facilitator, editor, watcher].forEach((c) => c.destroy());
    await server.stop();
  });

  /** What `change` makes of a copy of the watcher's document, as one update. */
  const crafted = (change: (d: Y.Doc) => void): Uint8Array => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(watcher.doc));
    const before = Y.encodeStateVector(copy);
    change(copy);
    return Y.encodeStateAsUpdate(copy, before);
  };

  async function settle(): Promise<void> {
    // A marker edit by the facilitator: once the watcher has it, anything sent before it was handled.
    const id = addEntry(facilitator.doc, { at: 0, summary: 'marker' }, ctx);
    await waitFor(() => readTimeline(watcher.doc).some((e) => e.id === id), 'the marker edit');
  }

  /** Sends `update` as an editor on a fresh socket; resolves with the close code it earned. */
  async function sendAsEditor(update: Uint8Array): Promise<number> {
    const raw = await openRawOk(server, review.id, review.tokens.editor);
    raw.send(updateMessage(update));
    return (await raw.closed).code;
  }

  it('an editor cannot start the meeting, freeze or change the status', async () => {
    expect(await sendAsEditor(crafted((d) => startMeeting(d, { minutes: 60 }, ctx)))).toBe(CloseCode.ChangeRefused);
    expect(await sendAsEditor(crafted((d) => setTimelineFrozen(d, true, ctx)))).toBe(CloseCode.ChangeRefused);
    expect(await sendAsEditor(crafted((d) => setStatus(d, 'published', ctx)))).toBe(CloseCode.ChangeRefused);
    await settle();
    expect(readFacilitation(watcher.doc, Date.now())).toMatchObject({ frozen: false, meeting: { running: false } });
    expect(readMeta(watcher.doc).status).toBe('collecting');
  });

  it('the facilitator can, and everyone sees it', async () => {
    startMeeting(facilitator.doc, { minutes: 90 }, ctx);
    setStatus(facilitator.doc, 'reviewing', ctx);
    await waitFor(
      () => readFacilitation(editor.doc, Date.now()).meeting.running && readMeta(editor.doc).status === 'reviewing',
      'the meeting and the status to reach the editor',
    );
  });

  it('a frozen timeline drops editors’ timeline changes, keeps their other work, and thaws', async () => {
    setTimelineFrozen(facilitator.doc, true, ctx);
    await waitFor(() => readFacilitation(editor.doc, Date.now()).frozen, 'the freeze to reach the editor');

    const entry = readTimeline(watcher.doc)[0]!.id;
    expect(await sendAsEditor(crafted((d) => addEntry(d, { at: 5, summary: 'crafted while frozen' }, ctx)))).toBe(
      CloseCode.ChangeRefused,
    );
    expect(await sendAsEditor(crafted((d) => deleteEntry(d, entry, ctx)))).toBe(CloseCode.ChangeRefused);
    addWhy(editor.doc, { text: 'why is still open' }, ctx);
    const byFacilitator = addEntry(facilitator.doc, { at: 7, summary: 'facilitator while frozen' }, ctx);
    await settle();
    await waitFor(() => readWhysTree(watcher.doc).length === 1, 'the why to be accepted');
    const summaries = readTimeline(watcher.doc).map((e) => e.summary);
    expect(summaries).not.toContain('crafted while frozen');
    expect(readTimeline(watcher.doc).some((e) => e.id === entry)).toBe(true);
    expect(readTimeline(watcher.doc).some((e) => e.id === byFacilitator)).toBe(true);
    const exported = JSON.stringify(await exportJson(server, review.id, review.tokens.observer));
    expect(exported).not.toContain('crafted while frozen');

    setTimelineFrozen(facilitator.doc, false, ctx);
    await waitFor(() => !readFacilitation(editor.doc, Date.now()).frozen, 'the thaw to reach the editor');
    addEntry(editor.doc, { at: 8, summary: 'after the thaw' }, ctx);
    await waitFor(() => readTimeline(watcher.doc).some((e) => e.summary === 'after the thaw'), 'editing to work again');
  });
});
