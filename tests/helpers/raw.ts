// Raw WebSocket peers that speak (or deliberately mangle) the y-websocket
// protocol, built with y-protocols and lib0: for tests that must send frames
// the stock client never would.
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MessageType } from '@hindsight/protocol';
import type { RunningServer } from './server.ts';

export interface RawPeer {
  ws: WebSocket;
  /** Every binary message received. */
  received: Uint8Array[];
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  send(data: Uint8Array): void;
}

export type UpgradeOutcome =
  { kind: 'open'; peer: RawPeer } | { kind: 'refused'; status: number; body: string; bytesAfter: number };

/** Opens a raw socket to /sync/<reviewId>; resolves once it is open or refused. */
export function openRaw(server: RunningServer, reviewId: string, token: string | null): Promise<UpgradeOutcome> {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`${server.syncUrl}/${encodeURIComponent(reviewId)}${query}`);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ kind: 'open', peer: { ws, received, closed, send: (d) => ws.send(d) } }));
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ kind: 'refused', status: res.statusCode ?? 0, body, bytesAfter: received.length }));
    });
    ws.on('error', (err) => {
      if (!/Unexpected server response/.test(err.message)) reject(err);
    });
  });
}

export async function openRawOk(server: RunningServer, reviewId: string, token: string): Promise<RawPeer> {
  const outcome = await openRaw(server, reviewId, token);
  if (outcome.kind !== 'open')
    throw new Error(`expected the upgrade to succeed, got ${outcome.status} ${outcome.body}`);
  return outcome.peer;
}

/** A sync-step-2 message carrying `update`. */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** An update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** A sync-step-1 message for `doc`. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}
