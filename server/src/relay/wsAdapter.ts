// The only file that imports `ws`: completes upgrades, adapts a WebSocket to
// the relay's Transport, and keeps connections alive with ping/pong.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { SYNC_SUBPROTOCOL } from '@hindsight/protocol';
import type { Transport } from './types.ts';

export interface SocketEvents {
  message(data: Uint8Array): void;
  /** A text frame: the y-websocket protocol is binary only. */
  textFrame(): void;
  closed(code: number): void;
}

export interface WsEndpoint {
  /** Completes the upgrade; `onOpen` runs synchronously with the open socket and returns its event handlers. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer, onOpen: (transport: Transport) => SocketEvents): void;
  /** Stops pinging and terminates every socket still open. */
  close(): void;
}

export interface WsEndpointOptions {
  /** Largest frame accepted; a bigger one closes the socket with 1009. */
  maxFrameBytes: number;
  /** A socket that has not answered the previous ping within this interval is terminated. */
  pingIntervalMs: number;
  onError?: (err: Error) => void;
}

export function createWsEndpoint(options: WsEndpointOptions): WsEndpoint {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxFrameBytes,
    perMessageDeflate: false,
    // The app's client offers its marker and its token; only the marker is ever echoed back.
    handleProtocols: (offered) => (offered.has(SYNC_SUBPROTOCOL) ? SYNC_SUBPROTOCOL : false),
  });
  const alive = new WeakMap<WebSocket, boolean>();

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, options.pingIntervalMs);
  pinger.unref();

  return {
    accept(req, socket, head, onOpen) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        alive.set(ws, true);
        const transport: Transport = {
          send: (data) => ws.send(data),
          close: (code, reason) => ws.close(code, reason),
          terminate: () => ws.terminate(),
          pause: () => ws.pause(),
          resume: () => ws.resume(),
          get bufferedAmount() {
            return ws.bufferedAmount;
          },
        };
        // Listeners go on before anything can await: no frame may be missed.
        const events = onOpen(transport);
        ws.on('pong', () => alive.set(ws, true));
        ws.on('message', (data, isBinary) => {
          alive.set(ws, true);
          if (!isBinary) {
            events.textFrame();
            return;
          }
          events.message(
            Array.isArray(data) ? new Uint8Array(Buffer.concat(data)) : new Uint8Array(data as ArrayBuffer | Buffer),
          );
        });
        ws.on('error', (err) => options.onError?.(err));
        ws.on('close', (code) => events.closed(code));
      });
    },
    close() {
      clearInterval(pinger);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
