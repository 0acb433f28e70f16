// The HTTP upgrade to the sync WebSocket. The link is authenticated before
// the upgrade completes: a refused request gets a JSON HTTP error and never a
// byte of the document.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiErrorCode, CloseCode, CloseReason, SYNC_PATH, TOKEN_PARAM, tokenFromProtocols } from '@hindsight/protocol';
import type { RoomRegistry } from './registry.ts';
import type { Identity, RelayLogger } from './types.ts';
import type { WsEndpoint } from './wsAdapter.ts';

export type AuthResult =
  { ok: true; identity: Identity } | { ok: false; status: 401 | 403 | 404 | 503; code: ApiErrorCode; message: string };

export type Authenticate = (reviewId: string, token: string | null) => Promise<AuthResult>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  421: 'Misdirected Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
};

function refuse(socket: Duplex, status: number, code: ApiErrorCode, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** Parses `/sync/<reviewId>?token=...`; null when the path is not a sync path. */
export function parseSyncUrl(rawUrl: string | undefined): { reviewId: string; token: string | null } | null {
  const url = new URL(rawUrl ?? '/', 'http://relay.invalid');
  const prefix = `${SYNC_PATH}/`;
  if (!url.pathname.startsWith(prefix)) return null;
  let reviewId: string;
  try {
    reviewId = decodeURIComponent(url.pathname.slice(prefix.length));
  } catch {
    return null;
  }
  if (!reviewId || reviewId.includes('/')) return null;
  return { reviewId, token: url.searchParams.get(TOKEN_PARAM) };
}

export interface UpgradeDeps {
  authenticate: Authenticate;
  endpoint: WsEndpoint;
  registry: RoomRegistry;
  log: RelayLogger;
  /** Refuses (421) an upgrade whose Host header this server does not answer for; undefined: any. */
  checkHost?: (host: string | undefined) => string | null;
  /** Open connections one link may hold on this server; the next is closed with 4431. */
  maxConnectionsPerLink?: number;
}

/** Returns the handler for the HTTP server's `upgrade` event. */
export function createUpgradeHandler(deps: UpgradeDeps): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const maxPerLink = deps.maxConnectionsPerLink ?? Number.POSITIVE_INFINITY;
  /** Open connections per link id on this server. */
  const perLink = new Map<string, number>();
  return (req, socket, head) => {
    // Before any await: a socket error must never become an uncaught exception.
    socket.on('error', (err) => deps.log.debug({ err }, 'upgrade socket error'));
    const target = parseSyncUrl(req.url);
    if (!target) {
      refuse(socket, 404, ApiErrorCode.NotFound, `no WebSocket endpoint here; connect to ${SYNC_PATH}/<reviewId>`);
      return;
    }
    const hostProblem = deps.checkHost?.(req.headers.host) ?? null;
    if (hostProblem !== null) {
      refuse(socket, 421, ApiErrorCode.MisdirectedRequest, hostProblem);
      return;
    }
    // The app's client sends its token as a subprotocol (never logged); the stock client uses ?token=.
    const token = tokenFromProtocols(req.headers['sec-websocket-protocol']) ?? target.token;
    deps.authenticate(target.reviewId, token).then(
      (result) => {
        if (socket.destroyed) return;
        if (!result.ok) {
          deps.log.info({ reviewId: target.reviewId, status: result.status, why: result.message }, 'sync refused');
          refuse(socket, result.status, result.code, result.message);
          return;
        }
        const linkId = result.identity.linkId;
        deps.endpoint.accept(req, socket, head, (transport) => {
          const open = perLink.get(linkId) ?? 0;
          if (open >= maxPerLink) {
            // Closed before it joins a room: not one byte of the document is sent.
            deps.log.info({ reviewId: target.reviewId, linkId, open }, 'connection cap reached');
            transport.close(CloseCode.TooManyConnections, CloseReason[CloseCode.TooManyConnections]);
            const ignore = (): void => undefined;
            return { message: ignore, textFrame: ignore, closed: ignore };
          }
          perLink.set(linkId, open + 1);
          const handle = deps.registry.connect(transport, result.identity);
          return {
            message: handle.message,
            textFrame: () => transport.close(CloseCode.BadMessage, CloseReason[CloseCode.BadMessage]),
            closed: () => {
              const left = (perLink.get(linkId) ?? 1) - 1;
              if (left > 0) perLink.set(linkId, left);
              else perLink.delete(linkId);
              handle.closed();
            },
          };
        });
      },
      (err: unknown) => {
        deps.log.error({ reviewId: target.reviewId, err }, 'authentication failed');
        if (!socket.destroyed) refuse(socket, 503, ApiErrorCode.Unavailable, 'cannot check the link right now; retry');
      },
    );
  };
}
