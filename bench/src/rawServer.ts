// The raw relay: forwards each binary frame to every other socket on the same URL path, and
// nothing else (no document, no storage, no parsing). Run as a child process; PORT from env.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const http = createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server: http, perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });

wss.on('connection', (ws, req) => {
  const path = (req.url ?? '/').split('?')[0]!;
  let peers = rooms.get(path);
  if (!peers) rooms.set(path, (peers = new Set()));
  peers.add(ws);
  const room = peers;
  ws.on('message', (data, isBinary) => {
    for (const peer of room) if (peer !== ws) peer.send(data, { binary: isBinary });
  });
  ws.on('error', () => ws.terminate());
  ws.on('close', () => {
    room.delete(ws);
    if (room.size === 0) rooms.delete(path);
  });
});

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate();
  http.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
});
