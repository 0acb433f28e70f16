// The first sync of a review nobody has open is answered from what is stored
// (checkpoint + tail as encoded updates) while the server builds the document;
// writes that arrive meanwhile still pass the gate before anything is stored.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@hindsight/protocol';
import { FACILITATION_ROOT, FacilitationKey, addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { openRawOk, syncStep1Message, updateMessage } from '../helpers/raw.ts';
import { exportJson, startServer } from '../helpers/server.ts';

const AT = 1_700_000_000_000;

describe('first sync from what is stored', () => {
  it('a cold join gets the full state; writes sent while the room loads are judged, stored and relayed', async () => {
    let server = await startServer();
    const review = await server.createReview('Cold');
    let author = connect(server, review.id, review.tokens.editor);
    await synced(author);
    const ctx = defaultContext('author');
    for (let i = 0; i < 300; i++) addEntry(author.doc, { at: AT + i, summary: `checkpointed ${i}` }, ctx);
    const watcher = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(watcher.doc).length === 300, 'the first 300 entries to be committed');
    watcher.destroy();
    // The part a returning client will already hold.
    const earlier = Y.encodeStateAsUpdate(author.doc);
    const authorDoc = author.doc;
    author.provider.destroy();
    // A clean stop checkpoints; the next 100 entries are a tail after that checkpoint, cut by a kill -9.
    expect(await server.stop()).toBe(0);
    server = await startServer({ dataDir: server.dataDir });
    author = connect(server, review.id, review.tokens.editor, authorDoc);
    await synced(author);
    for (let i = 300; i < 400; i++) addEntry(author.doc, { at: AT + i, summary: `tail ${i}` }, ctx);
    const second = connect(server, review.id, review.tokens.observer);
    await waitFor(() => readTimeline(second.doc).length === 400, 'the tail to be committed');
    second.destroy();
    author.destroy();
    await server.kill9();

    server = await startServer({ dataDir: server.dataDir });
    // A raw writer opens the review first and asks at once, before the room can have built its document,
    // then sends a change. (The forger's change, sent only once that first request is answered: any change
    // makes the room build at once, and one arriving first would leave nothing to answer from the store.)
    const honest = await openRawOk(server, review.id, review.tokens.editor);
    honest.send(syncStep1Message(new Y.Doc()));
    const offline = new Y.Doc();
    addEntry(offline, { at: AT + 1_000, summary: 'sent while loading' }, defaultContext('offline'));
    honest.send(updateMessage(Y.encodeStateAsUpdate(offline)));
    await waitFor(() => honest.received.some((m) => m[0] === 0 && m[1] === 1), 'the first request to be answered');
    const forger = await openRawOk(server, review.id, review.tokens.editor);
    const forged = new Y.Doc();
    forged.getMap(FACILITATION_ROOT).set(FacilitationKey.frozen, true);
    forger.send(updateMessage(Y.encodeStateAsUpdate(forged)));
    // A stock client holding nothing, and one holding the first 300 entries (its answer is a diff).
    const fresh = connect(server, review.id, review.tokens.observer);
    const returningDoc = new Y.Doc();
    Y.applyUpdate(returningDoc, earlier);
    const returning = connect(server, review.id, review.tokens.editor, returningDoc);
    await Promise.all([synced(fresh), synced(returning)]);
    await waitFor(() => readTimeline(fresh.doc).length === 401, 'the fresh client to hold every entry', 30_000);
    await waitFor(() => readTimeline(returning.doc).length === 401, 'the returning client to hold every entry');
    const summaries = readTimeline(fresh.doc).map((e) => e.summary);
    expect(summaries).toContain('checkpointed 0');
    expect(summaries).toContain('tail 399');
    expect(summaries).toContain('sent while loading');
    expect((await forger.closed).code).toBe(CloseCode.ChangeRefused);
    expect(fresh.doc.getMap(FACILITATION_ROOT).get(FacilitationKey.frozen)).toBeUndefined();
    expect(server.logs.some((l) => l.msg === 'first sync answered from the stored state')).toBe(true);
    expect(honest.ws.readyState).toBe(honest.ws.OPEN);
    honest.ws.close();
    fresh.destroy();
    returning.destroy();

    // Stored: a restart still has the write sent while loading, and not the forged one.
    expect(await server.stop()).toBe(0);
    server = await startServer({ dataDir: server.dataDir });
    const exported = await exportJson(server, review.id, review.tokens.observer);
    const stored = (exported.timeline as { summary: string }[]).map((e) => e.summary);
    expect(stored).toHaveLength(401);
    expect(stored).toContain('sent while loading');
    await server.stop();
  }, 120_000);
});
