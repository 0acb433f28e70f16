// The sync endpoint's token and connection limits against the real server: the
// app's way (token in Sec-WebSocket-Protocol, nothing in the URL), the stock
// client's way (?token=) still working, and the per-link connection cap with
// its close code.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMeta } from '@hindsight/doc';
import { CloseCode, CloseReason, SYNC_SUBPROTOCOL, syncProtocols } from '@hindsight/protocol';
import { connect, synced, waitFor } from '../helpers/clients.ts';
import { startServer, type ReviewHandle, type RunningServer } from '../helpers/server.ts';

const CAP = 3;

describe('sync tokens and connection cap', () => {
  let server: RunningServer;
  let review: ReviewHandle;
  beforeAll(async () => {
    server = await startServer({ env: { MAX_CONNECTIONS_PER_LINK: String(CAP) } });
    review = await server.createReview('Token in the subprotocol');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("syncs with the token in Sec-WebSocket-Protocol (the app's client), and no token in the URL", async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(server.syncUrl, review.id, doc, {
      protocols: syncProtocols(review.tokens.editor),
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      await waitFor(() => provider.synced, 'the subprotocol client to sync');
      expect(readMeta(doc).title).toBe('Token in the subprotocol');
      expect(provider.url).not.toContain(review.tokens.editor);
      expect((provider.ws as unknown as WebSocket).protocol).toBe(SYNC_SUBPROTOCOL);
      // The server log names the connection, never the token.
      expect(JSON.stringify(server.logs)).not.toContain(review.tokens.editor);
    } finally {
      provider.destroy();
      doc.destroy();
    }
  });

  it('refuses a wrong token in the subprotocol before the upgrade (401)', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.syncUrl}/${review.id}`, syncProtocols('not-a-real-token-0123456789'));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(401);
  });

  it('the stock client with ?token= still works', async () => {
    const client = connect(server, review.id, review.tokens.observer);
    try {
      await synced(client);
      expect(readMeta(client.doc).title).toBe('Token in the subprotocol');
    } finally {
      client.destroy();
    }
  });

  it(`closes a link's connection past ${CAP} with 4431 and a reason that says what to do; others carry on`, async () => {
    const open: WebSocket[] = [];
    const opened = (ws: WebSocket) => new Promise<void>((r) => ws.once('open', () => r()));
    try {
      for (let i = 0; i < CAP; i++) {
        const ws = new WebSocket(`${server.syncUrl}/${review.id}?token=${review.tokens.facilitator}`);
        open.push(ws);
        await opened(ws);
      }
      const extra = new WebSocket(`${server.syncUrl}/${review.id}?token=${review.tokens.facilitator}`);
      const firstMessage = new Promise<boolean>((r) => {
        extra.once('message', () => r(true));
        extra.once('close', () => r(false));
      });
      const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
        extra.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
      );
      expect(closed.code).toBe(CloseCode.TooManyConnections);
      expect(closed.reason).toBe(CloseReason[CloseCode.TooManyConnections]);
      expect(closed.reason).toMatch(/close other tabs/);
      // Not one byte of the document reached it.
      expect(await firstMessage).toBe(false);
      // Another link of the same review is not affected.
      const editor = connect(server, review.id, review.tokens.editor);
      await synced(editor);
      editor.destroy();
      // When one closes, the link may connect again.
      const leaving = open.pop()!;
      await new Promise<void>((r) => {
        leaving.once('close', () => r());
        leaving.close();
      });
      // The server may see the close a moment after the client: retry until one is accepted and greeted.
      let again: WebSocket | null = null;
      let greeted = false;
      await waitFor(() => {
        if (again === null || again.readyState === WebSocket.CLOSED) {
          again = new WebSocket(`${server.syncUrl}/${review.id}?token=${review.tokens.facilitator}`);
          again.on('error', () => undefined);
          again.once('message', () => (greeted = true));
        }
        return greeted;
      }, 'a greeted connection once one was closed');
      open.push(again!);
    } finally {
      for (const ws of open) ws.close();
    }
  });
});
