// Read-only links: an observer receives the document, live updates and presence;
// anything it sends that would change the document closes it (4405), judged by
// its length without decoding it, and is never applied, relayed or stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { CloseCode } from '@hindsight/protocol';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRawOk, syncStep1Message, syncStep2Message, updateMessage } from '../helpers/raw.ts';
import { exportJson, startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const forgedUpdate = (summary: string): Uint8Array => {
  const doc = new Y.Doc();
  addEntry(doc, { at: Date.UTC(2026, 0, 1), summary }, defaultContext('mallory'));
  return Y.encodeStateAsUpdate(doc);
};

describe('observer links (live, read-only)', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  const clients: Client[] = [];

  beforeAll(async () => {
    server = await startServer();
    review = await server.createReview('Observer gate');
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.stop();
  });

  it('closes an observer that sends a change, by its length alone, and stores nothing', async () => {
    const editor = connect(server, review.id, review.tokens.editor);
    clients.push(editor);
    await synced(editor);
    addEntry(editor.doc, { at: Date.UTC(2026, 0, 1, 9), summary: 'honest entry' }, defaultContext('ed'));

    for (const forged of [
      syncStep2Message(forgedUpdate('forged via sync step 2')),
      updateMessage(forgedUpdate('forged via update')),
    ]) {
      const watcher = await openRawOk(server, review.id, review.tokens.observer);
      watcher.send(syncStep1Message(new Y.Doc()));
      // An empty sync step 2, as the stock client sends on every connect, is fine...
      watcher.send(syncStep2Message(Y.encodeStateAsUpdate(new Y.Doc())));
      // ...anything longer closes the connection.
      watcher.send(forged);
      expect((await watcher.closed).code).toBe(CloseCode.ReadOnly);
    }

    // A fresh client (a stock provider) sees only the honest entries.
    addEntry(editor.doc, { at: Date.UTC(2026, 0, 1, 10), summary: 'second honest entry' }, defaultContext('ed'));
    const fresh = connect(server, review.id, review.tokens.facilitator);
    clients.push(fresh);
    await synced(fresh);
    await waitFor(() => readTimeline(fresh.doc).length === 2, 'a fresh client to see both honest entries');
    const summaries = (doc: Y.Doc) => readTimeline(doc).map((e) => e.summary);
    expect(summaries(fresh.doc)).toEqual(['honest entry', 'second honest entry']);
    expect(summaries(editor.doc)).toEqual(['honest entry', 'second honest entry']);
    const exported = await exportJson(server, review.id, review.tokens.facilitator);
    expect(JSON.stringify(exported)).not.toContain('forged');
  });

  it('a stock provider on an observer link syncs and gets live edits; a local edit closes it and never leaves it', async () => {
    const observer = connect(server, review.id, review.tokens.observer);
    clients.push(observer);
    await synced(observer);
    expect(readTimeline(observer.doc)).toHaveLength(2);
    const editor = clients[0]!;
    addEntry(editor.doc, { at: Date.UTC(2026, 0, 1, 12), summary: 'third honest entry' }, defaultContext('ed'));
    await waitFor(
      () => readTimeline(observer.doc).some((e) => e.summary === 'third honest entry'),
      'the observer to get live edits',
    );
    const closes: number[] = [];
    observer.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closes.push(event.code);
    });
    addEntry(
      observer.doc,
      { at: Date.UTC(2026, 0, 1, 11), summary: 'forged by a stock observer' },
      defaultContext('rd'),
    );
    await waitFor(() => closes.includes(CloseCode.ReadOnly), 'the observer to be closed as read-only');
    // A later honest edit reaches a fresh client; the forged one never does.
    addEntry(editor.doc, { at: Date.UTC(2026, 0, 1, 13), summary: 'fourth honest entry' }, defaultContext('ed'));
    const late = connect(server, review.id, review.tokens.facilitator);
    clients.push(late);
    await synced(late);
    await waitFor(() => readTimeline(late.doc).some((e) => e.summary === 'fourth honest entry'), 'the fourth entry');
    expect(readTimeline(late.doc).map((e) => e.summary)).not.toContain('forged by a stock observer');
  });

  it('stamps presence from the link: an observer cannot pose as the facilitator or take over another client id', async () => {
    const editor = clients[0]!;
    editor.provider.awareness.setLocalStateField('user', { name: 'Ed', role: 'observer' });
    const observer = connect(server, review.id, review.tokens.observer);
    clients.push(observer);
    observer.provider.awareness.setLocalStateField('user', {
      name: 'Totally the facilitator',
      role: 'facilitator',
      color: '#000',
    });
    await synced(observer);
    await waitFor(() => {
      const s = editor.provider.awareness.getStates().get(observer.doc.clientID) as
        { user?: { role: string } } | undefined;
      return s?.user?.role === 'observer';
    }, 'the editor to see the observer stamped as an observer');
    const seen = editor.provider.awareness.getStates().get(observer.doc.clientID) as { user: Record<string, string> };
    expect(seen.user.name).toBe('Totally the facilitator');
    expect(seen.user.color).not.toBe('#000');
    // The server echoes the editor's own state back stamped as an editor.
    await waitFor(() => {
      const own = observer.provider.awareness.getStates().get(editor.doc.clientID) as
        { user?: { role: string } } | undefined;
      return own?.user?.role === 'editor';
    }, 'the observer to see the editor stamped as an editor');
  });

  it('two people on one shared link keep their own presence through each other’s echoes', async () => {
    const a = connect(server, review.id, review.tokens.editor);
    const b = connect(server, review.id, review.tokens.editor);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    // The stock client echoes every awareness update it receives; none of that may steal an id or trip a limit.
    for (let i = 0; i < 40; i++) {
      a.provider.awareness.setLocalStateField('user', { name: `Ana ${i}` });
      b.provider.awareness.setLocalStateField('user', { name: `Bo ${i}` });
      await new Promise((r) => setTimeout(r, 30));
    }
    const nameOf = (viewer: Client, of: Client) =>
      (viewer.provider.awareness.getStates().get(of.doc.clientID) as { user?: { name?: string } } | undefined)?.user
        ?.name;
    await waitFor(() => nameOf(b, a) === 'Ana 39' && nameOf(a, b) === 'Bo 39', 'each to see the other’s latest name');
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('nothing an observer sent is in the store after a restart', async () => {
    const dataDir = server.dataDir;
    clients.splice(0).forEach((c) => c.destroy());
    expect(await server.stop()).toBe(0);
    server = await startServer({ dataDir });
    const exported = await exportJson(server, review.id, review.tokens.editor);
    const timeline = exported.timeline as { summary: string }[];
    expect(timeline.map((e) => e.summary)).toEqual([
      'honest entry',
      'second honest entry',
      'third honest entry',
      'fourth honest entry',
    ]);
    expect(JSON.stringify(exported)).not.toContain('forged');
  });
});
