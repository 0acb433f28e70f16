// Stock y-websocket clients in Node (ws as the WebSocket), and small waits.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { defineRoots } from '@hindsight/doc';
import type { RunningServer } from './server.ts';

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A stock WebsocketProvider exactly as SPEC 3.3 shows it, with ws standing in for the browser's WebSocket. */
export function connect(
  server: RunningServer,
  reviewId: string,
  token: string,
  doc = new Y.Doc(),
  /** The WebSocket class the provider uses (a subclass of ws's, e.g. one that records frames). */
  socket: new (url: string, protocols?: string | string[]) => WebSocket = WebSocket,
): Client {
  const provider = new WebsocketProvider(server.syncUrl, reviewId, doc, {
    params: { token },
    WebSocketPolyfill: socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `check` returns true; rejects with `what` after `timeoutMs`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function synced(client: Client): Promise<void> {
  await waitFor(() => client.provider.synced, 'provider to sync');
}

/** A stable, key-sorted JSON form of a review doc's content, for comparing replicas. */
export function canonical(doc: Y.Doc): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  // Instantiate every root of the schema with its real type first: a replica that
  // only received updates holds untyped roots whose toJSON() is empty.
  defineRoots(doc);
  const out: Record<string, unknown> = {};
  for (const [name, type] of doc.share) out[name] = sortKeys(type.toJSON());
  return JSON.stringify(sortKeys(out));
}
