// The usual web protections, against the real server: security headers on app
// pages and JSON, the Host check (DNS rebinding), JSON-only bodies (a
// cross-site text/plain POST creates nothing), /metrics behind the operator
// token, source maps only on request, and /healthz's throttled write.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';

const APP_JS = 'console.log(1);\n//# sourceMappingURL=app.js.map\n';

/** A stand-in for client/dist: the app shell, a script (and its brotli copy) and its source map. */
function fakeClient(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>Hindsight</title><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(dir, 'assets/app.js'), APP_JS);
  // The build's brotli copy (client/vite.config.ts writes one beside each asset).
  writeFileSync(join(dir, 'assets/app.js.br'), brotliCompressSync(APP_JS));
  writeFileSync(join(dir, 'assets/app.js.map'), '{"version":3,"sources":["secret/src/App.tsx"]}');
  return dir;
}

/** A GET with a Host header of our choosing (fetch forbids setting Host). */
function getWithHost(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const OPERATOR = 'operator-token-0123456789';

describe('web protections', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      env: { CLIENT_DIST: fakeClient(), CREATE_TOKEN: OPERATOR, PUBLIC_URL: 'https://hindsight.example.org' },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const expectProtected = (res: Response): void => {
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  };

  it('sends CSP, frame-ancestors, Referrer-Policy and nosniff on app pages, JSON and errors', async () => {
    const page = await server.fetch('/r/some-review');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expectProtected(page);
    const json = await server.fetch('/healthz');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expectProtected(json);
    expectProtected(await server.fetch('/api/reviews/nope/session'));
  });

  it('answers only for PUBLIC_URL, loopback names and IP literals (421 with a message otherwise)', async () => {
    for (const path of ['/healthz', '/r/x', '/api/reviews/x/session']) {
      const rebound = await getWithHost(server.port, path, 'attacker.example.com');
      expect(rebound.status).toBe(421);
      expect(JSON.parse(rebound.body).error.message).toContain('PUBLIC_URL');
    }
    expect((await getWithHost(server.port, '/healthz', 'hindsight.example.org')).status).toBe(200);
    expect((await getWithHost(server.port, '/healthz', `localhost:${server.port}`)).status).toBe(200);
    expect((await getWithHost(server.port, '/healthz', `[::1]:${server.port}`)).status).toBe(200);
  });

  it('refuses the sync upgrade for a foreign Host before authenticating', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: server.port,
        path: '/sync/x?token=y',
        headers: {
          host: 'attacker.example.com',
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('upgrade', () => resolve(101));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('takes JSON only: 415 with a message for text/plain and form bodies; nothing is created', async () => {
    const headers = { authorization: `Bearer ${OPERATOR}` };
    const plain = await server.fetch('/api/reviews', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: JSON.stringify({ title: 'Sneaky' }),
    });
    expect(plain.status).toBe(415);
    const body = (await plain.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unsupported_media_type');
    expect(body.error.message).toContain('application/json');
    const form = await server.fetch('/api/reviews', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=Sneaky',
    });
    expect(form.status).toBe(415);
    const json = await server.fetch('/api/reviews', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ title: 'Real' }),
    });
    expect(json.status).toBe(201);
  });

  it('serves /metrics to the operator token only', async () => {
    const none = await server.fetch('/metrics');
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { message: string } }).error.message).toContain('CREATE_TOKEN');
    expect(
      (await server.fetch('/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
    ).toBe(401);
    const ok = await server.fetch('/metrics', { headers: { authorization: `Bearer ${OPERATOR}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('# HELP');
  });

  it('sends the brotli copy of an asset to a browser that accepts it, the asset itself to one that does not', async () => {
    const br = await server.fetch('/assets/app.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toContain('javascript');
    expect(await br.text()).toBe(APP_JS);
    const plain = await server.fetch('/assets/app.js', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(APP_JS);
  });

  it('does not serve source maps unless SERVE_SOURCE_MAPS is set', async () => {
    expect((await server.fetch('/assets/app.js')).status).toBe(200);
    const map = await server.fetch('/assets/app.js.map');
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('secret/src');
    const withMaps = await startServer({ env: { CLIENT_DIST: fakeClient(), SERVE_SOURCE_MAPS: 'true' } });
    try {
      expect(await (await withMaps.fetch('/assets/app.js.map')).text()).toContain('secret/src');
    } finally {
      await withMaps.stop();
    }
  });
});

describe('a cross-site page', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // The README's quick start: no CREATE_TOKEN, anyone may create reviews, but only as JSON.
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("cannot create a review with a no-cors text/plain POST (what a page's fetch or form may send without a preflight)", async () => {
    const res = await server.fetch('/api/reviews', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://evil.example' },
      body: JSON.stringify({ title: 'Created cross-site' }),
    });
    expect(res.status).toBe(415);
    // The page has no team token: the cross-review list is closed to it as well.
    const actions = await server.fetch('/api/actions');
    expect(actions.status).toBe(401);
    const listed = await server.fetch('/api/actions', { headers: { authorization: `Bearer ${server.teamToken!}` } });
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
