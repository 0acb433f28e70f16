// Floods: per-connection rate limits, many connections at once, and a peer
// that stops reading is cut off instead of growing the server's memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MessageType } from '@hindsight/protocol';
import { addEntry, defaultContext, readTimeline } from '@hindsight/doc';
import { connect, synced, waitFor, type Client } from '../helpers/clients.ts';
import { openRawOk, updateMessage } from '../helpers/raw.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

function awarenessMessage(awareness: awarenessProtocol.Awareness): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
  return encoding.toUint8Array(e);
}

describe('floods', () => {
  let server: RunningServer;
  let review: ReviewHandle;

  beforeAll(async () => {
    server = await startServer({
      env: {
        MAX_BUFFERED_BYTES: String(256 * 1024),
        UPDATES_PER_SECOND: '2000',
        BYTES_PER_SECOND: String(64 * 1024 * 1024),
        // Two hundred observers share one link here; the per-link cap (4431) has its own test.
        MAX_CONNECTIONS_PER_LINK: '500',
        LOG_LEVEL: 'info',
      },
    });
    review = await server.createReview('Floods');
  });
  afterAll(async () => {
    await server.stop();
  });

  it('closes a connection that floods awareness, and keeps the others', async () => {
    const honest = connect(server, review.id, review.tokens.editor);
    await synced(honest);
    const flooder = await openRawOk(server, review.id, review.tokens.observer);
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    for (let i = 0; i < 500; i++) {
      awareness.setLocalState({ user: { name: `flood ${i}` } });
      flooder.send(awarenessMessage(awareness));
    }
    expect((await flooder.closed).code).toBe(CloseCode.RateLimited);
    awareness.destroy();
    // The flooder's presence is gone from everyone else's view.
    await waitFor(
      () => !honest.provider.awareness.getStates().has(awareness.clientID),
      'the flooder’s presence to be removed',
    );
    expect(honest.provider.wsconnected).toBe(true);
    honest.destroy();
  });

  it('serves two hundred connections opening at once', async () => {
    const clients: Client[] = Array.from({ length: 200 }, () => connect(server, review.id, review.tokens.observer));
    await Promise.all(clients.map(synced));
    const writer = connect(server, review.id, review.tokens.editor);
    await synced(writer);
    const id = addEntry(writer.doc, { at: Date.UTC(2026, 0, 1), summary: 'reaches everyone' }, defaultContext('w'));
    await waitFor(
      () => clients.every((c) => readTimeline(c.doc).some((e) => e.id === id)),
      'the entry to reach all 200 clients',
      30_000,
    );
    clients.forEach((c) => c.destroy());
    writer.destroy();
  });

  it('cuts off a peer that stops reading instead of buffering without bound', async () => {
    const stalled = await openRawOk(server, review.id, review.tokens.observer);
    // Stop reading: the kernel buffers fill, then the server's send buffer grows.
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const writer = await openRawOk(server, review.id, review.tokens.editor);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const chunk = 'x'.repeat(32 * 1024);
    const cut = () => server.logs.some((l) => l.msg === 'closing connection' && l.code === CloseCode.SlowConsumer);
    for (let i = 0; i < 2000 && !cut(); i++) {
      addEntry(doc, { at: i, summary: `bulk ${i}`, notes: chunk }, defaultContext('bulk'));
      writer.send(updateMessage(updates.at(-1)!));
      if (i % 20 === 19) await new Promise((r) => setTimeout(r, 50));
    }
    await waitFor(cut, 'the stalled peer to be cut off as a slow consumer');
    expect(server.process.exitCode).toBeNull();
    writer.ws.close();
    stalled.ws.terminate();
  });
});
